//===- report/CoverLetter.cpp - A cover letter's blurb --------------------===//

#include "report/Boot.h"
#include "report/Configuration.h"
#include "report/Formats.h"
#include "report/Text.h"

#include <sstream>

namespace h2r::report {

using nlohmann::json;

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
  OS << "helpers2rs translates "
     << S["translated"].get<int>() + S["shimmed"].get<int>() << " of the "
     << S["helpers"] << " Rust helpers into Rust (" << S["shimmed"]
     << " of them through a reviewed shim); " << S["fallback"]
     << " stay in C.\n\n"
     << sharesText(A["shares"]) << "\n";
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
    OS << "- `" << B["construct"].get<std::string>() << "`: " << B["affected"]
       << " helper" << (B["affected"] == 1 ? "" : "s") << " (" << B["unlocks"]
       << " by this alone)\n";
  }
  if (!A["shims"].empty()) {
    OS << "\nShims:";
    for (const json &Shim : A["shims"])
      OS << " `" << Shim["shim"].get<std::string>() << "` (" << Shim["helpers"]
         << ")";
    OS << "\n";
  }
  return OS.str();
}

} // namespace h2r::report
