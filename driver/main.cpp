//===- driver/main.cpp - The helpers2rs command line ----------------------===//
//
// Parses the command line and runs the subcommand it names
// (driver/Commands.h): translate, survey or report.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Diagnostics.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/thread.h"

#include <optional>

using namespace llvm;
using namespace h2r;

namespace {

int run(int argc, const char **argv) {
  // Flags after `--` are the compile command for every input.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                    FixedError);
  if (!FixedError.empty()) {
    // The driver's own diagnostic ("error: unknown argument: ..."), once.
    StringRef Message = StringRef(FixedError).trim();
    Message.consume_front("error: ");
    return driver::fail(Message);
  }
  cl::HideUnrelatedOptions(driver::category());
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "helpers2rs " H2R_VERSION "\n  built with LLVM " LLVM_VERSION_STRING
          "\n";
  });
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "helpers2rs: translate Rust-for-Linux C "
                                   "helpers into Rust\n",
                                   &errs()))
    return 1;
  if (driver::translateCommand())
    return driver::runTranslate(std::move(Fixed));
  if (driver::surveyCommand())
    return driver::runSurvey(std::move(Fixed));
  if (driver::reportCommand())
    return driver::runReport();
  return driver::fail(
      "no subcommand; try 'helpers2rs translate --help', "
      "'helpers2rs survey --help' or 'helpers2rs report --help'");
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  // Parsing, lowering and printing recurse on the expression tree: whatever
  // nesting clang accepts (a 20,000-term sum, thousands of nested
  // negations) needs more than the main thread's stack. The reservation is
  // virtual; only what is used is touched.
  constexpr unsigned StackBytes = 1u << 30;
  int Status = 1;
  llvm::thread Worker(std::optional<unsigned>(StackBytes),
                      [&] { Status = run(argc, argv); });
  Worker.join();
  return Status;
}
