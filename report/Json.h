//===- report/Json.h - The coverage report as JSON --------------*- C++ -*-===//
//
// The machine-readable report; docs/report-format.md documents every field.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_JSON_H
#define H2R_REPORT_JSON_H

#include "ir/Report.h"

#include <nlohmann/json.hpp>

namespace h2r::report {

inline constexpr int ReportFormatVersion = 1;

nlohmann::json reportToJson(const ir::Report &R);

struct SurveyShard {
  unsigned Index = 0, Count = 1;
  std::vector<std::string> Units;
  std::vector<std::string> FailedUnits; // units that did not compile
  // The translation the classification answers for (--types,
  // --rust-version).
  std::string Types = "bindgen";
  std::string RustVersion = "1.78";
};

// The survey format (docs/report-format.md): every static inline function
// the units can see, translatable or rejected.
nlohmann::json surveyToJson(const std::vector<ir::FunctionRecord> &Functions,
                            const SurveyShard &Shard);

// A survey's `summary` from its `functions` array (one shard or merged).
nlohmann::json surveySummary(const nlohmann::json &Functions, size_t Units,
                             size_t FailedUnits);

} // namespace h2r::report

#endif
