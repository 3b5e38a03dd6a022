//===- emitter/ReviewItems.h - The Rust beside each function's C -*- C++
//-*-===//
//
// The report shows a reviewer each function's Rust beside its C: the item
// as the output prints it, laid out as the output is.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_REVIEWITEMS_H
#define H2R_EMITTER_REVIEWITEMS_H

#include "emitter/RustEmitter.h"

#include <functional>
#include <map>
#include <string>

namespace h2r::emit {

// Every function's items (emitFunctionItems) by C name, laid out by one
// call of Layout over all of them (a marker comment parts them): one
// rustfmt run, not one per function.
std::map<std::string, std::string>
reviewItems(const ir::Module &M, const EmitOptions &Opts,
            const std::function<std::string(std::string)> &Layout);

} // namespace h2r::emit

#endif
