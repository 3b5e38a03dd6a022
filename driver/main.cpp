//===- driver/main.cpp - The helpers2rs command line ------------------------===//
//
//   helpers2rs translate <file.c>... [-p <build-dir>] [-o <out.rs>]
//       [--report <report.json>] [--types=bindgen|self]
//       [--export=inline|c-abi] [--symbol-prefix=<p>]
//       [--helper-prefix=rust_helper_] [--rust-version=<x.y>]
//       [-- <compiler flags>]
//
//===----------------------------------------------------------------------===//
#include "emitter/KunitSuite.h"
#include "report/Boot.h"
#include "report/Codegen.h"
#include "report/Json.h"
#include "report/Analysis.h"
#include "report/Render.h"
#include "report/Schema.h"
#include "emitter/RustEmitter.h"
#include "frontend/BodyCompile.h"
#include "frontend/CompileCommands.h"
#include "frontend/KernelProfile.h"
#include "frontend/Survey.h"
#include "frontend/Translator.h"
#include "Depfile.h"
#include "RustFormatter.h"
#include "ir/KernelCheck.h"
#include "ir/Passes.h"
#include "ir/ReportPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <chrono>
#include <map>
#include <set>
#include <optional>

using namespace llvm;
using namespace h2r;

namespace {

cl::OptionCategory Category("helpers2rs options");
cl::SubCommand TranslateCmd("translate",
                            "Translate Rust helpers and their inline closure");

cl::list<std::string> Inputs(cl::Positional, cl::OneOrMore,
                             cl::desc("<file.c>..."), cl::sub(TranslateCmd));
cl::opt<std::string> BuildDir("p", cl::desc("Build directory with compile_commands.json"),
                              cl::value_desc("build-dir"), cl::sub(TranslateCmd),
                              cl::cat(Category));
cl::opt<std::string> OutputPath("o", cl::desc("Write the Rust output here (default: stdout)"),
                                cl::value_desc("out.rs"), cl::init("-"),
                                cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> DepfilePath("depfile", cl::desc("Write a Make depfile naming every file the output depends on (as -MMD would), for kbuild's if_changed_dep"),
                                 cl::value_desc("file"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> KunitSuitePath("kunit-suite", cl::desc("Write the in-kernel differential suite here: a crate of KUnit test cases calling each translated helper and its C original on the same inputs (bindgen types only)"),
                                    cl::value_desc("file"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> KunitSuiteCPath("kunit-suite-c", cl::desc("With --kunit-suite, for kernels without #[kunit_tests] (6.12): the suite is Rust functions this C file registers with KUnit, as kbuild does with the doctests"),
                                     cl::value_desc("file.c"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> KunitSuiteSymsPath("kunit-suite-syms", cl::desc("With --kunit-suite: the suite replaces the C functions helpers call by doubles, given these renames (objcopy --redefine-syms) in a copy of helpers.o and in the suite's object"),
                                        cl::value_desc("file"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> FallbackRouteOpt("fallback-route", cl::desc("How helpers left to C reach Rust in this build, for the report: call (helpers.o) or lto (CONFIG_RUST_INLINE_HELPERS)"),
                                      cl::value_desc("call|lto"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> BodyCompilePath("body-compile", cl::desc("helpers.o's own compile command (kbuild's rust/helpers/.helpers.o.cmd, or the command on one line): the macros its sanitizers make the compiler define (__SANITIZE_ADDRESS__, ...) are defined for the helpers' parse, so their bodies mean what helpers.o's do"),
                                     cl::value_desc("file"), cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> MacroDifferences("macro-differences", cl::desc("With --body-compile, what a predefined macro that helpers.o's compile and the parse define differently does where it changes a function a helper reaches (unless reviewed as harmless): fallback (the helper stays in C, with a warning; the default) or error"),
                                      cl::value_desc("fallback|error"), cl::init("fallback"),
                                      cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> ReportPath("report", cl::desc("Write the JSON coverage report here"),
                                cl::value_desc("report.json"),
                                cl::sub(TranslateCmd), cl::cat(Category));
cl::SubCommand SurveyCmd("survey",
                         "Classify every static inline function a tree's "
                         "translation units can see");

cl::opt<std::string> TypesMode("types", cl::desc("bindgen (refer to bindings::) or self (emit #[repr(C)] types)"),
                               cl::init("bindgen"), cl::sub(TranslateCmd),
                               cl::sub(SurveyCmd), cl::cat(Category));
cl::opt<std::string> ExportMode("export", cl::desc("inline (#[inline(always)] pub unsafe fn) or c-abi (#[no_mangle] extern \"C\")"),
                                cl::init("inline"), cl::sub(TranslateCmd),
                                cl::cat(Category));
cl::opt<std::string> SymbolPrefix("symbol-prefix", cl::desc("Prefix of exported symbols with --export=c-abi"),
                                  cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> HelperPrefix("helper-prefix", cl::desc("Name prefix that marks a helper"),
                                  cl::init("rust_helper_"), cl::sub(TranslateCmd),
                                  cl::cat(Category));
cl::opt<std::string> RustVersionOpt("rust-version", cl::desc("Oldest rustc the output must compile with (default: 1.78, or the kernel tree's minimum)"),
                                    cl::init("1.78"), cl::sub(TranslateCmd),
                                    cl::sub(SurveyCmd), cl::cat(Category));
cl::list<std::string> RustFeatures("rust-features", cl::desc("Unstable Rust features the output's crate enables (asm_goto: asm goto below 1.87, as the kernel enables it for its static branches)"),
                                   cl::CommaSeparated, cl::value_desc("asm_goto"),
                                   cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> BindgenVersionOpt("bindgen-version", cl::desc("The bindgen the bindings come from (default: the kernel tree's minimum, else 0.60): from 0.61 C noreturn functions are `-> !`"),
                                       cl::value_desc("x.y"), cl::sub(TranslateCmd), cl::sub(SurveyCmd), cl::cat(Category));
cl::opt<bool> Verbose("v", cl::desc("Say which compiler flags were dropped"),
                     cl::sub(TranslateCmd), cl::cat(Category));
cl::list<std::string> OpaqueTypes("opaque-type", cl::desc("A type bindgen makes opaque (regex; repeatable)"),
                                  cl::sub(TranslateCmd), cl::sub(SurveyCmd), cl::cat(Category));
cl::opt<std::string> BindgenParameters("bindgen-parameters", cl::desc("Honour the bindgen options of a rust/bindgen_parameters file (opaque, blocklisted items)"),
                                       cl::value_desc("file"), cl::sub(TranslateCmd), cl::sub(SurveyCmd),
                                       cl::cat(Category));
cl::opt<std::string> BindingsPath("bindings-path", cl::desc("Path of bindgen's bindings as seen from the output's top level (default: bindings, a module beside the output; ::bindings for an extern crate; crate::bindings_raw with --kernel-tree)"),
                                  cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<bool> BindingsInScope("bindings-in-scope", cl::desc("The output's module glob-imports the bindings (as the kernel's bindings_helper does): name types through it (default with --kernel-tree)"),
                              cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> KernelTree("kernel-tree", cl::desc("Kernel source tree: type as its rust/ffi.rs, rust/bindgen_parameters and rust/bindings/bindings_helper.h say"),
                                cl::value_desc("srctree"), cl::sub(TranslateCmd), cl::sub(SurveyCmd),
                                cl::cat(Category));
cl::opt<std::string> BindingsHeader("bindings-header", cl::desc("The header bindgen's bindings come from; C items it does not reach are declared by the output"),
                                    cl::value_desc("file.h"), cl::sub(TranslateCmd), cl::sub(SurveyCmd),
                                    cl::cat(Category));
cl::opt<bool> ShowCWarnings("show-c-warnings", cl::desc("Show the C compiler's warnings (hidden, as the kernel's bindgen rule hides them)"),
                            cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<bool> NoShims("no-shims", cl::desc("Never stand in an equivalent form for what Rust cannot express at --rust-version (docs/constructs.md, Shims): such helpers fall back"),
                      cl::sub(TranslateCmd), cl::sub(SurveyCmd), cl::cat(Category));

cl::opt<std::string> FormatterOpt("formatter", cl::desc("rustfmt (default: lay the output out as rustfmt does, with the kernel tree's .rustfmt.toml) or none"),
                                  cl::value_desc("rustfmt|none"), cl::init("rustfmt"),
                                  cl::sub(TranslateCmd), cl::cat(Category));
cl::opt<std::string> RustfmtPath("rustfmt", cl::desc("The rustfmt to run (default: $RUSTFMT, then PATH)"),
                                 cl::value_desc("path"), cl::sub(TranslateCmd),
                                 cl::cat(Category));

cl::list<std::string> SurveyInputs(cl::Positional, cl::ZeroOrMore,
                                   cl::desc("[<file.c>...] (default: all in "
                                            "the compile database)"),
                                   cl::sub(SurveyCmd));
cl::opt<std::string> SurveyBuildDir("p", cl::desc("Build directory with compile_commands.json (or the flags after --)"),
                                    cl::value_desc("build-dir"),
                                    cl::sub(SurveyCmd), cl::cat(Category));
cl::opt<unsigned> SurveyJobs("j", cl::desc("Parse this many units at once"),
                             cl::init(1), cl::Prefix, cl::sub(SurveyCmd),
                             cl::cat(Category));
cl::opt<std::string> SurveyShardOpt("shard", cl::desc("Survey only shard i of n (i/n, from 0)"),
                                    cl::init("0/1"), cl::sub(SurveyCmd),
                                    cl::cat(Category));
cl::opt<bool> SurveyKeepGoing("keep-going", cl::desc("Exit 0 even when some unit did not compile (they are named in the output)"),
                              cl::sub(SurveyCmd), cl::cat(Category));
cl::opt<std::string> SurveyOutput("o", cl::desc("Write the survey JSON here (default: stdout)"),
                                  cl::value_desc("survey.json"), cl::init("-"),
                                  cl::sub(SurveyCmd), cl::cat(Category));

cl::SubCommand ReportCmd("report",
                         "Render translation reports or survey shards");
cl::list<std::string> ReportInputs(cl::Positional, cl::OneOrMore,
                                   cl::desc("<report.json>... (survey shards "
                                            "are merged)"),
                                   cl::sub(ReportCmd));
cl::opt<std::string> ReportFormatOpt("format", cl::desc("md, html, json, sarif or cover-letter"),
                                     cl::init("md"), cl::sub(ReportCmd),
                                     cl::cat(Category));
cl::opt<std::string> ReportOutput("o", cl::desc("Write here (default: stdout)"),
                                  cl::value_desc("file"), cl::init("-"),
                                  cl::sub(ReportCmd), cl::cat(Category));
cl::opt<std::string> ReportCodegen("codegen", cl::desc("Show the machine code counts bench/codegen-parity.py --json measured beside each helper"),
                                   cl::value_desc("counts.json"), cl::sub(ReportCmd),
                                   cl::cat(Category));
cl::opt<std::string> ReportDiff("diff", cl::desc("Also show what changed since this older report: helpers whose status, reasons or Rust differ"),
                                cl::value_desc("old.json"), cl::sub(ReportCmd),
                                cl::cat(Category));
cl::opt<std::string> ReportKunitResults("kunit-results", cl::desc("Name the boot of the kernel built with this translation: kunit.py's --json results"),
                                        cl::value_desc("kunit.json"), cl::sub(ReportCmd),
                                        cl::cat(Category));

int fail(const Twine &Message) {
  errs() << "helpers2rs: error: " << Message << "\n";
  return 1;
}

// fail() for steps that answer whether they succeeded.
bool reportFailure(const Twine &Message) {
  fail(Message);
  return false;
}

// Compile databases key their entries by absolute path.
void makeAbsolute(std::vector<std::string> &Files) {
  for (std::string &F : Files) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    F = Abs.str().str();
  }
}

// "1.78" or "0.71.1" (the patch level is not needed).
bool parseVersion(StringRef Text, emit::RustVersion &V) {
  auto [Major, Rest] = Text.split('.');
  auto [Minor, Patch] = Rest.split('.');
  unsigned Ignored;
  return !Major.getAsInteger(10, V.Major) && !Minor.getAsInteger(10, V.Minor) &&
         (Patch.empty() || !Patch.getAsInteger(10, Ignored));
}

// All outputs are written to temporaries first and renamed together, so a
// failure never leaves a half-written or partial set of files.
struct PendingOutput {
  std::string Path;
  std::string Content;
};

// Output paths are made absolute before Clang runs (it works in each compile
// command's directory), and none may name an input or another output.
bool checkOutputPaths(std::vector<PendingOutput> &Outputs,
                      const std::vector<std::string> &Inputs) {
  std::vector<std::string> Seen(Inputs);
  for (PendingOutput &O : Outputs) {
    if (O.Path == "-")
      continue;
    std::vector<std::string> One{O.Path};
    makeAbsolute(One);
    O.Path = One.front();
    if (sys::fs::is_directory(O.Path)) {
      fail("output '" + O.Path + "' is a directory");
      return false;
    }
    sys::fs::UniqueID Id;
    bool Exists = !sys::fs::getUniqueID(O.Path, Id);
    for (const std::string &Other : Seen) {
      sys::fs::UniqueID OtherId;
      bool Same = Other == O.Path ||
                  (Exists && !sys::fs::getUniqueID(Other, OtherId) && OtherId == Id);
      if (Same) {
        fail("output '" + O.Path + "' would overwrite " +
             (std::find(Inputs.begin(), Inputs.end(), Other) != Inputs.end()
                  ? "the input '"
                  : "another output '") +
             Other + "'");
        return false;
      }
    }
    Seen.push_back(O.Path);
  }
  return true;
}

// An existing output that is not a regular file (/dev/null, a FIFO): written
// in place, since renaming a file over it would replace the device itself.
bool isSpecialFile(const std::string &Path) {
  sys::fs::file_status St;
  return !sys::fs::status(Path, St) && sys::fs::exists(St) &&
         St.type() != sys::fs::file_type::regular_file;
}

bool commit(const std::vector<PendingOutput> &Outputs) {
  std::vector<sys::fs::TempFile> Temps;
  auto DiscardAll = [&] {
    for (auto &T : Temps)
      consumeError(T.discard());
  };
  for (const PendingOutput &O : Outputs) {
    if (O.Path == "-" || isSpecialFile(O.Path))
      continue;
    Expected<sys::fs::TempFile> T =
        sys::fs::TempFile::create(O.Path + "-%%%%%%.tmp");
    if (!T) {
      fail("cannot write '" + O.Path + "': " + toString(T.takeError()));
      DiscardAll();
      return false;
    }
    raw_fd_ostream OS(T->FD, /*shouldClose=*/false);
    OS << O.Content;
    OS.flush();
    if (OS.has_error()) {
      fail("cannot write '" + O.Path + "': " + OS.error().message());
      OS.clear_error();
      Temps.push_back(std::move(*T));
      DiscardAll();
      return false;
    }
    Temps.push_back(std::move(*T));
  }
  size_t I = 0;
  for (const PendingOutput &O : Outputs) {
    if (O.Path == "-") {
      outs() << O.Content;
      continue;
    }
    if (isSpecialFile(O.Path)) {
      std::error_code EC;
      raw_fd_ostream OS(O.Path, EC);
      if (!EC)
        OS << O.Content;
      if (EC || OS.has_error()) {
        fail("cannot write '" + O.Path + "': " +
             (EC ? EC : OS.error()).message());
        OS.clear_error();
        return false;
      }
      continue;
    }
    if (Error E = Temps[I++].keep(O.Path)) {
      fail("cannot write '" + O.Path + "': " + toString(std::move(E)));
      return false;
    }
  }
  return true;
}

// The kernel tree's profile; explicit options refine it. False after an
// error message.
bool loadProfile(frontend::KernelProfile &Profile) {
  std::string ProfileError;
  if (!KernelTree.empty()) {
    auto P = frontend::loadKernelProfile(KernelTree, ProfileError);
    if (!P)
      return reportFailure(ProfileError);
    Profile = std::move(*P);
  }
  if (!BindgenParameters.empty()) {
    Profile.Params = {};
    if (!frontend::parseBindgenParameters(BindgenParameters, Profile.Params,
                                          ProfileError))
      return reportFailure(ProfileError);
  }
  if (!BindingsHeader.empty())
    Profile.BindingsHeader = BindingsHeader;
  return true;
}

// The Rust version and where the bindings are, from the options and the
// profile. False after an error message.
bool configureEmitter(const frontend::KernelProfile &Profile,
                      emit::EmitOptions &EO) {
  std::string RustVersion =
      RustVersionOpt.getNumOccurrences() || Profile.MinRustVersion.empty()
          ? RustVersionOpt.getValue()
          : Profile.MinRustVersion;
  if (!parseVersion(RustVersion, EO.Version))
    return reportFailure("--rust-version must look like 1.78, not '" +
                         RustVersion + "'");
  if (!Profile.BindingsHeader.empty() && !sys::fs::exists(Profile.BindingsHeader))
    return reportFailure("no such file or directory: '" +
                         Profile.BindingsHeader + "'");
  // The output replaces bindings_helpers_generated.rs, included in the
  // kernel's bindings_helper module, which glob-imports bindings_raw.
  bool KernelLayout = !KernelTree.empty();
  EO.BindingsPath = BindingsPath.getNumOccurrences()
                        ? BindingsPath.getValue()
                        : (KernelLayout ? "crate::bindings_raw" : "bindings");
  EO.BindingsInScope = BindingsInScope.getNumOccurrences()
                           ? BindingsInScope.getValue()
                           : KernelLayout;
  if (!Regex("^(::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$")
           .match(EO.BindingsPath))
    return reportFailure("--bindings-path '" + EO.BindingsPath +
                         "' is not a Rust path");
  return true;
}

// What rustfmt may take over all its runs in one invocation (the output,
// the suite, the report's items): an output it cannot lay out in time is
// written as printed once, not waited for again by every later run.
std::chrono::steady_clock::duration RustfmtBudget =
    std::chrono::seconds(driver::FormatRequest().TimeoutSeconds);

// rustfmt's layout of Text, or Text itself with a warning.
std::string formatted(std::string Text) {
  driver::FormatRequest FR;
  FR.Rustfmt = RustfmtPath;
  if (!KernelTree.empty() && sys::fs::exists(KernelTree + "/.rustfmt.toml"))
    FR.ConfigPath = KernelTree + "/.rustfmt.toml";
  long Left =
      std::chrono::duration_cast<std::chrono::seconds>(RustfmtBudget).count();
  if (Left < 1) {
    errs() << "helpers2rs: warning: the output is not formatted: rustfmt "
              "spent its "
           << FR.TimeoutSeconds << " s on earlier parts\n";
    return Text;
  }
  FR.TimeoutSeconds = Left;
  std::string FormatError;
  auto Start = std::chrono::steady_clock::now();
  std::optional<std::string> Formatted = driver::formatRust(Text, FR, FormatError);
  RustfmtBudget -= std::chrono::steady_clock::now() - Start;
  if (Formatted)
    return std::move(*Formatted);
  errs() << "helpers2rs: warning: the output is not formatted: " << FormatError
         << "; --formatter=none skips rustfmt\n";
  return Text;
}

// The Rust a reviewer reads beside each function's C in the report: every
// function's item as the output prints it, laid out by one rustfmt run over
// all of them (a marker comment parts them).
void attachRustSources(const ir::Module &M, const emit::EmitOptions &EO,
                       ir::Report &R) {
  const std::string Marker = "// helpers2rs: review item";
  std::string Joined;
  std::vector<std::string> Names;
  for (auto &[CName, Text] : emit::emitFunctionItems(M, EO)) {
    Joined += Marker + "\n" + Text + "\n";
    Names.push_back(CName);
  }
  if (FormatterOpt == "rustfmt")
    Joined = formatted(std::move(Joined));
  std::map<std::string, std::string> ByName;
  size_t Item = 0, Pos = Joined.find(Marker);
  while (Pos != std::string::npos && Item < Names.size()) {
    size_t Begin = Joined.find('\n', Pos) + 1;
    size_t End = Joined.find(Marker, Begin);
    std::string Text = Joined.substr(
        Begin, End == std::string::npos ? std::string::npos : End - Begin);
    Text.erase(Text.find_last_not_of('\n') + 1);
    std::string &Into = ByName[Names[Item++]];
    Into += (Into.empty() ? "" : "\n\n") + Text;
    Pos = End;
  }
  for (ir::FunctionRecord &F : R.Functions)
    if (auto It = ByName.find(F.Name); It != ByName.end())
      F.RustSource = It->second;
}

// The translation the options describe, for translate and survey alike.
// False after an error message.
bool translateOptions(const frontend::KernelProfile &Profile,
                      const emit::EmitOptions &EO,
                      frontend::TranslateOptions &TO) {
  std::vector<std::string> Opaque(OpaqueTypes.begin(), OpaqueTypes.end());
  Opaque.insert(Opaque.end(), Profile.Params.OpaqueTypes.begin(),
                Profile.Params.OpaqueTypes.end());
  for (const std::string &P : Opaque)
    if (!Regex(P).isValid())
      return reportFailure("--opaque-type '" + P + "' is not a valid pattern");

  TO.HelperPrefix = HelperPrefix;
  TO.ExportCAbi = ExportMode == "c-abi";
  if (!SymbolPrefix.empty() &&
      !Regex("^[A-Za-z_][A-Za-z0-9_]*$").match(SymbolPrefix))
    return reportFailure("--symbol-prefix '" + SymbolPrefix +
                "' cannot start a Rust identifier");
  TO.SymbolPrefix = SymbolPrefix;
  TO.SelfTypes = EO.Types == emit::TypeMode::Self;
  TO.Verbose = Verbose;
  TO.RustMajor = EO.Version.Major;
  TO.RustMinor = EO.Version.Minor;
  for (const std::string &F : RustFeatures) {
    if (F != "asm_goto")
      return reportFailure("--rust-features: unknown feature '" + F +
                           "' (known: asm_goto)");
    TO.AsmGotoFeature = true;
  }
  TO.ShowCWarnings = ShowCWarnings;
  std::string BindgenVersion = BindgenVersionOpt.getNumOccurrences()
                                   ? BindgenVersionOpt.getValue()
                               : Profile.MinBindgenVersion.empty()
                                   ? std::string("0.60")
                                   : Profile.MinBindgenVersion;
  emit::RustVersion Bindgen;
  if (!parseVersion(BindgenVersion, Bindgen) || Bindgen.Major != 0)
    return reportFailure("--bindgen-version must look like 0.71, not '" +
                BindgenVersion + "'");
  TO.BindingsNoreturnAsNever = Bindgen.Minor >= 61;
  TO.Shims = !NoShims;
  TO.Scalars = Profile.Scalars;
  // Self mode lays an opaque record out as bindgen would: bytes only.
  TO.OpaqueTypes = Opaque;
  if (EO.Types == emit::TypeMode::Bindgen) {
    TO.BindingsHeader = Profile.BindingsHeader;
    TO.Params = Profile.Params;
  }
  if (!BodyCompilePath.empty()) {
    Expected<frontend::BodyCompile> Body =
        frontend::readBodyCompile(BodyCompilePath);
    if (!Body) {
      errs() << toString(Body.takeError()) << "\n";
      return false;
    }
    TO.BodySanitizerMacros = Body->SanitizerMacros;
    TO.BodyUninstrumented = Body->Uninstrumented;
    if (!Body->Uninstrumented.empty())
      errs() << BodyCompilePath
             << ":1:1: warning: helpers.o's compile instruments the helpers "
                "for -fsanitize="
             << join(Body->Uninstrumented, ",")
             << ", which the translation does not reproduce (the kernel's "
                "Rust gets no such instrumentation); the checks the helpers "
                "call are kept\n";
    Expected<frontend::MacroTable> Macros =
        frontend::compilerPredefines(Body->Command, BodyCompilePath);
    if (!Macros) {
      errs() << toString(Macros.takeError()) << "\n";
      return false;
    }
    // What the compile's sanitizers mean, whether its compiler predefines
    // the macros (GCC) or compiler-clang.h derives them (clang).
    for (const std::string &M : Body->SanitizerMacros)
      Macros->emplace(M, "1");
    TO.BodyMacros = std::move(*Macros);
  }
  if (MacroDifferences != "fallback" && MacroDifferences != "error") {
    errs() << "helpers2rs: error: --macro-differences must be fallback or "
              "error, not '"
           << MacroDifferences << "'\n";
    return false;
  }
  TO.MacroDifferencesAreErrors = MacroDifferences == "error";
  return true;
}

// --types: false after an error message.
bool typeMode(emit::EmitOptions &EO) {
  if (TypesMode != "bindgen" && TypesMode != "self")
    return reportFailure("--types must be 'bindgen' or 'self', not '" +
                         TypesMode + "'");
  EO.Types = TypesMode == "self" ? emit::TypeMode::Self : emit::TypeMode::Bindgen;
  return true;
}

int runTranslate(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  emit::EmitOptions EO;
  if (!typeMode(EO))
    return 1;
  if (FormatterOpt != "rustfmt" && FormatterOpt != "none")
    return fail("--formatter must be rustfmt or none, not '" + FormatterOpt + "'");
  if (ExportMode != "inline" && ExportMode != "c-abi")
    return fail("--export must be 'inline' or 'c-abi', not '" + ExportMode + "'");
  ir::FallbackRoute Route = ir::FallbackRoute::Unstated;
  if (FallbackRouteOpt == "call")
    Route = ir::FallbackRoute::Call;
  else if (FallbackRouteOpt == "lto")
    Route = ir::FallbackRoute::Lto;
  else if (FallbackRouteOpt.getNumOccurrences())
    return fail("--fallback-route must be call or lto, not '" +
                FallbackRouteOpt + "'");

  frontend::KernelProfile Profile;
  frontend::TranslateOptions TO;
  if (!loadProfile(Profile) || !configureEmitter(Profile, EO) ||
      !translateOptions(Profile, EO, TO))
    return 1;

  std::vector<std::string> Files(Inputs.begin(), Inputs.end());
  for (const std::string &F : Files)
    if (!sys::fs::exists(F))
      return fail("no such file or directory: '" + F + "'");
    else if (sys::fs::is_directory(F))
      return fail("'" + F + "' is a directory, not a C file");

  makeAbsolute(Files);
  std::vector<PendingOutput> Outputs{{OutputPath, ""}};
  if (!ReportPath.empty())
    Outputs.push_back({ReportPath, ""});
  size_t DepfileIndex = Outputs.size();
  if (!DepfilePath.empty()) {
    if (OutputPath == "-")
      return fail("--depfile needs an output file (-o)");
    Outputs.push_back({DepfilePath, ""});
  }
  size_t KunitIndex = Outputs.size();
  if (!KunitSuitePath.empty()) {
    if (EO.Types != emit::TypeMode::Bindgen)
      return fail("--kunit-suite needs --types=bindgen: the suite runs in a "
                  "kernel, against its bindings");
    Outputs.push_back({KunitSuitePath, ""});
  }
  size_t KunitCIndex = Outputs.size();
  if (!KunitSuiteCPath.empty()) {
    if (KunitSuitePath.empty())
      return fail("--kunit-suite-c needs --kunit-suite: it registers that "
                  "suite's test cases");
    Outputs.push_back({KunitSuiteCPath, ""});
  }
  size_t KunitSymsIndex = Outputs.size();
  if (!KunitSuiteSymsPath.empty()) {
    if (KunitSuitePath.empty())
      return fail("--kunit-suite-syms needs --kunit-suite: it renames calls "
                  "for that suite");
    if (!KunitSuiteCPath.empty())
      return fail("--kunit-suite-syms needs the suite as a crate of its own, "
                  "not registered from C (--kunit-suite-c)");
    Outputs.push_back({KunitSuiteSymsPath, ""});
  }
  if (!checkOutputPaths(Outputs, Files))
    return 1;

  std::string DBError;
  auto DB = frontend::loadCompileCommands({BuildDir, std::move(Fixed)}, Files,
                                          DBError);
  if (!DB)
    return fail(DBError);

  frontend::TranslationOutput Out;
  if (!frontend::translate(*DB, Files, TO, Out))
    return 1; // Clang printed the errors.
  // A file with no helper is most often the wrong file or prefix: say so.
  for (const std::string &F : Out.InputsWithoutHelpers)
    errs() << F << ": warning: no helper found (no function named '"
           << HelperPrefix << "*' or marked __rust_helper)\n";
  // Read beside the tree: `rust/helpers/atomic.c`, `include/linux/...`;
  // what kbuild generates in the build directory (-p, else where kbuild
  // runs the command), relative to it. Outside a kernel tree, relative to
  // the inputs' directories.
  {
    std::vector<std::string> Dirs;
    if (!KernelTree.empty()) {
      SmallString<256> Cwd;
      if (BuildDir.empty())
        sys::fs::current_path(Cwd);
      Dirs = {KernelTree.getValue(),
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
    ir::relativisePaths(Out.Report, Roots);
  }
  Out.Report.BodyCompile = BodyCompilePath;
  Out.Report.BodyUninstrumented = TO.BodyUninstrumented;
  Out.Report.BodyMacros = TO.BodySanitizerMacros;
  Out.Report.TypeMode = TypesMode;
  Out.Report.ExportMode = ExportMode;
  Out.Report.Route = Route;

  ir::PassOptions PO;
  PO.AddrOfStaticIsSafe = EO.Version.atLeast(1, 82);
  ir::runModulePasses(Out.Module, PO);

  std::string Banner = "Generated by helpers2rs from";
  for (const std::string &F : Files)
    Banner += " " + sys::path::filename(F).str();
  Banner += ". Do not edit.";
  EO.Banner = Banner;

  if (!KunitSuitePath.empty()) {
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
  Outputs[0].Content = emit::emitModule(Out.Module, EO);
  if (FormatterOpt == "rustfmt")
    Outputs[0].Content = formatted(std::move(Outputs[0].Content));
  if (!KunitSuitePath.empty()) {
    emit::KunitSuite Suite = emit::emitKunitSuite(
        Out.Module, Out.Report.Helpers,
        Banner + "\nThe in-kernel differential suite of this translation.",
        KunitSuiteCPath.empty() ? emit::KunitSuiteForm::Attribute
                                : emit::KunitSuiteForm::CTable);
    if (FormatterOpt == "rustfmt")
      Suite.Rust = formatted(std::move(Suite.Rust));
    Outputs[KunitIndex].Content = std::move(Suite.Rust);
    if (!KunitSuiteCPath.empty())
      Outputs[KunitCIndex].Content = std::move(Suite.C);
    if (!KunitSuiteSymsPath.empty())
      Outputs[KunitSymsIndex].Content = std::move(Suite.SymbolMap);
  }
  if (!ReportPath.empty()) {
    attachRustSources(Out.Module, EO, Out.Report);
    Outputs[1].Content = report::reportToJson(Out.Report).dump(2) + "\n";
  }
  if (!DepfilePath.empty()) {
    std::vector<std::string> Deps = Out.Dependencies;
    Deps.insert(Deps.end(), Profile.SourceFiles.begin(), Profile.SourceFiles.end());
    if (!Profile.BindingsHeader.empty() && EO.Types == emit::TypeMode::Bindgen)
      Deps.push_back(Profile.BindingsHeader);
    Outputs[DepfileIndex].Content = driver::makeDepfile(OutputPath, Deps);
  }
  return commit(Outputs) ? 0 : 1;
}

int runSurvey(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  unsigned Index = 0, Count = 1;
  auto [IndexText, CountText] = StringRef(SurveyShardOpt).split('/');
  if (IndexText.getAsInteger(10, Index) || CountText.getAsInteger(10, Count) ||
      Count == 0 || Index >= Count)
    return fail("--shard must be i/n with 0 <= i < n, not '" + SurveyShardOpt +
                "'");
  if (SurveyJobs == 0)
    return fail("-j must be at least 1");
  emit::EmitOptions EO;
  frontend::KernelProfile Profile;
  frontend::SurveyOptions SO;
  if (!typeMode(EO) || !loadProfile(Profile) || !configureEmitter(Profile, EO) ||
      !translateOptions(Profile, EO, SO.Translation))
    return 1;
  std::vector<std::string> Files(SurveyInputs.begin(), SurveyInputs.end());
  if (SurveyBuildDir.empty() && !Fixed)
    return fail("no compile commands: pass -p <build-dir> (the directory of "
                "compile_commands.json) or the compiler flags after --");
  if (Fixed && Files.empty())
    return fail("with flags after -- name the files to survey");
  for (const std::string &F : Files)
    if (!sys::fs::exists(F))
      return fail("no such file or directory: '" + F + "'");
  makeAbsolute(Files);
  std::vector<PendingOutput> Outputs{{SurveyOutput, ""}};
  if (!checkOutputPaths(Outputs, Files))
    return 1;
  std::string DBError;
  auto DB = frontend::loadCompileCommands({SurveyBuildDir, std::move(Fixed)},
                                          Files, DBError);
  if (!DB)
    return fail(DBError);
  if (Files.empty())
    Files = DB->getAllFiles();
  std::vector<std::string> Units = frontend::shardUnits(Files, Index, Count);

  SO.Jobs = SurveyJobs;
  // A progress bar on a terminal; nothing in logs.
  if (sys::Process::StandardErrIsDisplayed())
    SO.Progress = [](size_t Done, size_t Total) {
      unsigned Width = 30, Filled = Total ? Done * Width / Total : Width;
      errs() << "\r[" << std::string(Filled, '#')
             << std::string(Width - Filled, ' ') << "] " << Done << "/"
             << Total << " units" << (Done == Total ? "\n" : "");
    };
  frontend::SurveyOutput Out;
  if (!frontend::survey(*DB, Units, SO, Out))
    return 1;
  report::SurveyShard Shard{Index, Count, Out.Units, Out.FailedUnits, TypesMode,
                         std::to_string(EO.Version.Major) + "." +
                             std::to_string(EO.Version.Minor)};
  Outputs[0].Content = report::surveyToJson(Out.Functions, Shard).dump(2) + "\n";
  if (!commit(Outputs))
    return 1;
  for (const std::string &U : Out.FailedUnits)
    errs() << "helpers2rs: " << (SurveyKeepGoing ? "warning" : "error")
           << ": '" << U << "' did not compile; the survey lacks it\n";
  return Out.FailedUnits.empty() || SurveyKeepGoing ? 0 : 1;
}

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

int runReport() {
  static const std::map<std::string, report::ReportFormat> Formats = {
      {"md", report::ReportFormat::Markdown},
      {"html", report::ReportFormat::Html},
      {"json", report::ReportFormat::Json},
      {"sarif", report::ReportFormat::Sarif},
      {"cover-letter", report::ReportFormat::CoverLetter}};
  auto Format = Formats.find(ReportFormatOpt);
  if (Format == Formats.end())
    return fail("--format must be md, html, json, sarif or cover-letter, not '" +
                ReportFormatOpt + "'");
  std::vector<PendingOutput> Outputs{{ReportOutput, ""}};
  std::vector<std::string> InputPaths(ReportInputs.begin(), ReportInputs.end());
  for (const std::string &Extra : {ReportDiff.getValue(), ReportCodegen.getValue(),
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
      return fail(ReportCodegen + ": not machine code counts of this report: " +
                  Error);
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
    nlohmann::json Analysis = report::analyseReport(Merged, Old ? &*Old : nullptr);
    Outputs[0].Content = report::renderReport(Analysis, Format->second);
    return commit(Outputs) ? 0 : 1;
  } catch (const nlohmann::json::exception &E) {
    return fail(std::string("the report is missing fields: ") + E.what());
  }
}

int run(int argc, const char **argv) {
  // Flags after `--` are the compile command for every input.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          argc, argv, FixedError);
  if (!FixedError.empty()) {
    // The driver's own diagnostic ("error: unknown argument: ..."), once.
    StringRef Message = StringRef(FixedError).trim();
    Message.consume_front("error: ");
    return fail(Message);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "helpers2rs " H2R_VERSION "\n  built with LLVM " LLVM_VERSION_STRING
          "\n";
  });
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "helpers2rs: translate Rust-for-Linux C "
                                   "helpers into Rust\n",
                                   &errs()))
    return 1;
  if (TranslateCmd)
    return runTranslate(std::move(Fixed));
  if (SurveyCmd)
    return runSurvey(std::move(Fixed));
  if (ReportCmd)
    return runReport();
  return fail("no subcommand; try 'helpers2rs translate --help', "
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
