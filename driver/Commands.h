//===- driver/Commands.h - The subcommands ----------------------*- C++ -*-===//
//
//   helpers2rs translate <file.c>... [-p <build-dir>] [-o <out.rs>] ...
//   helpers2rs survey (-p <build-dir> | <file.c>... -- <flags>) ...
//   helpers2rs report <report.json>... [--format=...] ...
//
// One file per subcommand (Translate.cpp, Survey.cpp, Report.cpp), each
// with its own options; the options translate and survey share are in
// TranslationOptions.cpp. The subcommands are made on first use, so the
// options of every file can name them whatever order they start in.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_COMMANDS_H
#define H2R_DRIVER_COMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"

#include <memory>

namespace h2r::driver {

llvm::cl::OptionCategory &category();
llvm::cl::SubCommand &translateCommand();
llvm::cl::SubCommand &surveyCommand();
llvm::cl::SubCommand &reportCommand();

// Each returns the exit status. Fixed: the compile command after `--`.
int runTranslate(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);
int runSurvey(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);
int runReport();

} // namespace h2r::driver

#endif
