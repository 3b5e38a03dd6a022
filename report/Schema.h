//===- report/Schema.h - What a report must hold ----------------*- C++ -*-===//
//
// `helpers2rs report` reads JSON it did not necessarily write: every field
// the analysis reads is checked here first, with its type, so a malformed
// report gets one line naming the field instead of undefined behaviour.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_SCHEMA_H
#define H2R_REPORT_SCHEMA_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

// Empty if R is a well-formed translation report or survey (by its
// "kind"), else "<field path>: <problem>", e.g. "helpers[3].status: missing".
std::string reportSchemaError(const nlohmann::json &R);

// Likewise for the machine code counts of bench/codegen-parity.py --json
// (`report --codegen`).
std::string codegenSchemaError(const nlohmann::json &C);

} // namespace h2r::report

#endif
