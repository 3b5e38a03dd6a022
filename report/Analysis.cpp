//===- report/Analysis.cpp - What the renderers show ----------------------===//

#include "report/Analysis.h"
#include "report/Diff.h"
#include "report/Json.h"
#include "report/Text.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace h2r::report {

using nlohmann::json;

namespace {

// The call chain from a helper to a function, through the callees the
// report records (shortest first).
json callChain(const std::string &From, const std::string &To,
               const std::map<std::string, std::vector<std::string>> &Callees) {
  std::map<std::string, std::string> Parent;
  std::deque<std::string> Queue{From};
  Parent[From] = "";
  while (!Queue.empty()) {
    std::string N = Queue.front();
    Queue.pop_front();
    if (N == To)
      break;
    auto It = Callees.find(N);
    if (It == Callees.end())
      continue;
    for (const std::string &C : It->second)
      if (Parent.emplace(C, N).second)
        Queue.push_back(C);
  }
  json Chain = json::array();
  if (!Parent.count(To))
    return json::array({From, To});
  for (std::string N = To; !N.empty(); N = Parent[N])
    Chain.insert(Chain.begin(), N);
  return Chain;
}

// The machine code counts (report --codegen) over the helpers measured:
// how many, how many cost Rust no more instructions than C, the totals.
json codegenSummary(const json &R) {
  int Measured = 0, AtMost = 0;
  uint64_t C = 0, Rust = 0;
  for (const json &H : R["helpers"]) {
    if (!H.contains("codegen"))
      continue;
    uint64_t HC = H["codegen"]["c"], HRust = H["codegen"]["rust"];
    ++Measured;
    AtMost += HRust <= HC;
    C += HC;
    Rust += HRust;
  }
  json S = R["codegen"];
  S["measured"] = Measured;
  S["rust_at_most_c"] = AtMost;
  S["c_total"] = C;
  S["rust_total"] = Rust;
  return S;
}

// What the helpers add up to, one helper at a time: per file, per blocker
// (with the helpers it alone holds back), per shim, per specialisation.
class TranslationTally {
public:
  explicit TranslationTally(const json &R) {
    for (const json &F : R["functions"])
      Callees[F["name"]] = F.value("callees", std::vector<std::string>{});
  }

  // Counts helper H and returns its row.
  json helper(const json &H) {
    std::string File = H.value("file", "");
    std::string Status = H["status"];
    ++Files[File][Status];
    ++Files[File]["helpers"];
    json Row = {{"name", H["name"]},
                {"file", File},
                {"location", H["location"]},
                {"status", Status},
                {"closure_size", H["closure"].size()},
                {"closure", H["closure"]},
                {"reasons", reasons(H)},
                {"shims", shims(H)},
                {"notes", H.value("notes", json::array()).size()}};
    specialisations(H);
    if (H.contains("kernel_check"))
      Row["kernel_check"] = H["kernel_check"];
    if (H.contains("codegen"))
      Row["codegen"] = H["codegen"];
    return Row;
  }

  json fileRows() {
    json Rows = json::array();
    for (auto &[File, Counts] : Files)
      Rows.push_back({{"file", File},
                      {"helpers", Counts["helpers"]},
                      {"translated", Counts["translated"]},
                      {"shimmed", Counts["shimmed"]},
                      {"fallback", Counts["fallback"]}});
    return Rows;
  }

  // Ranked by the helpers each alone holds back, then by all it holds back.
  json blockerRows() const {
    json Rows = json::array();
    for (auto &[C, B] : Blockers) {
      json Sites = json::array();
      for (auto &[Key, Site] : B.Sites)
        Sites.push_back(Site);
      Rows.push_back({{"construct", C},
                      {"unlocks", B.Alone},
                      {"affected", B.Affected},
                      {"sites", Sites}});
    }
    std::stable_sort(Rows.begin(), Rows.end(),
                     [](const json &A, const json &B) {
                       return std::make_pair(A["unlocks"].get<int>(),
                                             A["affected"].get<int>()) >
                              std::make_pair(B["unlocks"].get<int>(),
                                             B["affected"].get<int>());
                     });
    return Rows;
  }

