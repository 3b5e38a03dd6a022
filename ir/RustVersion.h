//===- ir/RustVersion.h - The oldest rustc an output serves -----*- C++ -*-===//
//
// One version type for what the output may use: lowering asks it which
// forms it may emit (asm goto from 1.87), the emitter which syntax
// (`&raw const` from 1.82), the report records it.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_RUSTVERSION_H
#define H2R_IR_RUSTVERSION_H

#include <string>

namespace h2r::ir {

struct RustVersion {
  unsigned Major = 1, Minor = 78;

  bool atLeast(unsigned Mj, unsigned Mn) const {
    return Major > Mj || (Major == Mj && Minor >= Mn);
  }
  // "1.78".
  std::string text() const {
    return std::to_string(Major) + "." + std::to_string(Minor);
  }
};

} // namespace h2r::ir

#endif
