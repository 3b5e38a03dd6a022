//===- Depfile.h - Make dependency files for build systems ------*- C++ -*-===//
//
// The depfile `translate --depfile` writes: the output, then every file it
// depends on, in the syntax Make and kbuild's fixdep read (as `clang -MMD`
// writes it).
//
//===----------------------------------------------------------------------===//

#ifndef H2R_DRIVER_DEPFILE_H
#define H2R_DRIVER_DEPFILE_H

#include <string>
#include <vector>

namespace h2r::driver {

// `Target: dep \` lines, each file once, in first-seen order; spaces, `#`
// and `$` escaped as Make needs.
std::string makeDepfile(const std::string &Target,
                        const std::vector<std::string> &Dependencies);

} // namespace h2r::driver

#endif
