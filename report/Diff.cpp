//===- report/Diff.cpp - What changed between two reports -----------------===//
//
// Helpers are matched by name (survey functions by name and location).
// Two reports of one tree in two configurations differ where a
// configuration changes what a helper reaches: a reason is compared by its
// construct, function and message (not its location, which a new version
// of the tree moves), Rust by the text of the helper and of every function
// its closure names.
//
//===----------------------------------------------------------------------===//
#include "report/Diff.h"
#include "report/Configuration.h"
#include "report/Text.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace h2r::report {

using nlohmann::json;

namespace {

// Name (and location for a survey) to the entry.
std::map<std::string, const json *> indexEntries(const json &R) {
  bool Survey = kindOf(R) == "survey";
  std::map<std::string, const json *> M;
  for (const json &X : R[Survey ? "functions" : "helpers"])
    M[X["name"].get<std::string>() +
      (Survey ? " " + X["location"].get<std::string>() : std::string())] = &X;
  return M;
}

// What a helper's reasons say, without where: "construct in function:
// message" each, in order.
std::vector<std::string> reasonTexts(const json &Helper) {
  std::vector<std::string> Texts;
  for (const json &R : Helper.value("reasons", json::array()))
    Texts.push_back(R.value("construct", "") + " in " +
                    R.value("function", "") + ": " + R.value("message", ""));
  return Texts;
}

// Function name to its Rust; functions that share a name (static ones of
// two headers) are joined in location order, as the report lists them.
std::map<std::string, std::string> rustByName(const json &R) {
  std::map<std::string, std::string> M;
  for (const json &F : R.value("functions", json::array()))
    M[F["name"].get<std::string>()] += F.value("rust", "") + "\n";
  return M;
}

// The helper and the functions its closure names.
std::set<std::string> reachedFunctions(const json &Helper) {
  std::set<std::string> Names{Helper["name"].get<std::string>()};
  for (const json &N : Helper.value("closure", json::array()))
    Names.insert(N.get<std::string>());
  return Names;
}

// A reached function's Rust; none for one the helper does not reach.
std::optional<std::string>
rustOf(const std::string &Name, const std::set<std::string> &Reached,
       const std::map<std::string, std::string> &Rust) {
  auto It = Rust.find(Name);
  if (!Reached.count(Name) || It == Rust.end())
    return std::nullopt;
  return It->second;
}

// The functions whose Rust differs between the two sides, or that only
// one side reaches, for one helper.
json rustDifferences(const json &New, const json &Old,
                     const std::map<std::string, std::string> &NewRust,
                     const std::map<std::string, std::string> &OldRust) {
  std::set<std::string> NewReached = reachedFunctions(New),
                        OldReached = reachedFunctions(Old);
  std::set<std::string> Names = NewReached;
  Names.insert(OldReached.begin(), OldReached.end());
  json Differing = json::array();
  for (const std::string &Name : Names)
    if (rustOf(Name, NewReached, NewRust) != rustOf(Name, OldReached, OldRust))
      Differing.push_back(Name);
  return Differing;
}

} // namespace

json compareReports(const json &New, const json &Old) {
  json Changes = {{"old_summary", Old["summary"]}};
  if (kindOf(New) != kindOf(Old)) {
    Changes["error"] = "the reports are of different kinds";
    return Changes;
  }
  bool Survey = kindOf(New) == "survey";
  auto A = indexEntries(Old), B = indexEntries(New);
  // A survey's functions carry no Rust to compare.
  std::map<std::string, std::string> NewRust, OldRust;
  if (!Survey)
    NewRust = rustByName(New), OldRust = rustByName(Old);
  json Changed = json::array(), Added = json::array(), Removed = json::array();
  json Reasons = json::array(), Rust = json::array();
  for (auto &[Name, X] : B) {
    auto It = A.find(Name);
    if (It == A.end()) {
      Added.push_back({{"name", Name}, {"status", (*X)["status"]}});
      continue;
    }
    const json &Was = *It->second;
    if (Was["status"] != (*X)["status"])
      Changed.push_back(
          {{"name", Name}, {"from", Was["status"]}, {"to", (*X)["status"]}});
    if (Survey)
      continue;
    if (reasonTexts(Was) != reasonTexts(*X))
      Reasons.push_back({{"name", Name},
                         {"from", reasonTexts(Was)},
                         {"to", reasonTexts(*X)}});
    json Functions = rustDifferences(*X, Was, NewRust, OldRust);
    if (!Functions.empty())
      Rust.push_back({{"name", Name}, {"functions", Functions}});
  }
  for (auto &[Name, X] : A)
    if (!B.count(Name))
      Removed.push_back({{"name", Name}, {"status", (*X)["status"]}});
  Changes["status_changes"] = Changed;
  Changes["added"] = Added;
  Changes["removed"] = Removed;
  if (!Survey) {
    Changes["reason_changes"] = Reasons;
    Changes["rust_changes"] = Rust;
    Changes["configuration_changes"] = configurationChanges(New, Old);
  }
  return Changes;
}

} // namespace h2r::report
