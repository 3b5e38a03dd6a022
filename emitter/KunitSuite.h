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

// How the suite reaches KUnit.
enum class KunitSuiteForm {
  // A crate of its own whose `#[kunit_tests]` module is the suite (Linux
  // 6.15 and later).
  Attribute,
  // Rust functions returning whether C and Rust agreed, and a C file that
  // registers each as a KUnit case, as kbuild does with the doctests of
  // kernels before `#[kunit_tests]` (Linux 6.12).
  CTable,
};

struct KunitSuite {
  std::string Rust;
  std::string C; // the CTable form's registration; empty otherwise
  // The renames that give the helpers under test the doubles of the C
  // functions they call (emitter/KunitDoubles.h), as objcopy's
  // --redefine-syms reads them.
  std::string SymbolMap;
};

KunitSuite emitKunitSuite(const ir::Module &M,
                          const std::vector<ir::HelperRecord> &Helpers,
                          const std::string &Banner,
                          KunitSuiteForm Form = KunitSuiteForm::Attribute);

} // namespace h2r::emit

#endif
