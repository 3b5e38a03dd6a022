//===- report/Boot.h - A boot's KUnit results -------------------*- C++ -*-===//
//
// `helpers2rs report --kunit-results=FILE`: what kunit.py (--json) saw when
// the kernel built with this translation booted, so that a cover letter or
// a review names the boot it stands on: the totals, and the in-kernel
// differential suite's own.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_BOOT_H
#define H2R_REPORT_BOOT_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

// Gives Report a "kunit" object: {arch, tests, passed, failed, crashed,
// skipped, suite} where suite holds helpers2rs_differential's counts (null
// when it did not run). Returns an error, leaving Report unchanged, when
// Results is not kunit.py's JSON or Report is a survey.
std::string attachKunitResults(nlohmann::json &Report,
                               const nlohmann::json &Results);

// One line for people: "Booted (x86_64) with its KUnit tests: ...".
std::string kunitText(const nlohmann::json &Kunit);

} // namespace h2r::report

#endif
