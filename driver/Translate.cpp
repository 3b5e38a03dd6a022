//===- driver/Translate.cpp - helpers2rs translate
//-------------------------===//
//
//   helpers2rs translate <file.c>... [-p <build-dir>] [-o <out.rs>]
//       [--report <report.json>] [--depfile <out.d>] [--kunit-suite <s.rs>]
//       [--types=bindgen|self] [--export=inline|c-abi] [--rust-version=<x.y>]
//       [--kernel-tree=<dir>] [--body-compile=<.helpers.o.cmd>]
//       [-- <compiler flags>]
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Depfile.h"
#include "Diagnostics.h"
#include "OutputCommit.h"
#include "RustFormatter.h"
#include "TranslationOptions.h"

#include "emitter/KunitSuite.h"
#include "emitter/ReviewItems.h"
#include "frontend/kernel/CompileCommands.h"
#include "frontend/Translator.h"
#include "ir/KernelCheck.h"
#include "ir/Passes.h"
#include "ir/ReportPaths.h"
#include "report/Json.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace h2r::driver {

namespace {

cl::list<std::string> Inputs(cl::Positional, cl::OneOrMore,
                             cl::desc("<file.c>..."),
                             cl::sub(translateCommand()));

cl::opt<std::string>
    BuildDir("p", cl::desc("Build directory with compile_commands.json"),
             cl::value_desc("build-dir"), cl::sub(translateCommand()),
             cl::cat(category()));

cl::opt<std::string>
    OutputPath("o", cl::desc("Write the Rust output here (default: stdout)"),
               cl::value_desc("out.rs"), cl::init("-"),
               cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> DepfilePath(
    "depfile",
    cl::desc("Write a Make depfile naming every file the output depends on (as "
             "-MMD would), for kbuild's if_changed_dep"),
    cl::value_desc("file"), cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> KunitSuitePath(
    "kunit-suite",
    cl::desc("Write the in-kernel differential suite here: a crate of KUnit "
             "test cases calling each translated helper and its C original on "
             "the same inputs (bindgen types only)"),
    cl::value_desc("file"), cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> KunitSuiteCPath(
    "kunit-suite-c",
    cl::desc("With --kunit-suite, for kernels without #[kunit_tests] (6.12): "
             "the suite is Rust functions this C file registers with KUnit, as "
             "kbuild does with the doctests"),
    cl::value_desc("file.c"), cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> KunitSuiteSymsPath(
    "kunit-suite-syms",
    cl::desc("With --kunit-suite: the suite replaces the C functions helpers "
             "call by doubles, given these renames (objcopy --redefine-syms) "
             "in a copy of helpers.o and in the suite's object"),
    cl::value_desc("file"), cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> FallbackRouteOpt(
    "fallback-route",
    cl::desc("How helpers left to C reach Rust in this build, for the report: "
             "call (helpers.o) or lto (CONFIG_RUST_INLINE_HELPERS)"),
    cl::value_desc("call|lto"), cl::sub(translateCommand()),
    cl::cat(category()));

cl::opt<std::string> ReportPath("report",
                                cl::desc("Write the JSON coverage report here"),
                                cl::value_desc("report.json"),
                                cl::sub(translateCommand()),
                                cl::cat(category()));

cl::opt<std::string> FormatterOpt(
    "formatter",
    cl::desc("rustfmt (default: lay the output out as rustfmt does, with the "
             "kernel tree's .rustfmt.toml) or none"),
    cl::value_desc("rustfmt|none"), cl::init("rustfmt"),
    cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> RustfmtPath(
    "rustfmt", cl::desc("The rustfmt to run (default: $RUSTFMT, then PATH)"),
    cl::value_desc("path"), cl::sub(translateCommand()), cl::cat(category()));

// Where each output goes; an index is npos for an output not asked for.
struct OutputPlan {
  static constexpr size_t None = std::string::npos;
  std::vector<PendingOutput> Outputs; // the Rust first
  size_t Report = None, Depfile = None, Suite = None, SuiteC = None,
         SuiteSyms = None;
};

size_t plan(OutputPlan &P, const std::string &Path) {
  if (Path.empty())
    return OutputPlan::None;
  P.Outputs.push_back({Path, ""});
  return P.Outputs.size() - 1;
}

// The outputs the options ask for, checked against each other and the
// inputs. False after an error message.
bool planOutputs(const Translation &T, const std::vector<std::string> &Files,
                 OutputPlan &P) {
  plan(P, OutputPath);
  P.Report = plan(P, ReportPath);
  if (!DepfilePath.empty() && OutputPath == "-")
    return reportFailure("--depfile needs an output file (-o)");
  P.Depfile = plan(P, DepfilePath);
  if (!KunitSuitePath.empty() && T.Emit.Types != emit::TypeMode::Bindgen)
    return reportFailure("--kunit-suite needs --types=bindgen: the suite runs "
                         "in a kernel, against its bindings");
  P.Suite = plan(P, KunitSuitePath);
  if (!KunitSuiteCPath.empty() && KunitSuitePath.empty())
    return reportFailure("--kunit-suite-c needs --kunit-suite: it registers "
                         "that suite's test cases");
  P.SuiteC = plan(P, KunitSuiteCPath);
  if (!KunitSuiteSymsPath.empty()) {
    if (KunitSuitePath.empty())
      return reportFailure("--kunit-suite-syms needs --kunit-suite: it "
                           "renames calls for that suite");
    if (!KunitSuiteCPath.empty())
      return reportFailure("--kunit-suite-syms needs the suite as a crate of "
                           "its own, not registered from C (--kunit-suite-c)");
  }
  P.SuiteSyms = plan(P, KunitSuiteSymsPath);
  return checkOutputPaths(P.Outputs, Files);
}

// --fallback-route. False after an error message.
bool fallbackRoute(ir::FallbackRoute &Route) {
  Route = ir::FallbackRoute::Unstated;
  if (FallbackRouteOpt == "call")
    Route = ir::FallbackRoute::Call;
  else if (FallbackRouteOpt == "lto")
    Route = ir::FallbackRoute::Lto;
  else if (FallbackRouteOpt.getNumOccurrences())
    return reportFailure("--fallback-route must be call or lto, not '" +
                         FallbackRouteOpt + "'");
  return true;
}

// Read beside the tree: `rust/helpers/atomic.c`, `include/linux/...`;
// what kbuild generates in the build directory (-p, else where kbuild
// runs the command), relative to it. Outside a kernel tree, relative to
// the inputs' directories.
void relativiseReport(const Translation &T,
                      const std::vector<std::string> &Files, ir::Report &R) {
  std::vector<std::string> Dirs;
  if (!T.KernelTree.empty()) {
    SmallString<256> Cwd;
    if (BuildDir.empty())
      sys::fs::current_path(Cwd);
    Dirs = {T.KernelTree,
            BuildDir.empty() ? Cwd.str().str() : BuildDir.getValue()};
  } else {
    for (const std::string &F : Files)
      Dirs.push_back(sys::path::parent_path(F).str());
  }
  std::vector<std::string> Roots;
  for (const std::string &Dir : Dirs) {
    SmallString<256> Real;
    if (!Dir.empty() && !sys::fs::real_path(Dir, Real))
      Roots.push_back(Real.str().str());
  }
  ir::relativisePaths(R, Roots);
}

// The in-kernel suite's plan: which helpers it can call, and how.
void planSuite(frontend::TranslationOutput &Out, emit::EmitOptions &EO) {
  ir::KernelSuiteSupport Support;
  Support.CountsWarnings = Out.KunitCountsWarnings;
  Support.TracksLocks = Out.TracksLocks;
  Support.CountsKasanReports = Out.KunitCountsKasanReports;
  Support.ReplacesCalls = !KunitSuiteSymsPath.empty();
  Support.HelpersNamedInBindings = std::move(Out.HelpersNamedInBindings);
  ir::planKernelChecks(Out.Module, Out.Report.Helpers, Support);
  for (const ir::HelperRecord &H : Out.Report.Helpers)
    if (H.Check.HiddenByBindings)
      EO.HiddenHelpers.push_back(H.RustName);
}

// The outputs' text, laid out by rustfmt, its parts side by side, unless
// --formatter=none.
void emitOutputs(const Translation &T, const std::vector<std::string> &Files,
                 frontend::TranslationOutput &Out, OutputPlan &P) {
  emit::EmitOptions EO = T.Emit;
  std::string Banner = "Generated by helpers2rs from";
  for (const std::string &F : Files)
    Banner += " " + sys::path::filename(F).str();
  Banner += ". Do not edit.";
  EO.Banner = Banner;
  if (P.Suite != OutputPlan::None)
    planSuite(Out, EO);

  std::string Module = emit::emitModule(Out.Module, EO);
  std::optional<emit::KunitSuite> Suite;
  if (P.Suite != OutputPlan::None)
    Suite = emit::emitKunitSuite(
        Out.Module, Out.Report.Helpers,
        Banner + "\nThe in-kernel differential suite of this translation.",
        KunitSuiteCPath.empty() ? emit::KunitSuiteForm::Attribute
                                : emit::KunitSuiteForm::CTable);
  emit::JoinedReviewItems Items;
  if (P.Report != OutputPlan::None)
    Items = emit::joinReviewItems(Out.Module, EO);
  std::string LaidItems = std::move(Items.Text);

  if (FormatterOpt == "rustfmt") {
    FormatRequest Request;
    Request.Rustfmt = RustfmtPath;
    if (!T.KernelTree.empty() &&
        sys::fs::exists(T.KernelTree + "/.rustfmt.toml"))
      Request.ConfigPath = T.KernelTree + "/.rustfmt.toml";
    PartsFormatter Rustfmt(Request);
    Rustfmt.add(std::move(Module));
    if (Suite)
      Rustfmt.add(std::move(Suite->Rust));
    if (!Items.Names.empty())
      Rustfmt.add(std::move(LaidItems));
    std::vector<std::string> Laid = Rustfmt.finish();
    Module = std::move(Laid[0]);
    if (Suite)
      Suite->Rust = std::move(Laid[1]);
    if (!Items.Names.empty())
      LaidItems = std::move(Laid.back());
  }

  P.Outputs[0].Content = std::move(Module);
  if (Suite) {
    P.Outputs[P.Suite].Content = std::move(Suite->Rust);
    if (P.SuiteC != OutputPlan::None)
      P.Outputs[P.SuiteC].Content = std::move(Suite->C);
    if (P.SuiteSyms != OutputPlan::None)
      P.Outputs[P.SuiteSyms].Content = std::move(Suite->SymbolMap);
  }
  if (P.Report != OutputPlan::None) {
    std::map<std::string, std::string> ByName =
        emit::partReviewItems(LaidItems, Items);
    for (ir::FunctionRecord &F : Out.Report.Functions)
      if (auto It = ByName.find(F.Name); It != ByName.end())
        F.RustSource = It->second;
    P.Outputs[P.Report].Content =
        report::reportToJson(Out.Report).dump(2) + "\n";
  }
  if (P.Depfile != OutputPlan::None) {
    std::vector<std::string> Deps = Out.Dependencies;
    Deps.insert(Deps.end(), T.Profile.SourceFiles.begin(),
                T.Profile.SourceFiles.end());
    if (!T.Profile.BindingsHeader.empty() &&
        EO.Types == emit::TypeMode::Bindgen)
      Deps.push_back(T.Profile.BindingsHeader);
    P.Outputs[P.Depfile].Content = makeDepfile(OutputPath, Deps);
  }
}

} // namespace

int runTranslate(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  if (FormatterOpt != "rustfmt" && FormatterOpt != "none")
    return fail("--formatter must be rustfmt or none, not '" + FormatterOpt +
                "'");
  ir::FallbackRoute Route;
  Translation T;
  if (!fallbackRoute(Route) || !readTranslation(T))
    return 1;

  std::vector<std::string> Files(Inputs.begin(), Inputs.end());
  for (const std::string &F : Files)
    if (!sys::fs::exists(F))
      return fail("no such file or directory: '" + F + "'");
    else if (sys::fs::is_directory(F))
      return fail("'" + F + "' is a directory, not a C file");
  makeAbsolute(Files);
  OutputPlan Plan;
  if (!planOutputs(T, Files, Plan))
    return 1;

  std::string DBError;
  auto DB = frontend::loadCompileCommands({BuildDir, std::move(Fixed)}, Files,
                                          DBError);
  if (!DB)
    return fail(DBError);
  frontend::TranslationOutput Out;
  if (!frontend::translate(*DB, Files, T.Frontend, Out))
    return 1; // Clang printed the errors.
  // A file with no helper is most often the wrong file or prefix: say so.
  for (const std::string &F : Out.InputsWithoutHelpers)
    errs() << F << ": warning: no helper found (no function named '"
           << T.HelperPrefix << "*' or marked __rust_helper)\n";
  relativiseReport(T, Files, Out.Report);
  Out.Report.BodyCompile = T.BodyCompile;
  Out.Report.BodyUninstrumented = T.Frontend.BodyUninstrumented;
  Out.Report.BodyMacros = T.Frontend.BodySanitizerMacros;
  Out.Report.TypeMode = T.TypesMode;
  Out.Report.ExportMode = T.ExportMode;
  Out.Report.Route = Route;

  ir::PassOptions PO;
  PO.AddrOfStaticIsSafe = T.Emit.Version.atLeast(1, 82);
  ir::runModulePasses(Out.Module, PO);
  emitOutputs(T, Files, Out, Plan);
  return commit(Plan.Outputs) ? 0 : 1;
}

} // namespace h2r::driver
