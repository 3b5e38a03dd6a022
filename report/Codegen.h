//===- report/Codegen.h - Machine code counts per helper --------*- C++ -*-===//
//
// `helpers2rs report --codegen=FILE`: the instruction counts the codegen
// benchmark measured (bench/codegen-parity.py --json) go beside each helper
// of a translation report, so a reviewer sees which translations cost more
// machine code than their C.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_CODEGEN_H
#define H2R_REPORT_CODEGEN_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

// Gives every helper Counts measured a "codegen" {c, rust} and Report a
// "codegen" {form, counter}. Counts must be well-formed
// (codegenSchemaError). Returns an error, leaving Report unchanged, if
// Report is not a translation report or Counts names a helper the report
// does not translate (counts of another tree or run).
std::string attachCodegen(nlohmann::json &Report, const nlohmann::json &Counts);

} // namespace h2r::report

#endif
