//===- frontend/Survey.h - Whole-tree feasibility survey --------*- C++ -*-===//
//
// Classifies every static inline function with a body that the given
// translation units can see: translatable (its body lowers) or rejected, with
// the reasons. A function seen by many units is counted once, by location.
// Units are parsed in parallel and can be split into shards so a batch
// system can spread a large tree over machines.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_SURVEY_H
#define H2R_FRONTEND_SURVEY_H

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

SurveyOutput survey(const clang::tooling::CompilationDatabase &DB,
                    const std::vector<std::string> &Units,
                    const SurveyOptions &Opts);

} // namespace h2r::frontend

#endif
