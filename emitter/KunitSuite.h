//===- emitter/KunitSuite.h - The in-kernel differential suite --*- C++ -*-===//
//
// Prints a kernel crate of KUnit test cases, one per helper the plan
// (ir/KernelCheck.h) puts in the suite: each calls the translation
// (`bindings::<name>`) and the C original (`rust_helper_<name>`, still in
// helpers.o) on the same grid of inputs, and compares what they return and
// every byte of the memory their pointer arguments point into.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_KUNITSUITE_H
#define H2R_EMITTER_KUNITSUITE_H

#include "emitter/RustEmitter.h"
#include "ir/Report.h"

#include <string>
#include <vector>

namespace h2r::emit {

// The KUnit suite's name, as kunit.py reports it.
constexpr const char *KunitSuiteName = "helpers2rs_differential";

std::string emitKunitSuite(const ir::Module &M,
                           const std::vector<ir::HelperRecord> &Helpers,
                           const std::string &Banner);

} // namespace h2r::emit

#endif
