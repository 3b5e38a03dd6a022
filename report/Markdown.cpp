//===- report/Markdown.cpp - The report as Markdown -----------------------===//

#include "report/Boot.h"
#include "report/Configuration.h"
#include "report/Formats.h"
#include "report/Text.h"

#include <sstream>

namespace h2r::report {

using nlohmann::json;

namespace {

void survey(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  OS << "# helpers2rs feasibility survey\n\n";
  if (const json &O = A["options"]; O.contains("types"))
    OS << "Translatable: a helper returning the function's address "
          "translates with `--types="
       << O["types"].get<std::string>()
       << " --rust-version=" << O["rust_version"].get<std::string>()
       << "`, the function and every function its translation reaches.\n\n";
  OS << "| functions | translatable | rejected | translatable share |\n"
     << "|---:|---:|---:|---:|\n"
     << "| " << S["functions"] << " | " << S["translatable"] << " | "
     << S["rejected"] << " | "
     << static_cast<int>(S["translatable_share"].get<double>() * 1000) / 10.0
     << "% |\n\n## Rejection reasons\n\n| reason | functions |\n|---|---:|\n";
  for (const json &B : A["blockers"])
    OS << "| `" << B["construct"].get<std::string>() << "` | " << B["functions"]
       << " |\n";
  OS << "\n## By file\n\n| file | functions | translatable | rejected |\n"
     << "|---|---:|---:|---:|\n";
  for (const json &F : A["files"])
    OS << "| " << F["file"].get<std::string>() << " | " << F["functions"]
       << " | " << F["translatable"] << " | " << F["rejected"] << " |\n";
}

// The headline, the configuration and the split per helper file.
void headline(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  OS << "# helpers2rs coverage report\n\n";
  if (std::string Made = configurationText(A["configuration"]); !Made.empty())
    OS << Made << "\n\n";
  OS << "| helpers | translated | shimmed | fallback | closure functions |\n"
     << "|---:|---:|---:|---:|---:|\n"
     << "| " << S["helpers"] << " | " << S["translated"] << " | "
     << S["shimmed"] << " | " << S["fallback"] << " | " << S["functions"]
     << " |\n\n"
     << sharesText(A["shares"]) << "\n\n";
  if (std::string Route = routeText(A); !Route.empty())
    OS << Route << "\n\n";
  OS << "## By helper file\n\n"
     << "| file | helpers | translated | shimmed | fallback |\n"
     << "|---|---:|---:|---:|---:|\n";
  for (const json &F : A["files"])
    OS << "| " << F["file"].get<std::string>() << " | " << F["helpers"] << " | "
       << F["translated"] << " | " << F["shimmed"] << " | " << F["fallback"]
       << " |\n";
}

// Blockers ranked, shims, call-site specialisations.
void blockers(const json &A, std::ostream &OS) {
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
    OS << "- `" << Shim["shim"].get<std::string>() << "`: " << Shim["helpers"]
       << " helper" << (Shim["helpers"] == 1 ? "" : "s") << "\n";
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
}

// The in-kernel check, the boot, machine code, and a row per helper.
void helperRows(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  bool Checked = S.contains("kernel_check");
  if (Checked)
    OS << "\n## In-kernel differential check\n\n" << kernelCheckText(S) << "\n";
  if (A.contains("kunit"))
    OS << "\n## Boot\n\n" << kunitText(A["kunit"]) << "\n";
  bool Measured = A.contains("codegen");
  if (Measured)
    OS << "\n## Machine code\n\n" << codegenText(A) << "\n";
  OS << "\n## Helpers\n\n| helper | status | closure | reasons or shims |"
     << (Checked ? " kernel check |" : "")
     << (Measured ? " instructions C / Rust |" : "") << "\n|---|---|---:|---|"
     << (Checked ? "---|" : "") << (Measured ? "---:|" : "") << "\n";
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
       << H["status"].get<std::string>() << " | " << H["closure_size"] << " | "
       << Why << " |" << (Checked ? " " + kernelCheckCell(H) + " |" : "")
       << (Measured ? " " + codegenCell(H) + " |" : "") << "\n";
  }
}

void changes(const json &A, std::ostream &OS) {
  const json &C = A["changes"];
  OS << "\n## Changes\n\n";
  if (C.contains("error")) {
    OS << C["error"].get<std::string>() << "\n";
  } else {
    for (const json &X : C["status_changes"])
      OS << "- " << X["name"].get<std::string>() << ": "
         << X["from"].get<std::string>() << " → " << X["to"].get<std::string>()
         << "\n";
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

} // namespace

std::string markdown(const json &A) {
  std::ostringstream OS;
  if (A["kind"] == "survey") {
    survey(A, OS);
  } else {
    headline(A, OS);
    blockers(A, OS);
    helperRows(A, OS);
  }
  if (A.contains("changes"))
    changes(A, OS);
  return OS.str();
}

} // namespace h2r::report
