//===- driver/Report.cpp - helpers2rs report
//-------------------------------===//
//
//   helpers2rs report <report.json>...
//   [--format=md|html|json|sarif|cover-letter]
//       [-o <file>] [--diff <old.json>] [--codegen <counts.json>]
//       [--kunit-results <kunit.json>]
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Diagnostics.h"
#include "OutputCommit.h"

#include "report/Analysis.h"
#include "report/Boot.h"
#include "report/Codegen.h"
#include "report/Render.h"
#include "report/Schema.h"

#include "llvm/Support/MemoryBuffer.h"

#include <map>
#include <optional>

using namespace llvm;

namespace h2r::driver {

namespace {

cl::list<std::string> ReportInputs(cl::Positional, cl::OneOrMore,
                                   cl::desc("<report.json>... (survey shards "
                                            "are merged)"),
                                   cl::sub(reportCommand()));

cl::opt<std::string>
    ReportFormatOpt("format", cl::desc("md, html, json, sarif or cover-letter"),
                    cl::init("md"), cl::sub(reportCommand()),
                    cl::cat(category()));

cl::opt<std::string> ReportOutput("o", cl::desc("Write here (default: stdout)"),
                                  cl::value_desc("file"), cl::init("-"),
                                  cl::sub(reportCommand()),
                                  cl::cat(category()));

cl::opt<std::string> ReportCodegen(
    "codegen",
    cl::desc("Show the machine code counts bench/codegen-parity.py --json "
             "measured beside each helper"),
    cl::value_desc("counts.json"), cl::sub(reportCommand()),
    cl::cat(category()));

cl::opt<std::string>
    ReportDiff("diff",
               cl::desc("Also show what changed since this older report: "
                        "helpers whose status, reasons or Rust differ"),
               cl::value_desc("old.json"), cl::sub(reportCommand()),
               cl::cat(category()));

cl::opt<std::string>
    ReportKunitResults("kunit-results",
                       cl::desc("Name the boot of the kernel built with this "
                                "translation: kunit.py's --json results"),
                       cl::value_desc("kunit.json"), cl::sub(reportCommand()),
                       cl::cat(category()));

// Reads one JSON file; a one-line error names it when it cannot.
std::optional<nlohmann::json> readJson(const std::string &Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf) {
    fail("cannot read '" + Path + "': " + Buf.getError().message());
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse((*Buf)->getBuffer().begin(),
                                 (*Buf)->getBuffer().end());
  } catch (const nlohmann::json::exception &E) {
    fail(Path + ": not valid JSON: " + E.what());
    return std::nullopt;
  }
}

// A report or survey whose every field the analysis reads is there, with
// its type (report/Schema.cpp).
std::optional<nlohmann::json> readReport(const std::string &Path) {
  auto J = readJson(Path);
  if (!J)
    return std::nullopt;
  std::string Error = report::reportSchemaError(*J);
  if (!Error.empty()) {
    fail(Path + ": not a valid helpers2rs report: " + Error);
    return std::nullopt;
  }
  return J;
}

} // namespace

int runReport() {
  static const std::map<std::string, report::ReportFormat> Formats = {
      {"md", report::ReportFormat::Markdown},
      {"html", report::ReportFormat::Html},
      {"json", report::ReportFormat::Json},
      {"sarif", report::ReportFormat::Sarif},
      {"cover-letter", report::ReportFormat::CoverLetter}};
  auto Format = Formats.find(ReportFormatOpt);
  if (Format == Formats.end())
    return fail(
        "--format must be md, html, json, sarif or cover-letter, not '" +
        ReportFormatOpt + "'");
  std::vector<PendingOutput> Outputs{{ReportOutput, ""}};
  std::vector<std::string> InputPaths(ReportInputs.begin(), ReportInputs.end());
  for (const std::string &Extra :
       {ReportDiff.getValue(), ReportCodegen.getValue(),
        ReportKunitResults.getValue()})
    if (!Extra.empty())
      InputPaths.push_back(Extra);
  makeAbsolute(InputPaths);
  if (!checkOutputPaths(Outputs, InputPaths))
    return 1;
  std::vector<nlohmann::json> Inputs;
  for (const std::string &Path : ReportInputs) {
    auto J = readReport(Path);
    if (!J)
      return 1;
    Inputs.push_back(std::move(*J));
  }
  std::string Error;
  nlohmann::json Merged = report::mergeReports(Inputs, Error);
  if (!Error.empty())
    return fail(Error);
  if (!ReportCodegen.empty()) {
    auto Counts = readJson(ReportCodegen);
    if (!Counts)
      return 1;
    std::string Error = report::codegenSchemaError(*Counts);
    if (Error.empty())
      Error = report::attachCodegen(Merged, *Counts);
    if (!Error.empty())
      return fail(ReportCodegen +
                  ": not machine code counts of this report: " + Error);
  }
  if (!ReportKunitResults.empty()) {
    auto Results = readJson(ReportKunitResults);
    if (!Results)
      return 1;
    if (std::string Error = report::attachKunitResults(Merged, *Results);
        !Error.empty())
      return fail(ReportKunitResults + ": " + Error);
  }
  std::optional<nlohmann::json> Old;
  if (!ReportDiff.empty()) {
    Old = readReport(ReportDiff);
    if (!Old)
      return 1;
  }
  try {
    nlohmann::json Analysis =
        report::analyseReport(Merged, Old ? &*Old : nullptr);
    Outputs[0].Content = report::renderReport(Analysis, Format->second);
    return commit(Outputs) ? 0 : 1;
  } catch (const nlohmann::json::exception &E) {
    return fail(std::string("the report is missing fields: ") + E.what());
  }
}

} // namespace h2r::driver
