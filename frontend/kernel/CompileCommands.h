//===- CompileCommands.h - Where compile flags come from --------*- C++ -*-===//
//
// The LibTooling conventions: `-p <build-dir>` reads compile_commands.json,
// flags after `--` apply to every input, and otherwise the database is looked
// for in the inputs' parent directories.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_COMPILECOMMANDS_H
#define H2R_FRONTEND_KERNEL_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include <memory>
#include <string>
#include <vector>

namespace h2r::frontend {

struct CompileCommandSource {
  std::string BuildDir; // -p
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed; // from `--`
};

// A ClangTool that works in each command's directory through a file system
// of its own: it never changes the process's working directory, so tools
// may run on several threads and relative output paths keep their meaning.
std::unique_ptr<clang::tooling::ClangTool>
makeTool(const clang::tooling::CompilationDatabase &DB,
         const std::vector<std::string> &Files);

// Returns null and sets Error (one line, no "error:" prefix) on failure.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileCommands(CompileCommandSource Source,
                    const std::vector<std::string> &Files, std::string &Error);

} // namespace h2r::frontend

#endif
