//===- report/Boot.cpp - A boot's KUnit results beside a report -----------===//
//
// kunit.py's JSON is a tree of groups, each with "name", "misc" (the
// counts of the group and everything under it), "test_cases" and
// "sub_groups"; the root's misc counts the whole run.
//
//===----------------------------------------------------------------------===//
#include "report/Boot.h"

#include <sstream>

namespace h2r::report {

using nlohmann::json;

namespace {

constexpr const char *SuiteName = "helpers2rs_differential";
constexpr const char *Counts[] = {"tests", "passed", "failed", "crashed",
                                  "skipped"};

bool hasCounts(const json &Group) {
  if (!Group.is_object() || !Group.contains("misc") ||
      !Group["misc"].is_object())
    return false;
  for (const char *Key : Counts)
    if (!Group["misc"].contains(Key) || !Group["misc"][Key].is_number_integer())
      return false;
  return true;
}

json countsOf(const json &Group) {
  json Out = json::object();
  for (const char *Key : Counts)
    Out[Key] = Group["misc"][Key];
  return Out;
}

const json *findGroup(const json &Group, const std::string &Name) {
  if (Group.value("name", "") == Name)
    return &Group;
  if (!Group.contains("sub_groups") || !Group["sub_groups"].is_array())
    return nullptr;
  // By reference: the result points into Group.
  for (const json &Sub : Group["sub_groups"])
    if (const json *Found = findGroup(Sub, Name))
      return Found;
  return nullptr;
}

} // namespace

std::string attachKunitResults(json &Report, const json &Results) {
  if (Report.value("kind", "translation") != "translation")
    return "KUnit results go with a translation report, not a survey";
  if (!hasCounts(Results) || !Results.contains("sub_groups"))
    return "not kunit.py's JSON results (a group with \"misc\" counts and "
           "\"sub_groups\")";
  json Kunit = countsOf(Results);
  Kunit["arch"] = Results.value("arch", "");
  const json *Suite = findGroup(Results, SuiteName);
  Kunit["suite"] = Suite && hasCounts(*Suite) ? countsOf(*Suite) : json();
  Report["kunit"] = Kunit;
  return "";
}

std::string kunitText(const json &K) {
  std::ostringstream OS;
  OS << "Booted";
  if (!K["arch"].get<std::string>().empty())
    OS << " (" << K["arch"].get<std::string>() << ")";
  OS << " with its KUnit tests (kunit.py): " << K["passed"] << " of "
     << K["tests"] << " passed, " << K["failed"] << " failed, " << K["crashed"]
     << " crashed, " << K["skipped"] << " skipped";
  if (K["suite"].is_null())
    OS << "; the differential suite " << SuiteName << " did not run.";
  else
    OS << "; the differential suite " << SuiteName << ": "
       << K["suite"]["passed"] << " of " << K["suite"]["tests"]
       << " cases passed.";
  return OS.str();
}

} // namespace h2r::report
