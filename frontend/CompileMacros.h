//===- frontend/CompileMacros.h - Predefined macros of two compiles -*- C++ -*-===//
//
// What a compiler defines before the first line of a file: its own macros
// (`__GNUC__`, `__clang__`, `__OPTIMIZE__`, `__SANITIZE_ADDRESS__`, ...)
// and the command line's `-D`/`-U`. helpers.o's compile (GCC or clang)
// and the helpers' parse (Clang, with the bindgen rule's flags) need not
// agree; this reads both sides and says where they differ.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_COMPILEMACROS_H
#define H2R_FRONTEND_COMPILEMACROS_H

#include "ir/Report.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace h2r::frontend {

// Macro name to definition: the replacement list, after the parameter list
// of a function-like macro ("(x) ((x) + 1)").
using MacroTable = std::map<std::string, std::string>;

// Reads `#define` and `#undef` lines, in order (`-dM -E` output, Clang's
// predefines buffer); other lines are skipped.
MacroTable parseMacroDefinitions(llvm::StringRef Text);

// Runs Command's compiler with Command's options on an empty C file and
// `-dM -E`: the macros it predefines for that compile. Inputs, outputs,
// dependency files and `-include`d headers are left out (the parse reads
// the same headers). An error names Path.
llvm::Expected<MacroTable>
compilerPredefines(const std::vector<std::string> &Command,
                   const std::string &Path);

std::vector<ir::MacroDifferenceRecord> compareMacros(const MacroTable &Compile,
                                           const MacroTable &Parse);

// Why a difference that changes code the translation reaches does not
// change what the translation means, for differences reviewed as such
// (Chain: the differing macro first, the one the code meets last); empty
// for any other.
std::string reviewedDifference(const std::vector<std::string> &Chain);

} // namespace h2r::frontend

#endif
