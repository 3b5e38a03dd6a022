//===- GccFlags.h - Make a GCC-configured command clang's -------*- C++ -*-===//
//
// A kernel configured for GCC passes options clang rejects even when kbuild
// runs clang (`-fconserve-stack`, `-mrecord-mcount`, `-Wimplicit-fallthrough=5`,
// ...). The filter drops, and records, exactly what clang-19 would reject:
//  - options clang's driver does not know (from the driver's option table);
//  - warning options naming no warning group clang knows;
//  - options clang knows but rejects for this use, the few the kernel's
//    rust/Makefile also lists for bindgen.
// A command it cannot parse at all (an option missing its value) is an error.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_GCCFLAGS_H
#define H2R_FRONTEND_KERNEL_GCCFLAGS_H

#include "clang/Tooling/ArgumentsAdjusters.h"

#include <string>
#include <vector>

namespace h2r::frontend {

struct DroppedFlag {
  std::string Flag;
  std::string Why;
};

struct FilteredCommand {
  clang::tooling::CommandLineArguments Args;
  std::vector<DroppedFlag> Dropped;
  std::string Error; // non-empty: the command cannot be parsed
};

// Args is a whole command line, compiler first.
FilteredCommand filterGccOnlyFlags(const clang::tooling::CommandLineArguments &Args);

// The adjuster form, for ClangTool (errors are reported beforehand).
clang::tooling::ArgumentsAdjuster gccFlagFilter();

} // namespace h2r::frontend

#endif
