#include "emitter/ReportRender.h"
#include "emitter/ReportBoot.h"
#include "emitter/ReportConfiguration.h"
#include "emitter/ReportDiff.h"
#include "emitter/ReportHighlight.h"
#include "emitter/ReportJson.h"

#include <algorithm>
#include <deque>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace h2r::emit {

using nlohmann::json;

namespace {

std::string kindOf(const json &R) { return R.value("kind", "translation"); }

// "dir/file.c:12:3" -> file, line, column.
struct Location {
  std::string File;
  int Line = 0, Column = 0;
};

Location parseLocation(const std::string &S) {
  Location L;
  size_t C2 = S.rfind(':');
  size_t C1 = C2 == std::string::npos ? C2 : S.rfind(':', C2 - 1);
  if (C1 == std::string::npos) {
    L.File = S;
    return L;
  }
  L.File = S.substr(0, C1);
  L.Line = std::atoi(S.substr(C1 + 1, C2 - C1 - 1).c_str());
  L.Column = std::atoi(S.substr(C2 + 1).c_str());
  return L;
}

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

json analyseTranslation(const json &R) {
  std::map<std::string, std::vector<std::string>> Callees;
  for (const json &F : R["functions"])
    Callees[F["name"]] = F.value("callees", std::vector<std::string>{});

  json Out = {{"kind", "translation"},
              {"inputs", R.value("inputs", json::array())},
              {"configuration", R.value("configuration", json())},
              {"summary", R["summary"]},
              {"fallback_route",
               R.value("options", json::object()).value("fallback_route", "unstated")}};
  std::map<std::string, std::map<std::string, int>> Files;
  struct Blocker {
    int Alone = 0, Affected = 0;
    std::map<std::string, json> Sites; // by location + function
  };
  std::map<std::string, Blocker> Blockers;
  std::map<std::string, json> Shims; // by shim: {helpers, sites}
  std::map<std::string, json> Specialisations; // by message
  json Helpers = json::array();
  for (const json &H : R["helpers"]) {
    std::string File = H.value("file", "");
    std::string Status = H["status"];
    ++Files[File][Status];
    ++Files[File]["helpers"];
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
    for (const json &Note : H.value("notes", json::array()))
      if (Note["construct"] == "call-site-specialisation")
        Specialisations[Note["message"].get<std::string>()] = {
            {"function", Note["function"]},
            {"location", Note["location"]},
            {"message", Note["message"]}};
    std::set<std::string> ShimNames;
    for (const json &Use : H.value("shims", json::array())) {
      std::string Name = Use["construct"];
      json &Shim = Shims[Name];
      if (Shim.is_null())
        Shim = {{"shim", Name}, {"helpers", 0}, {"sites", json::array()}};
      if (ShimNames.insert(Name).second)
        Shim["helpers"] = Shim["helpers"].get<int>() + 1;
      json Site = {{"function", Use["function"]},
                   {"location", Use["location"]},
                   {"message", Use["message"]}};
      if (std::find(Shim["sites"].begin(), Shim["sites"].end(), Site) ==
          Shim["sites"].end())
        Shim["sites"].push_back(Site);
    }
    Helpers.push_back({{"name", H["name"]},
                       {"file", File},
                       {"location", H["location"]},
                       {"status", Status},
                       {"closure_size", H["closure"].size()},
                       {"closure", H["closure"]},
                       {"reasons", Reasons},
                       {"shims", ShimNames},
                       {"notes", H.value("notes", json::array()).size()}});
    if (H.contains("kernel_check"))
      Helpers.back()["kernel_check"] = H["kernel_check"];
    if (H.contains("codegen"))
      Helpers.back()["codegen"] = H["codegen"];
  }
  if (R.contains("codegen"))
    Out["codegen"] = codegenSummary(R);
  if (R.contains("kunit"))
    Out["kunit"] = R["kunit"];
  json FileRows = json::array();
  for (auto &[File, Counts] : Files)
    FileRows.push_back({{"file", File},
                        {"helpers", Counts["helpers"]},
                        {"translated", Counts["translated"]},
                        {"shimmed", Counts["shimmed"]},
                        {"fallback", Counts["fallback"]}});
  json BlockerRows = json::array();
  for (auto &[C, B] : Blockers) {
    json Sites = json::array();
    for (auto &[Key, Site] : B.Sites)
      Sites.push_back(Site);
    BlockerRows.push_back({{"construct", C},
                           {"unlocks", B.Alone},
                           {"affected", B.Affected},
                           {"sites", Sites}});
  }
  std::stable_sort(BlockerRows.begin(), BlockerRows.end(),
                   [](const json &A, const json &B) {
                     return std::make_pair(A["unlocks"].get<int>(),
                                           A["affected"].get<int>()) >
                            std::make_pair(B["unlocks"].get<int>(),
                                           B["affected"].get<int>());
                   });
  json ShimRows = json::array();
  for (auto &[Name, Shim] : Shims)
    ShimRows.push_back(Shim);
  // Shares of the helpers: translated exactly, shimmed, left to C.
  const json &S = R["summary"];
  double All = std::max(1, S["helpers"].get<int>());
  Out["shares"] = {{"translated", S["translated"].get<int>() / All},
                   {"shimmed", S["shimmed"].get<int>() / All},
                   {"fallback", S["fallback"].get<int>() / All}};
  json SpecialisationRows = json::array();
  for (auto &[Message, Site] : Specialisations)
    SpecialisationRows.push_back(Site);
  Out["files"] = FileRows;
  Out["blockers"] = BlockerRows;
  Out["shims"] = ShimRows;
  Out["specialisations"] = SpecialisationRows;
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
  std::stable_sort(BlockerRows.begin(), BlockerRows.end(),
                   [](const json &A, const json &B) {
                     return A["functions"].get<int>() > B["functions"].get<int>();
                   });
  Out["files"] = FileRows;
  Out["blockers"] = BlockerRows;
  return Out;
}

// ---- Markdown --------------------------------------------------------------

// "a, b, c", or "none".
std::string listText(const json &List) {
  std::string S;
  for (const json &X : List)
    S += (S.empty() ? "" : ", ") + X.get<std::string>();
  return S.empty() ? "none" : S;
}

size_t changeCount(const json &C) {
  size_t N = 0;
  for (const char *Key : {"status_changes", "added", "removed",
                          "reason_changes", "rust_changes",
                          "configuration_changes"})
    N += C.value(Key, json::array()).size();
  return N;
}

std::string chainText(const json &Chain) {
  std::string S;
  for (const json &N : Chain)
    S += (S.empty() ? "" : " → ") + N.get<std::string>();
  return S;
}

// "`inner` (file:l:c) ← `outer` (..)"; Quote is "`" for Markdown.
std::string macroText(const json &Macros, const std::string &Quote = "`") {
  std::string S;
  for (const json &M : Macros)
    S += (S.empty() ? "" : " ← ") + Quote + M["macro"].get<std::string>() +
         Quote + " (" + M["location"].get<std::string>() + ")";
  return S;
}

std::string sharesText(const json &Shares) {
  auto Percent = [](const json &V) {
    std::ostringstream OS;
    OS << std::fixed << std::setprecision(1) << V.get<double>() * 100 << " %";
    return OS.str();
  };
  return "Translated exactly: " + Percent(Shares["translated"]) +
         "; shimmed: " + Percent(Shares["shimmed"]) +
         "; left to C: " + Percent(Shares["fallback"]) + ".";
}

// How the helpers left to C reach Rust in the build the report came from;
// empty outside a kernel build.
std::string routeText(const json &A) {
  std::string Route = A["fallback_route"];
  if (Route == "call")
    return "Helpers left to C are called in helpers.o.";
  if (Route == "lto")
    return "Helpers left to C are inlined from LLVM bitcode "
           "(CONFIG_RUST_INLINE_HELPERS).";
  return "";
}

// The in-kernel differential suite's plan (--kunit-suite), in one line:
// its share of the helpers the output translates (shimmed included).
std::string kernelCheckText(const json &Summary) {
  int InSuite = Summary["kernel_check"].value("in-suite", 0);
  int Translated =
      Summary["translated"].get<int>() + Summary["shimmed"].get<int>();
  return std::to_string(InSuite) + " of " + std::to_string(Translated) +
         " translated helpers are called beside their C original in the "
         "kernel (KUnit suite helpers2rs_differential); each of the other " +
         std::to_string(Translated - InSuite) +
         " says below why it cannot be.";
}

// A helper's verdict: "in suite", "not checkable: <reason>", or nothing
// for a helper left to C the plan does not consider.
std::string kernelCheckCell(const json &H) {
  if (!H.contains("kernel_check"))
    return "";
  const json &K = H["kernel_check"];
  if (K["verdict"] != "in-suite")
    return "not checkable: " + K.value("reason", std::string());
  std::string Cell = "in suite";
  if (K.value("counts_warnings", false))
    Cell += ", warnings counted";
  if (K.value("changes_preempt_count", false))
    Cell += ", preempt count compared";
  if (K.contains("initialised_mutexes"))
    Cell += ", mutex initialised";
  if (K.contains("allocates"))
    Cell += ", allocation compared and freed";
  if (K.contains("doubles")) {
    std::string Names;
    for (const json &D : K["doubles"])
      Names += (Names.empty() ? "`" : ", `") + D.get<std::string>() + "`";
    Cell += ", calls to " + Names + " recorded";
  }
  return Cell;
}

// The codegen benchmark's figures in one line.
std::string codegenText(const json &A) {
  const json &G = A["codegen"];
  int Measured = G["measured"], AtMost = G["rust_at_most_c"];
  uint64_t C = G["c_total"], Rust = G["rust_total"];
  std::ostringstream OS;
  OS << std::fixed << std::setprecision(1) << "Machine code ("
     << G["form"].get<std::string>() << " form, instructions counted by "
     << G["counter"].get<std::string>() << "): " << Measured
     << " translated helpers measured; Rust is no larger than C for " << AtMost
     << " (" << (Measured ? 100.0 * AtMost / Measured : 0.0)
     << " %); in total Rust " << Rust << ", C " << C << " instructions.";
  return OS.str();
}

// A helper's counts, "C / Rust", or nothing where none was measured.
std::string codegenCell(const json &H) {
  if (!H.contains("codegen"))
    return "";
  return std::to_string(H["codegen"]["c"].get<uint64_t>()) + " / " +
         std::to_string(H["codegen"]["rust"].get<uint64_t>());
}

std::string markdown(const json &A) {
  std::ostringstream OS;
  const json &S = A["summary"];
  bool Survey = A["kind"] == "survey";
  if (Survey) {
    OS << "# helpers2rs feasibility survey\n\n";
    if (const json &O = A["options"]; O.contains("types"))
      OS << "Translatable: a helper returning the function's address "
            "translates with `--types="
         << O["types"].get<std::string>() << " --rust-version="
         << O["rust_version"].get<std::string>()
         << "`, the function and every function its translation reaches.\n\n";
    OS << "| functions | translatable | rejected | translatable share |\n"
       << "|---:|---:|---:|---:|\n"
       << "| " << S["functions"] << " | " << S["translatable"] << " | "
       << S["rejected"] << " | " << static_cast<int>(S["translatable_share"].get<double>() * 1000) / 10.0
       << "% |\n\n## Rejection reasons\n\n| reason | functions |\n|---|---:|\n";
    for (const json &B : A["blockers"])
      OS << "| `" << B["construct"].get<std::string>() << "` | "
         << B["functions"] << " |\n";
    OS << "\n## By file\n\n| file | functions | translatable | rejected |\n"
       << "|---|---:|---:|---:|\n";
    for (const json &F : A["files"])
      OS << "| " << F["file"].get<std::string>() << " | " << F["functions"]
         << " | " << F["translatable"] << " | " << F["rejected"] << " |\n";
  } else {
    OS << "# helpers2rs coverage report\n\n";
    if (std::string Made = configurationText(A["configuration"]); !Made.empty())
      OS << Made << "\n\n";
    OS
       << "| helpers | translated | shimmed | fallback | closure functions |\n"
       << "|---:|---:|---:|---:|---:|\n"
       << "| " << S["helpers"] << " | " << S["translated"] << " | "
       << S["shimmed"] << " | " << S["fallback"] << " | " << S["functions"]
       << " |\n\n" << sharesText(A["shares"]) << "\n\n";
    if (std::string Route = routeText(A); !Route.empty())
      OS << Route << "\n\n";
    OS << "## By helper file\n\n"
       << "| file | helpers | translated | shimmed | fallback |\n"
       << "|---|---:|---:|---:|---:|\n";
    for (const json &F : A["files"])
      OS << "| " << F["file"].get<std::string>() << " | " << F["helpers"]
         << " | " << F["translated"] << " | " << F["shimmed"] << " | "
         << F["fallback"] << " |\n";
    OS << "\n## Blockers\n\n";
    if (A["blockers"].empty())
      OS << "None: no helper is left to C.\n";
    int Rank = 0;
    for (const json &B : A["blockers"]) {
      OS << ++Rank << ". `" << B["construct"].get<std::string>()
         << "`: fixing it would unlock " << B["unlocks"] << " helper"
         << (B["unlocks"] == 1 ? "" : "s") << " (" << B["affected"]
         << " held back in all)\n";
      for (const json &Site : B["sites"]) {
        OS << "   - `" << Site["function"].get<std::string>() << "` at "
           << Site["location"].get<std::string>() << ": "
           << Site["message"].get<std::string>() << "\n"
           << "     - chain: " << chainText(Site["chain"]) << "\n";
        if (!Site["macro_chain"].empty())
          OS << "     - macros: " << macroText(Site["macro_chain"]) << "\n";
      }
    }
    if (!A["shims"].empty())
      OS << "\n## Shims\n\n";
    for (const json &Shim : A["shims"]) {
      OS << "- `" << Shim["shim"].get<std::string>() << "`: "
         << Shim["helpers"] << " helper"
         << (Shim["helpers"] == 1 ? "" : "s") << "\n";
      for (const json &Site : Shim["sites"])
        OS << "   - `" << Site["function"].get<std::string>() << "` at "
           << Site["location"].get<std::string>() << ": "
           << Site["message"].get<std::string>() << "\n";
    }
    if (!A["specialisations"].empty())
      OS << "\n## Call-site specialisations\n\n";
    for (const json &Site : A["specialisations"])
      OS << "- " << Site["message"].get<std::string>() << ", called at "
         << Site["location"].get<std::string>() << "\n";
    bool Checked = S.contains("kernel_check");
    if (Checked)
      OS << "\n## In-kernel differential check\n\n"
         << kernelCheckText(S) << "\n";
    if (A.contains("kunit"))
      OS << "\n## Boot\n\n" << kunitText(A["kunit"]) << "\n";
    bool Measured = A.contains("codegen");
    if (Measured)
      OS << "\n## Machine code\n\n" << codegenText(A) << "\n";
    OS << "\n## Helpers\n\n| helper | status | closure | reasons or shims |"
       << (Checked ? " kernel check |" : "")
       << (Measured ? " instructions C / Rust |" : "")
       << "\n|---|---|---:|---|" << (Checked ? "---|" : "")
       << (Measured ? "---:|" : "") << "\n";
    for (const json &H : A["helpers"]) {
      std::string Why;
      for (const json &R : H["reasons"])
        Why += (Why.empty() ? "" : "; ") + std::string("`") +
               R["construct"].get<std::string>() + "` via " +
               chainText(R["chain"]);
      for (const json &Shim : H["shims"])
        Why += (Why.empty() ? "shim " : "; shim ") + std::string("`") +
               Shim.get<std::string>() + "`";
      OS << "| " << H["name"].get<std::string>() << " | "
         << H["status"].get<std::string>() << " | " << H["closure_size"]
         << " | " << Why << " |"
         << (Checked ? " " + kernelCheckCell(H) + " |" : "")
         << (Measured ? " " + codegenCell(H) + " |" : "") << "\n";
    }
  }
  if (A.contains("changes")) {
    const json &C = A["changes"];
    OS << "\n## Changes\n\n";
    if (C.contains("error")) {
      OS << C["error"].get<std::string>() << "\n";
    } else {
      for (const json &X : C["status_changes"])
        OS << "- " << X["name"].get<std::string>() << ": "
           << X["from"].get<std::string>() << " → "
           << X["to"].get<std::string>() << "\n";
      for (const json &X : C["added"])
        OS << "- added " << X["name"].get<std::string>() << " ("
           << X["status"].get<std::string>() << ")\n";
      for (const json &X : C["removed"])
        OS << "- removed " << X["name"].get<std::string>() << "\n";
      for (const json &X : C.value("reason_changes", json::array()))
        OS << "- " << X["name"].get<std::string>() << ": reasons "
           << listText(X["from"]) << " → " << listText(X["to"]) << "\n";
      for (const json &X : C.value("rust_changes", json::array()))
        OS << "- " << X["name"].get<std::string>() << ": Rust differs in "
           << listText(X["functions"]) << "\n";
      for (const json &X : C.value("configuration_changes", json::array()))
        OS << "- configuration " << configurationChangeText(X) << "\n";
      if (changeCount(C) == 0)
        OS << "No change.\n";
    }
  }
  return OS.str();
}

// ---- Cover letter ----------------------------------------------------------

// The few lines a patch series' cover letter gives: the headline, the in-
// kernel check, what stays in C and why (the five largest blockers), the
// shims. The full Markdown report is the appendix.
std::string coverLetter(const json &A) {
  std::ostringstream OS;
  const json &S = A["summary"];
  if (A["kind"] == "survey") {
    OS << S["translatable"] << " of " << S["functions"]
       << " static inline functions translate (";
    OS << static_cast<int>(S["translatable_share"].get<double>() * 1000) / 10.0
       << " %).\n";
    return OS.str();
  }
  OS << "helpers2rs translates " << S["translated"].get<int>() +
                                        S["shimmed"].get<int>()
     << " of the " << S["helpers"] << " Rust helpers into Rust ("
     << S["shimmed"] << " of them through a reviewed shim); " << S["fallback"]
     << " stay in C.\n\n" << sharesText(A["shares"]) << "\n";
  if (std::string Made = configurationText(A["configuration"]); !Made.empty())
    OS << "\n" << Made << "\n";
  if (std::string Route = routeText(A); !Route.empty())
    OS << Route << "\n";
  if (S.contains("kernel_check"))
    OS << "\n" << kernelCheckText(S) << "\n";
  if (A.contains("kunit"))
    OS << "\n" << kunitText(A["kunit"]) << "\n";
  if (A.contains("codegen"))
    OS << "\n" << codegenText(A) << "\n";
  if (!A["blockers"].empty())
    OS << "\nWhat stays in C, and why:\n\n";
  int Shown = 0;
  for (const json &B : A["blockers"]) {
    if (++Shown > 5) {
      OS << "- and " << A["blockers"].size() - 5 << " more reasons "
         << "(see the full report)\n";
      break;
    }
    OS << "- `" << B["construct"].get<std::string>() << "`: "
       << B["affected"] << " helper" << (B["affected"] == 1 ? "" : "s")
       << " (" << B["unlocks"] << " by this alone)\n";
  }
  if (!A["shims"].empty()) {
    OS << "\nShims:";
    for (const json &Shim : A["shims"])
      OS << " `" << Shim["shim"].get<std::string>() << "` ("
         << Shim["helpers"] << ")";
    OS << "\n";
  }
  return OS.str();
}

// ---- HTML ------------------------------------------------------------------

std::string str(const json &J) {
  return J.is_string() ? J.get<std::string>() : J.dump();
}

// A table whose columns sort on a click (the script at the end).
std::string table(const std::string &Id, const std::vector<std::string> &Head,
                  const std::vector<std::vector<std::string>> &Rows) {
  std::ostringstream OS;
  OS << "<table class=\"sortable\" id=\"" << Id << "\"><thead><tr>";
  for (const std::string &H : Head)
    OS << "<th>" << escapeHtml(H) << "</th>";
  OS << "</tr></thead><tbody>\n";
  for (const auto &Row : Rows) {
    OS << "<tr>";
    for (const std::string &Cell : Row)
      OS << "<td>" << Cell << "</td>";
    OS << "</tr>\n";
  }
  return OS.str() + "</tbody></table>\n";
}

std::string barChart(const json &Blockers, const char *CountKey) {
  int Max = 1;
  for (const json &B : Blockers)
    Max = std::max(Max, B[CountKey].get<int>());
  int Height = 24 * static_cast<int>(Blockers.size()) + 10;
  std::ostringstream OS;
  OS << "<svg id=\"blocker-chart\" width=\"720\" height=\"" << Height
     << "\" role=\"img\" aria-label=\"blockers\">\n";
  int Y = 5;
  for (const json &B : Blockers) {
    int N = B[CountKey].get<int>();
    int W = 400 * N / Max;
    OS << "<text x=\"0\" y=\"" << Y + 15 << "\">"
       << escapeHtml(B["construct"].get<std::string>()) << "</text>"
       << "<rect x=\"250\" y=\"" << Y << "\" width=\"" << std::max(W, 1)
       << "\" height=\"18\" fill=\"#c0504d\"></rect>"
       << "<text x=\"" << 256 + W << "\" y=\"" << Y + 15 << "\">" << N
       << "</text>\n";
    Y += 24;
  }
  return OS.str() + "</svg>\n";
}

// One function's C beside its Rust, each with where it comes from.
std::string sideBySide(const json &F, const std::string &Anchor,
                       const std::string &RustAbsent) {
  std::ostringstream OS;
  OS << "<div class=\"pair\" id=\"" << escapeHtml(Anchor)
     << "\"><div class=\"c\"><h4>C <small>" << escapeHtml(F["location"])
     << "</small></h4><pre>"
     << highlightHtml(F["c_source"], SourceLanguage::C) << "</pre></div>"
     << "<div class=\"rust\"><h4>Rust</h4>";
  if (F["rust"].get<std::string>().empty())
    OS << "<p class=\"absent\">" << escapeHtml(RustAbsent) << "</p>";
  else
    OS << "<pre>" << highlightHtml(F["rust"], SourceLanguage::Rust) << "</pre>";
  OS << "</div></div>\n";
  return OS.str();
}

// The review pages: every helper's C beside its Rust with its status and
// reasons, then every function of the closures once, each linked from the
// helpers that reach it. Plain HTML: the filter by status is the only
// script, and without it everything shows.
std::string review(const json &A) {
  std::map<std::string, const json *> Functions;
  for (const json &F : A["functions"])
    Functions.emplace(F["name"].get<std::string>(), &F);
  std::ostringstream OS;
  OS << "<h2 id=\"review\">Review: C beside Rust</h2>\n"
     << "<p><label>Show <select id=\"status-filter\"><option value=\"\">"
        "every status</option><option>translated</option><option>shimmed"
        "</option><option>fallback</option></select></label></p>\n";
  for (const json &H : A["helpers"]) {
    std::string Name = H["name"];
    OS << "<section class=\"helper\" data-status=\""
       << escapeHtml(H["status"]) << "\"><h3>" << escapeHtml(Name)
       << " <span class=\"status\">" << escapeHtml(H["status"])
       << "</span></h3>\n";
    for (const json &R : H["reasons"]) {
      OS << "<p class=\"reason\"><code>" << escapeHtml(R["construct"])
         << "</code> in <code>" << escapeHtml(R["function"]) << "</code> at "
         << escapeHtml(R["location"]) << ": " << escapeHtml(R["message"]);
      if (!R["macro_chain"].empty())
        OS << "<br>macros: " << escapeHtml(macroText(R["macro_chain"], ""));
      OS << "</p>\n";
    }
    for (const json &Shim : H["shims"])
      OS << "<p>shim <code>" << escapeHtml(Shim) << "</code></p>\n";
    if (std::string Check = kernelCheckCell(H); !Check.empty())
      OS << "<p>kernel check: " << escapeHtml(Check) << "</p>\n";
    if (H.contains("codegen"))
      OS << "<p class=\"codegen\">machine code: C "
         << H["codegen"]["c"].get<uint64_t>() << ", Rust "
         << H["codegen"]["rust"].get<uint64_t>() << " instructions</p>\n";
    if (auto It = Functions.find(Name); It != Functions.end())
      OS << sideBySide(*It->second, "h-" + Name,
                       H["status"] == "fallback"
                           ? "Left to C: the C helper is called."
                           : "Not in the output.");
    if (!H["closure"].empty()) {
      OS << "<p>Reaches:";
      for (const json &C : H["closure"])
        OS << " <a href=\"#f-" << escapeHtml(C) << "\">" << escapeHtml(C)
           << "</a>";
      OS << "</p>\n";
    }
    OS << "</section>\n";
  }
  OS << "<h2>Functions the helpers reach</h2>\n";
  std::set<std::string> Reached;
  for (const json &H : A["helpers"])
    for (const json &C : H["closure"])
      Reached.insert(C.get<std::string>());
  for (const std::string &Name : Reached)
    if (auto It = Functions.find(Name); It != Functions.end())
      OS << "<section class=\"function\"><h3>" << escapeHtml(Name)
         << " <span class=\"status\">"
         << escapeHtml((*It->second)["status"]) << "</span></h3>\n"
         << sideBySide(*It->second, "f-" + Name,
                       (*It->second)["status"] == "rejected"
                           ? "Not translated (see the reasons above)."
                           : "Folded into its callers by the output.")
         << "</section>\n";
  return OS.str();
}

const char *FilterScript = R"(<script>
document.getElementById('status-filter')?.addEventListener('change', function () {
  var want = this.value;
  document.querySelectorAll('section.helper').forEach(function (s) {
    s.style.display = !want || s.dataset.status === want ? '' : 'none';
  });
  document.querySelectorAll('#helpers tbody tr').forEach(function (tr) {
    tr.style.display = !want || tr.cells[1].textContent === want ? '' : 'none';
  });
});
</script>
)";

