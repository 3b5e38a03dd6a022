//===- tests/unit/RustCompile.h - Compile test output with rustc -*- C++ -*-===//
#ifndef H2R_TESTS_RUSTCOMPILE_H
#define H2R_TESTS_RUSTCOMPILE_H

#include <string>

namespace h2r::test {

struct RustcResult {
  bool Ok;
  std::string Diagnostics;
};

// Compiles Source as a library crate (edition 2021, -O) with warnings denied
// except the naming lints that C names trip (docs/design.md).
RustcResult compileRust(const std::string &Source, const std::string &Name);

} // namespace h2r::test

#endif
