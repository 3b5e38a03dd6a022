//===- emitter/KunitDoubles.h - Doubles of the suite's C calls --*- C++ -*-===//
//
// A helper that calls a C function the suite knows nothing of is tested
// against doubles (ir/KernelCheck.h): Rust functions, one per C function,
// that record each call's function and arguments and answer from a grid.
// The build gives both sides the doubles: it renames each call to such a
// function, in a copy of helpers.o (whose helpers the suite then calls by
// new names) and in the suite's object (where the translations are inlined),
// by the symbol map printed here.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_KUNITDOUBLES_H
#define H2R_EMITTER_KUNITDOUBLES_H

#include "emitter/RustEmitter.h"
#include "ir/Report.h"

#include <string>
#include <vector>

namespace h2r::emit {

// The name of a helper's C original in the suite's copy of helpers.o.
std::string copiedOriginal(const std::string &CName);

struct KunitDoubles {
  // The runtime and the doubles, as items of the suite's test module; empty
  // if no helper has doubles.
  std::string Rust;
  // objcopy's --redefine-syms map: the copied originals' new names and each
  // replaced function's double.
  std::string SymbolMap;
};

KunitDoubles emitKunitDoubles(const ir::Module &M,
                              const std::vector<ir::HelperRecord> &Helpers,
                              const EmitOptions &Opts);

} // namespace h2r::emit

#endif
