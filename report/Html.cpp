//===- report/Html.cpp - The report as one HTML page ----------------------===//

#include "report/Boot.h"
#include "report/Configuration.h"
#include "report/Formats.h"
#include "report/Highlight.h"
#include "report/Text.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace h2r::report {

using nlohmann::json;

namespace {

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

// The page's head, its style and title.
void pageHead(bool Survey, std::ostream &OS) {
  OS << "<!DOCTYPE html>\n<html><head><meta "
        "charset=\"utf-8\"><title>helpers2rs "
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
}

void surveyBody(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  OS << table(
      "summary", {"functions", "translatable", "rejected", "share"},
      {{str(S["functions"]), str(S["translatable"]), str(S["rejected"]),
        std::to_string(
            static_cast<int>(S["translatable_share"].get<double>() * 1000) /
            10.0)}});
  OS << "<h2>Rejection reasons</h2>\n" << barChart(A["blockers"], "functions");
  std::vector<std::vector<std::string>> Rows;
  for (const json &F : A["files"])
    Rows.push_back({escapeHtml(F["file"]), str(F["functions"]),
                    str(F["translatable"]), str(F["rejected"])});
  OS << "<h2>By file</h2>\n"
     << table("files", {"file", "functions", "translatable", "rejected"}, Rows);
}

// The configuration, the headline, the shares, the fallback route.
void translationSummary(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  OS << configurationHtml(A["configuration"]);
  OS << table(
      "summary",
      {"helpers", "translated", "shimmed", "fallback", "closure functions"},
      {{str(S["helpers"]), str(S["translated"]), str(S["shimmed"]),
        str(S["fallback"]), str(S["functions"])}});
  OS << "<p>" << escapeHtml(sharesText(A["shares"])) << "</p>\n";
  if (std::string Route = routeText(A); !Route.empty())
    OS << "<p>" << escapeHtml(Route) << "</p>\n";
}

void blockerTables(const json &A, std::ostream &OS) {
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
               escapeHtml(Site["location"]) +
               "<br>chain: " + escapeHtml(chainText(Site["chain"])) +
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
}

void fileTable(const json &A, std::ostream &OS) {
  std::vector<std::vector<std::string>> FRows;
  for (const json &F : A["files"])
    FRows.push_back({escapeHtml(F["file"]), str(F["helpers"]),
                     str(F["translated"]), str(F["shimmed"]),
                     str(F["fallback"])});
  OS << "<h2>By helper file</h2>\n"
     << table("files", {"file", "helpers", "translated", "shimmed", "fallback"},
              FRows);
}

std::vector<std::vector<std::string>> helperRows(const json &A) {
  const json &S = A["summary"];
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
  return HRows;
}

void shimTables(const json &A, std::ostream &OS) {
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
    CSRows.push_back(
        {escapeHtml(Site["message"]), escapeHtml(Site["location"])});
  if (!CSRows.empty())
    OS << "<h2>Call-site specialisations</h2>\n"
       << table("specialisations", {"specialisation", "called at"}, CSRows);
}

// The in-kernel check, the boot, machine code, the helpers and the review.
void helperSection(const json &A, std::ostream &OS) {
  const json &S = A["summary"];
  std::vector<std::string> HHead = {"helper", "status", "closure",
                                    "reasons or shims"};
  if (S.contains("kernel_check")) {
    OS << "<h2>In-kernel differential check</h2>\n<p>"
       << escapeHtml(kernelCheckText(S)) << "</p>\n";
    HHead.push_back("kernel check");
  }
  if (A.contains("kunit"))
    OS << "<h2>Boot</h2>\n<p>" << escapeHtml(kunitText(A["kunit"])) << "</p>\n";
  if (A.contains("codegen")) {
    OS << "<h2>Machine code</h2>\n<p>" << escapeHtml(codegenText(A))
       << "</p>\n";
    HHead.push_back("instructions C / Rust");
  }
  OS << "<h2>Helpers</h2>\n"
     << table("helpers", HHead, helperRows(A)) << reviewHtml(A);
}

void changesTable(const json &A, std::ostream &OS) {
  std::vector<std::vector<std::string>> CRows;
  for (const json &X : A["changes"]["status_changes"])
    CRows.push_back(
        {escapeHtml(X["name"]), escapeHtml(X["from"]), escapeHtml(X["to"])});
  for (const json &X : A["changes"]["added"])
    CRows.push_back({escapeHtml(X["name"]), "(new)", escapeHtml(X["status"])});
  for (const json &X : A["changes"]["removed"])
    CRows.push_back({escapeHtml(X["name"]), escapeHtml(X["status"]), "(gone)"});
  for (const json &X : A["changes"].value("reason_changes", json::array()))
    CRows.push_back({escapeHtml(X["name"]), escapeHtml(listText(X["from"])),
                     escapeHtml(listText(X["to"]))});
  for (const json &X : A["changes"].value("rust_changes", json::array()))
    CRows.push_back(
        {escapeHtml(X["name"]), "Rust",
         "Rust differs in " + escapeHtml(listText(X["functions"]))});
  for (const json &X :
       A["changes"].value("configuration_changes", json::array()))
    CRows.push_back(
        {"configuration", "", escapeHtml(configurationChangeText(X))});
  OS << "<h2>Changes</h2>\n"
     << table("changes", {"name", "before", "now"}, CRows);
}

} // namespace

std::string html(const json &A) {
  std::ostringstream OS;
  bool Survey = A["kind"] == "survey";
  pageHead(Survey, OS);
  if (Survey) {
    surveyBody(A, OS);
  } else {
    translationSummary(A, OS);
    blockerTables(A, OS);
    fileTable(A, OS);
    shimTables(A, OS);
    helperSection(A, OS);
  }
  if (A.contains("changes") && !A["changes"].contains("error"))
    changesTable(A, OS);
  return OS.str() + SortScript + (Survey ? "" : FilterScript) +
         "</body></html>\n";
}

} // namespace h2r::report
