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

#include "frontend/kernel/TranslateOptions.h"
#include "ir/Module.h"
#include "ir/Report.h"

#include <set>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

struct TranslationOutput {
  ir::Module Module;
  ir::Report Report;
  // Every file the inputs read, inputs first, as `-MMD` would list them:
  // what a build system's depfile names (translate --depfile).
  std::vector<std::string> Dependencies;
  // Inputs whose translation unit holds no helper at all.
  std::vector<std::string> InputsWithoutHelpers;
  // The bindings hold KUnit's warning suppression with its count (Linux
  // 7.3): the in-kernel suite can run helpers that may warn.
  bool KunitCountsWarnings = false;
  // The helpers' parse has KASAN (helpers.o's sanitizer) and its KUnit
  // interface (CONFIG_KASAN_KUNIT_TEST), and the bindings declare what
  // counting its reports needs (tracepoint_probe_register()).
  bool KunitCountsKasanReports = false;
  // The bindings declare lock_acquire(): lockdep tracks locks (or the
  // bindings are unknown).
  bool TracksLocks = true;
  // The helpers (Rust names) whose names functions of the bindings have
  // too (empty where the bindings are unknown).
  std::set<std::string> HelpersNamedInBindings;
};

// Returns false when some input did not compile; Clang has then printed the
// errors and Out is incomplete.
bool translate(const clang::tooling::CompilationDatabase &DB,
               const std::vector<std::string> &Files,
               const TranslateOptions &Opts, TranslationOutput &Out);

} // namespace h2r::frontend

#endif
