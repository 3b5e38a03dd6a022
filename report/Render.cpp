//===- report/Render.cpp - Coverage reports for people --------------------===//

#include "report/Render.h"
#include "report/Formats.h"

namespace h2r::report {

using nlohmann::json;

std::string renderReport(const json &Analysis, ReportFormat F) {
  switch (F) {
  case ReportFormat::Markdown:
    return markdown(Analysis);
  case ReportFormat::Html:
    return html(Analysis);
  case ReportFormat::Sarif:
    return sarif(Analysis);
  case ReportFormat::CoverLetter:
    return coverLetter(Analysis);
  case ReportFormat::Json:
    break;
  }
  return Analysis.dump(2) + "\n";
}

} // namespace h2r::report
