//===- CompileMacros.h - Predefined macros of two compiles ------*- C++ -*-===//
//
// What a compiler defines before the first line of a file: its own macros
// (`__GNUC__`, `__clang__`, `__OPTIMIZE__`, `__SANITIZE_ADDRESS__`, ...)
// and the command line's `-D`/`-U`. helpers.o's compile (GCC or clang)
// and the helpers' parse (Clang, with the bindgen rule's flags) need not
// agree; this reads both sides and says where they differ.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_COMPILEMACROS_H
#define H2R_FRONTEND_KERNEL_COMPILEMACROS_H

#include "ir/Report.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
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

// How a difference that changes code the translation reaches leaves the
// translation meaning what helpers.o means, for differences reviewed as
// such (Chain: the differing macro first, the one the code meets last):
// the change with its Chain, Why and Resolution; none for any other.
std::optional<ir::MacroChange>
reviewedDifference(const std::vector<std::string> &Chain);

// The option that gives a parse helpers.o's definition of Macro: `-U` where
// helpers.o's compile does not define it, else `-D` with its definition.
std::string compiledDefinitionOption(const MacroTable &Compile,
                                     const std::string &Macro);

} // namespace h2r::frontend

#endif
