//===- driver/TranslationOptions.cpp - What translate and survey share ----===//

#include "TranslationOptions.h"
#include "Commands.h"
#include "Diagnostics.h"

#include "frontend/kernel/BodyCompile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Regex.h"

using namespace llvm;

namespace h2r::driver {

namespace {

cl::opt<std::string> TypesMode(
    "types",
    cl::desc("bindgen (refer to bindings::) or self (emit #[repr(C)] types)"),
    cl::init("bindgen"), cl::sub(translateCommand()), cl::sub(surveyCommand()),
    cl::cat(category()));

cl::opt<std::string>
    ExportMode("export",
               cl::desc("inline (#[inline(always)] pub unsafe fn) or c-abi "
                        "(#[no_mangle] extern \"C\")"),
               cl::init("inline"), cl::sub(translateCommand()),
               cl::cat(category()));

cl::opt<std::string>
    SymbolPrefix("symbol-prefix",
                 cl::desc("Prefix of exported symbols with --export=c-abi"),
                 cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> HelperPrefix("helper-prefix",
                                  cl::desc("Name prefix that marks a helper"),
                                  cl::init("rust_helper_"),
                                  cl::sub(translateCommand()),
                                  cl::cat(category()));

cl::opt<std::string>
    RustVersionOpt("rust-version",
                   cl::desc("Oldest rustc the output must compile with "
                            "(default: 1.78, or the kernel tree's minimum)"),
                   cl::init("1.78"), cl::sub(translateCommand()),
                   cl::sub(surveyCommand()), cl::cat(category()));

cl::list<std::string> RustFeatures(
    "rust-features",
    cl::desc(
        "Unstable Rust features the output's crate enables (asm_goto: asm goto "
        "below 1.87, as the kernel enables it for its static branches)"),
    cl::CommaSeparated, cl::value_desc("asm_goto"), cl::sub(translateCommand()),
    cl::cat(category()));

cl::opt<std::string> BindgenVersionOpt(
    "bindgen-version",
    cl::desc("The bindgen the bindings come from (default: the kernel tree's "
             "minimum, else 0.60): from 0.61 C noreturn functions are `-> !`"),
    cl::value_desc("x.y"), cl::sub(translateCommand()),
    cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<bool> Verbose("v", cl::desc("Say which compiler flags were dropped"),
                      cl::sub(translateCommand()), cl::cat(category()));

cl::list<std::string> OpaqueTypes(
    "opaque-type", cl::desc("A type bindgen makes opaque (regex; repeatable)"),
    cl::sub(translateCommand()), cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<std::string> BindgenParameters(
    "bindgen-parameters",
    cl::desc("Honour the bindgen options of a rust/bindgen_parameters file "
             "(opaque, blocklisted items)"),
    cl::value_desc("file"), cl::sub(translateCommand()),
    cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<std::string> BindingsPath(
    "bindings-path",
    cl::desc("Path of bindgen's bindings as seen from the output's top level "
             "(default: bindings, a module beside the output; ::bindings for "
             "an extern crate; crate::bindings_raw with --kernel-tree)"),
    cl::sub(translateCommand()), cl::cat(category()));

cl::opt<bool>
    BindingsInScope("bindings-in-scope",
                    cl::desc("The output's module glob-imports the bindings "
                             "(as the kernel's bindings_helper does): name "
                             "types through it (default with --kernel-tree)"),
                    cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> KernelTree(
    "kernel-tree",
    cl::desc("Kernel source tree: type as its rust/ffi.rs, "
             "rust/bindgen_parameters and rust/bindings/bindings_helper.h say"),
    cl::value_desc("srctree"), cl::sub(translateCommand()),
    cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<std::string>
    BindingsHeader("bindings-header",
                   cl::desc("The header bindgen's bindings come from; C items "
                            "it does not reach are declared by the output"),
                   cl::value_desc("file.h"), cl::sub(translateCommand()),
                   cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<bool>
    ShowCWarnings("show-c-warnings",
                  cl::desc("Show the C compiler's warnings (hidden, as the "
                           "kernel's bindgen rule hides them)"),
                  cl::sub(translateCommand()), cl::cat(category()));

cl::opt<bool> NoShims(
    "no-shims",
    cl::desc(
        "Never stand in an equivalent form for what Rust cannot express at "
        "--rust-version (docs/constructs.md, Shims): such helpers fall back"),
    cl::sub(translateCommand()), cl::sub(surveyCommand()), cl::cat(category()));

cl::opt<std::string> BodyCompilePath(
    "body-compile",
    cl::desc("helpers.o's own compile command (kbuild's "
             "rust/helpers/.helpers.o.cmd, or the command on one line): the "
             "macros its sanitizers make the compiler define "
             "(__SANITIZE_ADDRESS__, ...) are defined for the helpers' parse, "
             "so their bodies mean what helpers.o's do"),
    cl::value_desc("file"), cl::sub(translateCommand()), cl::cat(category()));

cl::opt<std::string> MacroDifferences(
    "macro-differences",
    cl::desc(
        "With --body-compile, what a predefined macro that helpers.o's compile "
        "and the parse define differently does where it changes a function a "
        "helper reaches (unless reviewed as harmless): fallback (the helper "
        "stays in C, with a warning; the default) or error"),
    cl::value_desc("fallback|error"), cl::init("fallback"),
    cl::sub(translateCommand()), cl::cat(category()));

// "1.78" or "0.71.1" (the patch level is not needed).
bool parseVersion(StringRef Text, unsigned &Major, unsigned &Minor) {
  auto [MajorText, Rest] = Text.split('.');
  auto [MinorText, Patch] = Rest.split('.');
  unsigned Ignored;
  return !MajorText.getAsInteger(10, Major) &&
         !MinorText.getAsInteger(10, Minor) &&
         (Patch.empty() || !Patch.getAsInteger(10, Ignored));
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
  if (!parseVersion(RustVersion, EO.Version.Major, EO.Version.Minor))
    return reportFailure("--rust-version must look like 1.78, not '" +
                         RustVersion + "'");
  if (!Profile.BindingsHeader.empty() &&
      !sys::fs::exists(Profile.BindingsHeader))
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

// --body-compile: helpers.o's sanitizer macros and its compiler's
// predefined macros. False after an error message.
bool readBodyCompileOption(frontend::TranslateOptions &TO) {
  if (BodyCompilePath.empty())
    return true;
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
  return true;
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
  TO.Rust = EO.Version;
  for (const std::string &F : RustFeatures) {
    if (F != "asm_goto")
      return reportFailure("--rust-features: unknown feature '" + F +
                           "' (known: asm_goto)");
    TO.AsmGotoFeature = true;
  }
  TO.ShowCWarnings = ShowCWarnings;
  std::string BindgenVersion =
      BindgenVersionOpt.getNumOccurrences() ? BindgenVersionOpt.getValue()
      : Profile.MinBindgenVersion.empty()   ? std::string("0.60")
                                            : Profile.MinBindgenVersion;
  unsigned BindgenMajor, BindgenMinor;
  if (!parseVersion(BindgenVersion, BindgenMajor, BindgenMinor) ||
      BindgenMajor != 0)
    return reportFailure("--bindgen-version must look like 0.71, not '" +
                         BindgenVersion + "'");
  TO.BindingsNoreturnAsNever = BindgenMinor >= 61;
  TO.Shims = !NoShims;
  TO.Scalars = Profile.Scalars;
  // Self mode lays an opaque record out as bindgen would: bytes only.
  TO.OpaqueTypes = Opaque;
  if (EO.Types == emit::TypeMode::Bindgen) {
    TO.BindingsHeader = Profile.BindingsHeader;
    TO.Params = Profile.Params;
  }
  if (!readBodyCompileOption(TO))
    return false;
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
  EO.Types =
      TypesMode == "self" ? emit::TypeMode::Self : emit::TypeMode::Bindgen;
  return true;
}

} // namespace

bool readTranslation(Translation &T) {
  if (!typeMode(T.Emit))
    return false;
  if (ExportMode != "inline" && ExportMode != "c-abi")
    return reportFailure("--export must be 'inline' or 'c-abi', not '" +
                         ExportMode + "'");
  if (!loadProfile(T.Profile) || !configureEmitter(T.Profile, T.Emit) ||
      !translateOptions(T.Profile, T.Emit, T.Frontend))
    return false;
  T.KernelTree = KernelTree;
  T.TypesMode = TypesMode;
  T.ExportMode = ExportMode;
  T.HelperPrefix = HelperPrefix;
  T.BodyCompile = BodyCompilePath;
  return true;
}

} // namespace h2r::driver
