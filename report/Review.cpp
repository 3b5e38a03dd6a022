//===- report/Review.cpp - C beside Rust, for review ----------------------===//

#include "report/Formats.h"
#include "report/Highlight.h"
#include "report/Text.h"

#include <map>
#include <set>
#include <sstream>

namespace h2r::report {

using nlohmann::json;

namespace {

// One function's C beside its Rust, each with where it comes from.
std::string sideBySide(const json &F, const std::string &Anchor,
                       const std::string &RustAbsent) {
  std::ostringstream OS;
  OS << "<div class=\"pair\" id=\"" << escapeHtml(Anchor)
     << "\"><div class=\"c\"><h4>C <small>" << escapeHtml(F["location"])
     << "</small></h4><pre>" << highlightHtml(F["c_source"], SourceLanguage::C)
     << "</pre></div>"
     << "<div class=\"rust\"><h4>Rust</h4>";
  if (F["rust"].get<std::string>().empty())
    OS << "<p class=\"absent\">" << escapeHtml(RustAbsent) << "</p>";
  else
    OS << "<pre>" << highlightHtml(F["rust"], SourceLanguage::Rust) << "</pre>";
  OS << "</div></div>\n";
  return OS.str();
}

} // namespace

// The review pages: every helper's C beside its Rust with its status and
// reasons, then every function of the closures once, each linked from the
// helpers that reach it. Plain HTML: the filter by status is the only
// script, and without it everything shows.
std::string reviewHtml(const json &A) {
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
    OS << "<section class=\"helper\" data-status=\"" << escapeHtml(H["status"])
       << "\"><h3>" << escapeHtml(Name) << " <span class=\"status\">"
       << escapeHtml(H["status"]) << "</span></h3>\n";
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
         << " <span class=\"status\">" << escapeHtml((*It->second)["status"])
         << "</span></h3>\n"
         << sideBySide(*It->second, "f-" + Name,
                       (*It->second)["status"] == "rejected"
                           ? "Not translated (see the reasons above)."
                           : "Folded into its callers by the output.")
         << "</section>\n";
  return OS.str();
}

} // namespace h2r::report