const char *SortScript = R"(<script>
document.querySelectorAll('table.sortable th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.dataset.sorted !== 'asc';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[idx].textContent, y = b.cells[idx].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    th.dataset.sorted = asc ? 'asc' : 'desc';
  });
});
</script>
)";

std::string html(const json &A) {
  std::ostringstream OS;
  bool Survey = A["kind"] == "survey";
  const json &S = A["summary"];
  OS << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>helpers2rs "
     << (Survey ? "survey" : "coverage report") << "</title>\n<style>"
     << "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
        "margin-bottom:2em}td,th{border:1px solid #ccc;padding:3px 8px}"
        "th{cursor:pointer;background:#eee}code{background:#f4f4f4}"
        ".pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}"
        ".pair>div{min-width:0}pre{background:#f8f8f8;padding:.5em;"
        "overflow-x:auto;font-size:12px}h4{margin:.3em 0}"
        "section{border-top:1px solid #ddd;margin-top:1em}"
        ".status{font-weight:normal;color:#555}"
     << HighlightStyle << "</style></head><body>\n<h1>helpers2rs "
     << (Survey ? "feasibility survey" : "coverage report") << "</h1>\n";
  if (Survey) {
    OS << table("summary", {"functions", "translatable", "rejected", "share"},
                {{str(S["functions"]), str(S["translatable"]), str(S["rejected"]),
                  std::to_string(static_cast<int>(
                      S["translatable_share"].get<double>() * 1000) / 10.0)}});
    OS << "<h2>Rejection reasons</h2>\n" << barChart(A["blockers"], "functions");
    std::vector<std::vector<std::string>> Rows;
    for (const json &F : A["files"])
      Rows.push_back({escapeHtml(F["file"]), str(F["functions"]),
                      str(F["translatable"]), str(F["rejected"])});
    OS << "<h2>By file</h2>\n"
       << table("files", {"file", "functions", "translatable", "rejected"}, Rows);
  } else {
    OS << configurationHtml(A["configuration"]);
    OS << table("summary",
                {"helpers", "translated", "shimmed", "fallback",
                 "closure functions"},
                {{str(S["helpers"]), str(S["translated"]), str(S["shimmed"]),
                  str(S["fallback"]), str(S["functions"])}});
    OS << "<p>" << escapeHtml(sharesText(A["shares"])) << "</p>\n";
    if (std::string Route = routeText(A); !Route.empty())
      OS << "<p>" << escapeHtml(Route) << "</p>\n";
    OS << "<h2>Blockers</h2>\n";
    if (A["blockers"].empty())
      OS << "<p>None: no helper is left to C.</p>\n";
    else
      OS << barChart(A["blockers"], "affected");
    std::vector<std::vector<std::string>> BRows;
    for (const json &B : A["blockers"]) {
      std::string Sites;
      for (const json &Site : B["sites"])
        Sites += "<div><code>" + escapeHtml(Site["function"]) + "</code> at " +
                 escapeHtml(Site["location"]) + "<br>chain: " +
                 escapeHtml(chainText(Site["chain"])) +
                 (Site["macro_chain"].empty()
                      ? ""
                      : "<br>macros: " +
                            escapeHtml(macroText(Site["macro_chain"], ""))) +
                 "</div>";
      BRows.push_back({"<code>" + escapeHtml(B["construct"]) + "</code>",
                       str(B["unlocks"]), str(B["affected"]), Sites});
    }
    if (!BRows.empty())
      OS << table("blockers", {"reason", "would unlock", "held back", "where"},
                  BRows);
    std::vector<std::vector<std::string>> FRows;
    for (const json &F : A["files"])
      FRows.push_back({escapeHtml(F["file"]), str(F["helpers"]),
                       str(F["translated"]), str(F["shimmed"]),
                       str(F["fallback"])});
    OS << "<h2>By helper file</h2>\n"
       << table("files", {"file", "helpers", "translated", "shimmed", "fallback"},
                FRows);
    std::vector<std::vector<std::string>> HRows;
    for (const json &H : A["helpers"]) {
      std::string Why;
      for (const json &R : H["reasons"])
        Why += "<div><code>" + escapeHtml(R["construct"]) + "</code> via " +
               escapeHtml(chainText(R["chain"])) + "</div>";
      for (const json &Shim : H["shims"])
        Why += "<div>shim <code>" + escapeHtml(Shim) + "</code></div>";
      HRows.push_back({escapeHtml(H["name"]), escapeHtml(H["status"]),
                       str(H["closure_size"]), Why});
      if (S.contains("kernel_check"))
        HRows.back().push_back(escapeHtml(kernelCheckCell(H)));
      if (A.contains("codegen"))
        HRows.back().push_back(escapeHtml(codegenCell(H)));
    }
    std::vector<std::vector<std::string>> SRows;
    for (const json &Shim : A["shims"]) {
      std::string Sites;
      for (const json &Site : Shim["sites"])
        Sites += "<div><code>" + escapeHtml(Site["function"]) + "</code> at " +
                 escapeHtml(Site["location"]) + ": " +
                 escapeHtml(Site["message"]) + "</div>";
      SRows.push_back({"<code>" + escapeHtml(Shim["shim"]) + "</code>",
                       str(Shim["helpers"]), Sites});
    }
    if (!SRows.empty())
      OS << "<h2>Shims</h2>\n"
         << table("shims", {"shim", "helpers", "where"}, SRows);
    std::vector<std::vector<std::string>> CSRows;
    for (const json &Site : A["specialisations"])
      CSRows.push_back({escapeHtml(Site["message"]), escapeHtml(Site["location"])});
    if (!CSRows.empty())
      OS << "<h2>Call-site specialisations</h2>\n"
         << table("specialisations", {"specialisation", "called at"}, CSRows);
    std::vector<std::string> HHead = {"helper", "status", "closure",
                                      "reasons or shims"};
    if (S.contains("kernel_check")) {
      OS << "<h2>In-kernel differential check</h2>\n<p>"
         << escapeHtml(kernelCheckText(S)) << "</p>\n";
      HHead.push_back("kernel check");
    }
    if (A.contains("kunit"))
      OS << "<h2>Boot</h2>\n<p>" << escapeHtml(kunitText(A["kunit"]))
         << "</p>\n";
    if (A.contains("codegen")) {
      OS << "<h2>Machine code</h2>\n<p>" << escapeHtml(codegenText(A))
         << "</p>\n";
      HHead.push_back("instructions C / Rust");
    }
    OS << "<h2>Helpers</h2>\n" << table("helpers", HHead, HRows)
       << review(A);
  }
  if (A.contains("changes") && !A["changes"].contains("error")) {
    std::vector<std::vector<std::string>> CRows;
    for (const json &X : A["changes"]["status_changes"])
      CRows.push_back({escapeHtml(X["name"]), escapeHtml(X["from"]),
                       escapeHtml(X["to"])});
    for (const json &X : A["changes"]["added"])
      CRows.push_back({escapeHtml(X["name"]), "(new)", escapeHtml(X["status"])});
    for (const json &X : A["changes"]["removed"])
      CRows.push_back({escapeHtml(X["name"]), escapeHtml(X["status"]), "(gone)"});
    for (const json &X : A["changes"].value("reason_changes", json::array()))
      CRows.push_back({escapeHtml(X["name"]), escapeHtml(listText(X["from"])),
                       escapeHtml(listText(X["to"]))});
    for (const json &X : A["changes"].value("rust_changes", json::array()))
      CRows.push_back({escapeHtml(X["name"]), "Rust",
                       "Rust differs in " + escapeHtml(listText(X["functions"]))});
    for (const json &X :
         A["changes"].value("configuration_changes", json::array()))
      CRows.push_back({"configuration", "", escapeHtml(configurationChangeText(X))});
    OS << "<h2>Changes</h2>\n" << table("changes", {"name", "before", "now"}, CRows);
  }
  return OS.str() + SortScript + (Survey ? "" : FilterScript) +
         "</body></html>\n";
}

