//===- report/Sarif.cpp - Fallbacks as SARIF results ----------------------===//

#include "report/Formats.h"
#include "report/Text.h"

#include <map>
#include <set>

namespace h2r::report {

using nlohmann::json;

namespace {

json sarifLocation(const std::string &S) {
  Location L = parseLocation(S);
  json Region = json::object();
  if (L.Line > 0)
    Region["startLine"] = L.Line;
  if (L.Column > 0)
    Region["startColumn"] = L.Column;
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", L.File}}}, {"region", Region}}}};
}


// A result of level note.
json note(const json &RuleId, const json &Text, const json &Location) {
  return {{"ruleId", RuleId},
          {"level", "note"},
          {"message", {{"text", Text}}},
          {"locations", json::array({sarifLocation(Location)})}};
}

json rule(const json &Id, const std::string &Text) {
  return {{"id", Id}, {"shortDescription", {{"text", Text}}}};
}

std::string siteText(const json &Site) {
  return Site["function"].get<std::string>() + ": " +
         Site["message"].get<std::string>();
}

// A helper left to C: a warning, with each reason a related location.
json fallbackResult(const json &H) {
  json Related = json::array();
  std::string Text = H["name"].get<std::string>() + " falls back to C:";
  int Id = 0;
  for (const json &R : H["reasons"]) {
    Text += " " + R["construct"].get<std::string>() + " in " +
            R["function"].get<std::string>() + " (" + chainText(R["chain"]) +
            ");";
    json Loc = sarifLocation(R["location"]);
    Loc["id"] = Id++;
    Loc["message"] = {{"text", R["message"]}};
    Related.push_back(Loc);
  }
  return {{"ruleId", H["reasons"].empty() ? json("fallback")
                                          : H["reasons"][0]["construct"]},
          {"level", "warning"},
          {"message", {{"text", Text}}},
          {"locations", json::array({sarifLocation(H["location"])})},
          {"relatedLocations", Related}};
}

// A translation's notes (a shim where it stands in, a specialisation, a
// helper the suite cannot check) and its fallbacks.
void translationResults(const json &A, json &Rules, json &Results) {
  for (const json &Shim : A["shims"]) {
    Rules.push_back(rule(Shim["shim"], "helpers2rs stands in a shim: " +
                                           Shim["shim"].get<std::string>()));
    for (const json &Site : Shim["sites"])
      Results.push_back(note(Shim["shim"], siteText(Site), Site["location"]));
  }
  for (const json &Site : A["specialisations"])
    Results.push_back(note("call-site-specialisation", Site["message"],
                           Site["location"]));
  if (!A["specialisations"].empty())
    Rules.push_back(rule("call-site-specialisation",
                         "helpers2rs specialised a function for the "
                         "constants a call passes"));
  bool NotCheckable = false;
  for (const json &H : A["helpers"])
    if (H.contains("kernel_check") &&
        H["kernel_check"]["verdict"] == "not-checkable" &&
        H["status"] != "fallback") {
      NotCheckable = true;
      Results.push_back(note("kernel-check-not-checkable",
                             H["name"].get<std::string>() +
                                 " is not checked in the kernel: " +
                                 H["kernel_check"].value("reason", ""),
                             H["location"]));
    }
  if (NotCheckable)
    Rules.push_back(rule("kernel-check-not-checkable",
                         "the in-kernel differential suite cannot call this "
                         "helper beside its C original"));
  for (const json &H : A["helpers"])
    if (H["status"] == "fallback")
      Results.push_back(fallbackResult(H));
}

} // namespace

std::string sarif(const json &A) {
  json Rules = json::array(), Results = json::array();
  for (const json &B : A["blockers"])
    Rules.push_back(rule(B["construct"], "helpers2rs cannot translate: " +
                                             B["construct"].get<std::string>()));
  if (A["kind"] == "survey") {
    for (const json &B : A["blockers"])
      for (const json &Site : B["sites"])
        Results.push_back(
            note(B["construct"], siteText(Site), Site["location"]));
  } else {
    translationResults(A, Rules, Results);
  }
  json Log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array(
           {{{"tool", {{"driver", {{"name", "helpers2rs"}, {"rules", Rules}}}}},
             {"results", Results}}})}};
  return Log.dump(2) + "\n";
}

} // namespace h2r::report
