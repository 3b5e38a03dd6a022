//===- ir/ReportPaths.h - Report paths relative to a tree -------*- C++ -*-===//
//
// A report is read beside the tree it describes: `rust/helpers/atomic.c`,
// `include/linux/refcount.h`, not the absolute paths of one machine.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_REPORTPATHS_H
#define H2R_IR_REPORTPATHS_H

#include "ir/Report.h"

#include <string>
#include <vector>

namespace h2r::ir {

// Every path of R under one of Roots (absolute, without a trailing slash),
// made relative to the innermost such root; other paths are left as they
// are.
void relativisePaths(Report &R, std::vector<std::string> Roots);

} // namespace h2r::ir

#endif
