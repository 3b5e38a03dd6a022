//===- frontend/Translator.h - Run the frontend over inputs ----*- C++ -*-===//
//
// Parses each input with Clang, finds its helpers and their inline closure,
// lowers every function once, decides which helpers are translated and which
// fall back, and merges the translation units into one IR module and one
// report. Data flows one way: discovery -> closure -> lowering -> merge.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_TRANSLATOR_H
#define H2R_FRONTEND_TRANSLATOR_H

#include "frontend/KernelProfile.h"
#include "ir/Module.h"
#include "ir/Report.h"

#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

struct TranslateOptions {
  std::string HelperPrefix = "rust_helper_";
  bool ExportCAbi = false;
  std::string SymbolPrefix;
  bool SelfTypes = false;
  bool Verbose = false; // say which compiler flags were dropped
  unsigned RustMajor = 1, RustMinor = 78; // --rust-version
  bool Shims = true;                      // --no-shims: false
  // bindgen --opaque-type patterns: records whose members stay hidden.
  std::vector<std::string> OpaqueTypes;
  // The tree's `ffi` crate mapping; empty: Clang's C types (core::ffi).
  ScalarMapping Scalars;
  // bindgen mode: the header the bindings come from, and the options that
  // blocklist items from them. Empty: every C item is assumed bound, less
  // the blocklisted.
  std::string BindingsHeader;
  BindgenParameters Params;
  // Show the C compiler's warnings (the kernel's bindgen rule passes -w).
  bool ShowCWarnings = false;
  // The bindings declare C noreturn functions `-> !` (bindgen >= 0.61 with
  // --enable-function-attribute-detection, as the kernel's rule runs it).
  bool BindingsNoreturnAsNever = false;
};

struct TranslationOutput {
  ir::Module Module;
  ir::Report Report;
  // Every file the inputs read, inputs first, as `-MMD` would list them:
  // what a build system's depfile names (translate --depfile).
  std::vector<std::string> Dependencies;
};

// Returns false when some input did not compile; Clang has then printed the
// errors and Out is incomplete.
bool translate(const clang::tooling::CompilationDatabase &DB,
               const std::vector<std::string> &Files,
               const TranslateOptions &Opts, TranslationOutput &Out);

} // namespace h2r::frontend

#endif
