#include "frontend/kernel/GccFlags.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Driver/Options.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"


namespace h2r::frontend {

using llvm::StringRef;

namespace {

// Options clang-19 parses but rejects in a kernel command: unsupported for
// x86-64, or "optimization flag not supported" under the kernel's
// -Werror=ignored-optimization-argument. Prefix matches.
const char *const KnownButRejected[] = {
    "-mrecord-mcount",
    "-falign-jumps=",
    "-fno-reorder-blocks",
    "-fno-inline-functions-called-once",
    "-fsanitize=bounds-strict",
    "--param=",
};

// `-W` spellings that are switches rather than warning groups.
bool isWarningSwitch(StringRef Name) {
  return Name == "everything" || Name == "error" || Name == "fatal-errors" ||
         Name == "system-headers";
}

// For a warning option, why clang would reject it; empty if it would not.
std::string unknownWarning(StringRef Arg) {
  if (!Arg.starts_with("-W") || Arg.starts_with("-Wl,") ||
      Arg.starts_with("-Wa,") || Arg.starts_with("-Wp,"))
    return "";
  StringRef Name = Arg.drop_front(2);
  Name.consume_front("no-");
  if (!Name.consume_front("error="))
    Name.consume_front("no-error=");
  if (Name.empty() || isWarningSwitch(Name))
    return "";
  if (clang::DiagnosticIDs::getGroupForWarningOption(Name))
    return "";
  return "warning option unknown to clang";
}

} // namespace

FilteredCommand
filterGccOnlyFlags(const clang::tooling::CommandLineArguments &Args) {
  FilteredCommand Out;
  if (Args.empty())
    return Out;
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = Table.ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  if (MissingCount) {
    Out.Error = "option '" + std::string(Argv[MissingIndex]) +
                "' is missing its value";
    return Out;
  }
  // Which argv slots to drop, and why.
  std::vector<std::string> Why(Args.size());
  for (const llvm::opt::Arg *A : Parsed) {
    unsigned First = A->getIndex() + 1; // Argv excludes the compiler
    std::string Reason;
    if (A->getOption().getID() == clang::driver::options::OPT_UNKNOWN)
      Reason = "unknown to clang";
    else if (A->getOption().getID() == clang::driver::options::OPT_W_Joined)
      Reason = unknownWarning(Args[First]);
    if (Reason.empty())
      for (const char *Prefix : KnownButRejected)
        if (StringRef(Args[First]).starts_with(Prefix))
          Reason = "GCC-only in a kernel build";
    if (Reason.empty())
      continue;
    Why[First] = Reason;
  }
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Why[I].empty())
      Out.Args.push_back(Args[I]);
    else
      Out.Dropped.push_back({Args[I], Why[I]});
  }
  return Out;
}

clang::tooling::ArgumentsAdjuster gccFlagFilter() {
  return [](const clang::tooling::CommandLineArguments &Args, StringRef) {
    FilteredCommand F = filterGccOnlyFlags(Args);
    return F.Error.empty() ? F.Args : Args;
  };
}

} // namespace h2r::frontend
