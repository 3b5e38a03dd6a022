//===- report/Configuration.h - The configuration a report is of --*- C++
//-*-===//
//
// A translation report records the kernel configuration its parse read
// ("configuration": target, release, compiler, rustc, the CONFIG_ options
// read with their values). The renderers name it at the top; a diff of two
// reports lists where their configurations differ in what both read.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_CONFIGURATION_H
#define H2R_REPORT_CONFIGURATION_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

// "Made for Linux 7.3.4 (x86_64-unknown-linux-gnu), gcc ... and rustc ...;
// SMP=y NR_CPUS=64 ...; the translation depends on the 1234 options its
// parse read (...)." The
// options named are those of a fixed list that shape how helpers
// translate (SMP, preemption, modules, paravirt, sanitizers, lock
// debugging) and that the parse read. Empty for a report without a
// configuration.
std::string configurationText(const nlohmann::json &Configuration);

// Every option read with its value, as an HTML <details> table (readable
// without a script).
std::string configurationHtml(const nlohmann::json &Configuration);

// The differences from Old to New: {name, from, to} for the target,
// release, compiler and rustc, and for each option either side read whose
// value differs; "read_by" ("old" or "new") marks an option only one side
// read. Empty when either report has no configuration.
nlohmann::json configurationChanges(const nlohmann::json &New,
                                    const nlohmann::json &Old);

// "CONFIG_KASAN: y → not set"; "not read" for the side that did not.
std::string configurationChangeText(const nlohmann::json &Change);

} // namespace h2r::report

#endif