// ---- SARIF -----------------------------------------------------------------

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

std::string sarif(const json &A) {
  json Rules = json::array(), Results = json::array();
  for (const json &B : A["blockers"])
    Rules.push_back(
        {{"id", B["construct"]},
         {"shortDescription",
          {{"text", "helpers2rs cannot translate: " +
                        B["construct"].get<std::string>()}}}});
  if (A["kind"] == "survey") {
    for (const json &B : A["blockers"])
      for (const json &Site : B["sites"])
        Results.push_back({{"ruleId", B["construct"]},
                           {"level", "note"},
                           {"message", {{"text", Site["function"].get<std::string>() +
                                                     ": " +
                                                     Site["message"].get<std::string>()}}},
                           {"locations", json::array({sarifLocation(Site["location"])})}});
  } else {
    // A shim is worth a note where it stands in.
    for (const json &Shim : A["shims"]) {
      Rules.push_back(
          {{"id", Shim["shim"]},
           {"shortDescription",
            {{"text", "helpers2rs stands in a shim: " +
                          Shim["shim"].get<std::string>()}}}});
      for (const json &Site : Shim["sites"])
        Results.push_back(
            {{"ruleId", Shim["shim"]},
             {"level", "note"},
             {"message", {{"text", Site["function"].get<std::string>() + ": " +
                                       Site["message"].get<std::string>()}}},
             {"locations", json::array({sarifLocation(Site["location"])})}});
    }
    for (const json &Site : A["specialisations"])
      Results.push_back(
          {{"ruleId", "call-site-specialisation"},
           {"level", "note"},
           {"message", {{"text", Site["message"]}}},
           {"locations", json::array({sarifLocation(Site["location"])})}});
    if (!A["specialisations"].empty())
      Rules.push_back({{"id", "call-site-specialisation"},
                       {"shortDescription",
                        {{"text", "helpers2rs specialised a function for the "
                                  "constants a call passes"}}}});
    bool NotCheckable = false;
    for (const json &H : A["helpers"])
      if (H.contains("kernel_check") &&
          H["kernel_check"]["verdict"] == "not-checkable" &&
          H["status"] != "fallback") {
        NotCheckable = true;
        Results.push_back(
            {{"ruleId", "kernel-check-not-checkable"},
             {"level", "note"},
             {"message", {{"text", H["name"].get<std::string>() +
                                       " is not checked in the kernel: " +
                                       H["kernel_check"].value("reason", "")}}},
             {"locations", json::array({sarifLocation(H["location"])})}});
      }
    if (NotCheckable)
      Rules.push_back({{"id", "kernel-check-not-checkable"},
                       {"shortDescription",
                        {{"text", "the in-kernel differential suite cannot "
                                  "call this helper beside its C original"}}}});
    for (const json &H : A["helpers"]) {
      if (H["status"] != "fallback")
        continue;
      json Related = json::array();
      std::string Text = H["name"].get<std::string>() + " falls back to C:";
      int Id = 0;
      for (const json &R : H["reasons"]) {
        Text += " " + R["construct"].get<std::string>() + " in " +
                R["function"].get<std::string>() + " (" +
                chainText(R["chain"]) + ");";
        json Loc = sarifLocation(R["location"]);
        Loc["id"] = Id++;
        Loc["message"] = {{"text", R["message"]}};
        Related.push_back(Loc);
      }
      Results.push_back(
          {{"ruleId", H["reasons"].empty() ? json("fallback")
                                           : H["reasons"][0]["construct"]},
           {"level", "warning"},
           {"message", {{"text", Text}}},
           {"locations", json::array({sarifLocation(H["location"])})},
           {"relatedLocations", Related}});
    }
  }
  json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs",
               json::array({{{"tool",
                              {{"driver",
                                {{"name", "helpers2rs"}, {"rules", Rules}}}}},
                             {"results", Results}}})}};
  return Log.dump(2) + "\n";
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

std::string renderReport(const json &Analysis, ReportFormat F) {
  switch (F) {
  case ReportFormat::Markdown:
    return markdown(Analysis);
  case ReportFormat::Html:
    return html(Analysis);
  case ReportFormat::Sarif:
    return sarif(Analysis);
  case ReportFormat::CoverLetter:
    return coverLetter(Analysis);
  case ReportFormat::Json:
    break;
  }
  return Analysis.dump(2) + "\n";
}

} // namespace h2r::emit
