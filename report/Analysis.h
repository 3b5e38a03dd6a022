//===- report/Analysis.h - What the renderers show --------------*- C++ -*-===//
//
// `helpers2rs report` reads translation reports or survey shards (the JSON
// of docs/report-format.md) and analyses them once; every format renders
// that analysis (report/Render.h).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_ANALYSIS_H
#define H2R_REPORT_ANALYSIS_H

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace h2r::report {

// One translation report, or several survey shards merged into one survey
// (functions counted once by location). Sets Error for mixed or unknown
// inputs.
nlohmann::json mergeReports(const std::vector<nlohmann::json> &Inputs,
                            std::string &Error);

// The analysis the renderers share, as JSON: summary, per-file split,
// blockers ranked by the helpers each alone holds back (with locations,
// helper-to-function chains and macro chains), per-helper rows, and the
// changes against Old when given.
nlohmann::json analyseReport(const nlohmann::json &Report,
                             const nlohmann::json *Old);

} // namespace h2r::report

#endif
