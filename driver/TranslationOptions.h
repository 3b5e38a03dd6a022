//===- driver/TranslationOptions.h - What translate and survey share --*- C++
//-*-===//
//
// The options that describe a translation, which translate performs and
// survey answers for: the kernel tree's profile refined by explicit
// options, how the Rust is emitted, and what the frontend is asked.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_TRANSLATIONOPTIONS_H
#define H2R_DRIVER_TRANSLATIONOPTIONS_H

#include "emitter/RustEmitter.h"
#include "frontend/kernel/KernelProfile.h"
#include "frontend/kernel/TranslateOptions.h"

#include <string>

namespace h2r::driver {

struct Translation {
  frontend::KernelProfile Profile;
  emit::EmitOptions Emit;
  frontend::TranslateOptions Frontend;
  // As given: the report records them, the output's layout reads them.
  std::string KernelTree, TypesMode, ExportMode, HelperPrefix, BodyCompile;
};

// Reads the shared options. False after an error message.
bool readTranslation(Translation &T);

} // namespace h2r::driver

#endif
