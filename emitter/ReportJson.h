//===- emitter/ReportJson.h - The coverage report as JSON ------*- C++ -*-===//
//
// The machine-readable report; docs/report-format.md documents every field.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_REPORTJSON_H
#define H2R_EMITTER_REPORTJSON_H

#include "ir/Report.h"

#include <nlohmann/json.hpp>

namespace h2r::emit {

inline constexpr int ReportFormatVersion = 1;

nlohmann::json reportToJson(const ir::Report &R);

} // namespace h2r::emit

#endif
