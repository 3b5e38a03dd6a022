//===- Survey.h - Whole-tree feasibility survey -----------------*- C++ -*-===//
//
// Classifies every static inline function with a body that the given
// translation units can see, as translate would classify a helper returning
// its address: translatable when it and every function its translation
// reaches lower, else rejected with the first failure on that path. A function seen by many units is counted once, by location.
// Units are parsed in parallel and can be split into shards so a batch
// system can spread a large tree over machines.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_SURVEY_SURVEY_H
#define H2R_FRONTEND_SURVEY_SURVEY_H

#include "frontend/kernel/TranslateOptions.h"
#include "ir/Report.h"

#include <functional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

struct SurveyOptions {
  unsigned Jobs = 1;
  // The translation the survey answers for: record layouts are Rust's to
  // get right in self mode only, asm goto needs Rust 1.87, opaque types
  // hide their members...
  TranslateOptions Translation;
  // Called after each unit with (done, total); may be empty.
  std::function<void(size_t, size_t)> Progress;
};

struct SurveyOutput {
  std::vector<std::string> Units; // the units this shard parsed
  std::vector<ir::FunctionRecord> Functions; // sorted by location
  std::vector<std::string> FailedUnits; // units that did not compile, sorted
};

// The units of this shard: every N-th of the sorted file list.
std::vector<std::string> shardUnits(std::vector<std::string> Files,
                                    unsigned Index, unsigned Count);

// False, after an error message, when the bindings header does not
// compile; units that do not compile are listed in Out.FailedUnits.
bool survey(const clang::tooling::CompilationDatabase &DB,
            const std::vector<std::string> &Units, const SurveyOptions &Opts,
            SurveyOutput &Out);

} // namespace h2r::frontend

#endif
