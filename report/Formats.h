//===- report/Formats.h - One renderer per format ---------------*- C++ -*-===//
//
// What renderReport dispatches to, each in its own file: the analysis
// (report/Analysis.h) as Markdown, a cover letter's blurb, one HTML page
// (with its review section), SARIF.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_FORMATS_H
#define H2R_REPORT_FORMATS_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

std::string markdown(const nlohmann::json &Analysis);
std::string coverLetter(const nlohmann::json &Analysis);
std::string html(const nlohmann::json &Analysis);
// The HTML page's review section: every helper's C beside its Rust.
std::string reviewHtml(const nlohmann::json &Analysis);
std::string sarif(const nlohmann::json &Analysis);

} // namespace h2r::report

#endif
