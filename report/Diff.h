//===- report/Diff.h - What changed between two reports ---------*- C++ -*-===//
//
// `helpers2rs report --diff=OLD NEW`: the helpers whose translation differs
// between two reports, e.g. of two kernel configurations (Debian's amd64
// and the kunit one) or two versions of a tree: status, reasons left to C,
// or the Rust of the helper or of a function it reaches.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_DIFF_H
#define H2R_REPORT_DIFF_H

#include <nlohmann/json.hpp>

namespace h2r::report {

// The changes from Old to New, as the analysis's "changes" object
// (docs/report-format.md): old_summary, status_changes, added, removed,
// and for translation reports reason_changes (the constructs each side
// names) and rust_changes (the functions whose Rust differs, or that one
// side reaches and the other not) and configuration_changes (where the
// configurations the two were made for differ in what their parses read).
// An "error" instead when the reports are
// of different kinds.
nlohmann::json compareReports(const nlohmann::json &New,
                              const nlohmann::json &Old);

} // namespace h2r::report

#endif