  json shimRows() const {
    json Rows = json::array();
    for (auto &[Name, Shim] : Shims)
      Rows.push_back(Shim);
    return Rows;
  }

  json specialisationRows() const {
    json Rows = json::array();
    for (auto &[Message, Site] : Specialisations)
      Rows.push_back(Site);
    return Rows;
  }

private:
  struct Blocker {
    int Alone = 0, Affected = 0;
    std::map<std::string, json> Sites; // by location + function
  };

  // H's reasons with the call chain to each; each construct counted once.
  json reasons(const json &H) {
    std::set<std::string> Constructs;
    json Reasons = json::array();
    for (const json &Why : H["reasons"]) {
      std::string C = Why["construct"];
      Constructs.insert(C);
      json Site = {{"function", Why["function"]},
                   {"location", Why["location"]},
                   {"message", Why["message"]},
                   {"macro_chain", Why["macro_chain"]},
                   {"chain", callChain(H["name"], Why["function"], Callees)}};
      Blockers[C].Sites.emplace(Why["location"].get<std::string>() + " " +
                                    Why["function"].get<std::string>(),
                                Site);
      Site["construct"] = C;
      Reasons.push_back(Site);
    }
    for (const std::string &C : Constructs) {
      ++Blockers[C].Affected;
      if (Constructs.size() == 1)
        ++Blockers[C].Alone;
    }
    return Reasons;
  }

  // The shims H uses, each counted once for it, with every site.
  std::set<std::string> shims(const json &H) {
    std::set<std::string> Names;
    for (const json &Use : H.value("shims", json::array())) {
      std::string Name = Use["construct"];
      json &Shim = Shims[Name];
      if (Shim.is_null())
        Shim = {{"shim", Name}, {"helpers", 0}, {"sites", json::array()}};
      if (Names.insert(Name).second)
        Shim["helpers"] = Shim["helpers"].get<int>() + 1;
      json Site = {{"function", Use["function"]},
                   {"location", Use["location"]},
                   {"message", Use["message"]}};
      if (std::find(Shim["sites"].begin(), Shim["sites"].end(), Site) ==
          Shim["sites"].end())
        Shim["sites"].push_back(Site);
    }
    return Names;
  }

  void specialisations(const json &H) {
    for (const json &Note : H.value("notes", json::array()))
      if (Note["construct"] == "call-site-specialisation")
        Specialisations[Note["message"].get<std::string>()] = {
            {"function", Note["function"]},
            {"location", Note["location"]},
            {"message", Note["message"]}};
  }

