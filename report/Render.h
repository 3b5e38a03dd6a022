//===- report/Render.h - Coverage reports for people ------------*- C++ -*-===//
//
// `helpers2rs report`'s formats: Markdown, one self-contained HTML file,
// the analysis as JSON, SARIF for CI annotations, a cover letter's blurb.
// One file per format (report/Formats.h) behind the one dispatch.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_RENDER_H
#define H2R_REPORT_RENDER_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

enum class ReportFormat {
  Markdown,
  Html,
  Json,
  Sarif,
  CoverLetter, // a few lines of Markdown for a patch series' cover letter
};

// The analysis (report/Analysis.h) in format F; JSON is the analysis
// itself.
std::string renderReport(const nlohmann::json &Analysis, ReportFormat F);

} // namespace h2r::report

#endif
