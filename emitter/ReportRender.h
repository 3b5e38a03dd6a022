//===- emitter/ReportRender.h - Coverage reports for people ----*- C++ -*-===//
//
// `helpers2rs report`: reads translation reports or survey shards (the JSON
// of docs/report-format.md) and renders them as Markdown, one
// self-contained HTML file, normalised JSON, or SARIF for CI annotations.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_REPORTRENDER_H
#define H2R_EMITTER_REPORTRENDER_H

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace h2r::emit {

enum class ReportFormat {
  Markdown,
  Html,
  Json,
  Sarif,
  CoverLetter, // a few lines of Markdown for a patch series' cover letter
};

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

std::string renderReport(const nlohmann::json &Analysis, ReportFormat F);

} // namespace h2r::emit

#endif