  std::map<std::string, std::vector<std::string>> Callees;
  std::map<std::string, std::map<std::string, int>> Files;
  std::map<std::string, Blocker> Blockers;
  std::map<std::string, json> Shims;           // by shim: {helpers, sites}
  std::map<std::string, json> Specialisations; // by message
};

json analyseTranslation(const json &R) {
  json Out = {
      {"kind", "translation"},
      {"inputs", R.value("inputs", json::array())},
      {"configuration", R.value("configuration", json())},
      {"summary", R["summary"]},
      {"fallback_route",
       R.value("options", json::object()).value("fallback_route", "unstated")}};
  TranslationTally Tally(R);
  json Helpers = json::array();
  for (const json &H : R["helpers"])
    Helpers.push_back(Tally.helper(H));
  if (R.contains("codegen"))
    Out["codegen"] = codegenSummary(R);
  if (R.contains("kunit"))
    Out["kunit"] = R["kunit"];
  // Shares of the helpers: translated exactly, shimmed, left to C.
  const json &S = R["summary"];
  double All = std::max(1, S["helpers"].get<int>());
  Out["shares"] = {{"translated", S["translated"].get<int>() / All},
                   {"shimmed", S["shimmed"].get<int>() / All},
                   {"fallback", S["fallback"].get<int>() / All}};
  Out["files"] = Tally.fileRows();
  Out["blockers"] = Tally.blockerRows();
  Out["shims"] = Tally.shimRows();
  Out["specialisations"] = Tally.specialisationRows();
  Out["helpers"] = Helpers;
  // Each function once, with its C and its Rust, for the review pages.
  json Functions = json::array();
  for (const json &F : R["functions"])
    Functions.push_back({{"name", F["name"]},
                         {"location", F["location"]},
                         {"status", F["status"]},
                         {"c_source", F.value("c_source", "")},
                         {"rust", F.value("rust", "")}});
  Out["functions"] = Functions;
  return Out;
}

json analyseSurvey(const json &R) {
  json Out = {{"kind", "survey"},
              {"summary", R["summary"]},
              {"options", R.value("options", json::object())},
              {"shard", R.value("shard", json::object())}};
  std::map<std::string, std::map<std::string, int>> Files;
  std::map<std::string, std::vector<json>> Sites;
  for (const json &F : R["functions"]) {
    std::string File = parseLocation(F["location"]).File;
    std::string Status = F["status"];
    ++Files[File][Status];
    ++Files[File]["functions"];
    for (const json &Why : F["reasons"])
      Sites[Why["construct"]].push_back({{"function", Why["function"]},
                                         {"location", Why["location"]},
                                         {"message", Why["message"]},
                                         {"macro_chain", Why["macro_chain"]}});
  }
  json FileRows = json::array();
  for (auto &[File, Counts] : Files)
    FileRows.push_back({{"file", File},
                        {"functions", Counts["functions"]},
                        {"translatable", Counts["translatable"]},
                        {"rejected", Counts["rejected"]}});
  json BlockerRows = json::array();
  for (auto &[C, List] : Sites)
    BlockerRows.push_back(
        {{"construct", C}, {"functions", List.size()}, {"sites", List}});
  std::stable_sort(
      BlockerRows.begin(), BlockerRows.end(), [](const json &A, const json &B) {
        return A["functions"].get<int>() > B["functions"].get<int>();
      });
  Out["files"] = FileRows;
  Out["blockers"] = BlockerRows;
  return Out;
}

} // namespace

json mergeReports(const std::vector<json> &Inputs, std::string &Error) {
  if (Inputs.empty()) {
    Error = "no input";
    return nullptr;
  }
  for (const json &R : Inputs)
    if (!R.is_object() || !R.contains("summary") ||
        R.value("tool", "") != "helpers2rs") {
      Error = "not a helpers2rs report or survey";
      return nullptr;
    }
  if (Inputs.size() == 1)
    return Inputs[0];
  for (const json &R : Inputs)
    if (kindOf(R) != "survey") {
      Error = "only survey shards can be merged";
      return nullptr;
    }
  std::map<std::string, json> Functions;
  json Units = json::array(), FailedUnits = json::array();
  json Options = Inputs[0].value("options", json::object());
  for (const json &R : Inputs) {
    if (R.value("options", json::object()) != Options) {
      Error = "the shards surveyed different translations (options " +
              Options.dump() + " and " +
              R.value("options", json::object()).dump() + ")";
      return nullptr;
    }
    for (const json &F : R["functions"])
      Functions.emplace(F["location"].get<std::string>() + " " +
                            F["name"].get<std::string>(),
                        F);
    for (const json &U : R["units"])
      Units.push_back(U);
    for (const json &U : R.value("failed_units", json::array()))
      FailedUnits.push_back(U);
  }
  json Fns = json::array();
  for (auto &[Key, F] : Functions)
    Fns.push_back(F);
  return {{"format_version", Inputs[0]["format_version"]},
          {"tool", "helpers2rs"},
          {"kind", "survey"},
          {"shard", {{"index", 0}, {"count", 1}}},
          {"options", Options},
          {"units", Units},
          {"failed_units", FailedUnits},
          {"summary", surveySummary(Fns, Units.size(), FailedUnits.size())},
          {"functions", Fns}};
}

json analyseReport(const json &Report, const json *Old) {
  json A = kindOf(Report) == "survey" ? analyseSurvey(Report)
                                      : analyseTranslation(Report);
  if (Old)
    A["changes"] = compareReports(Report, *Old);
  return A;
}

} // namespace h2r::report
