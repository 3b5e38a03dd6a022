//===- frontend/Translator.cpp - Inputs to one module and report ---------===//

#include "frontend/Translator.h"
#include "frontend/kernel/CompileCommands.h"
#include "frontend/kernel/CompileMacros.h"
#include "frontend/kernel/GccFlags.h"
#include "frontend/kernel/KconfigReads.h"
#include "frontend/UnitLowering.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

namespace h2r::frontend {

using namespace clang;

namespace {

class LoweringAction : public ASTFrontendAction {
public:
  LoweringAction(const TranslateOptions &Opts, PendingInventory &Inventory,
                 ModuleMerger &Merger, TranslationOutput &Out,
                 SecondParse &Second, bool IsSecond)
      : Opts(Opts), Inventory(Inventory), Merger(Merger), Out(Out),
        Second(Second), IsSecond(IsSecond) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    auto Markers = std::make_unique<HelperMarkers>();
    const HelperMarkers &Ref = *Markers;
    CI.getPreprocessor().addPPCallbacks(std::move(Markers));
    if (!IsSecond) {
      auto Reads = std::make_unique<KconfigReads>(CI.getPreprocessor());
      Kconfig = Reads.get();
      CI.getPreprocessor().addPPCallbacks(std::move(Reads));
    }
    Deps = std::make_shared<DependencyCollector>();
    Deps->attachToPreprocessor(CI.getPreprocessor());
    const MacroInfluence *Macros = nullptr;
    if (Opts.BodyMacros) {
      std::vector<ir::MacroDifferenceRecord> Diffs = compareMacros(
          *Opts.BodyMacros,
          parseMacroDefinitions(CI.getPreprocessor().getPredefines()));
      std::set<std::string> Names;
      for (const ir::MacroDifferenceRecord &D : Diffs)
        Names.insert(D.Name);
      // The report shows the differences of the parse every helper has.
      if (!IsSecond)
        Out.Report.MacroDifferences = std::move(Diffs);
      auto Influence =
          std::make_unique<MacroInfluence>(CI.getPreprocessor(), Names);
      Macros = Influence.get();
      CI.getPreprocessor().addPPCallbacks(std::move(Influence));
    }
    return std::make_unique<TranslationUnitLowering>(
        Opts, Inventory, Merger, Out, Ref, Macros, Second, IsSecond);
  }

  void EndSourceFileAction() override {
    // A second parse adds only what the first did not read.
    std::set<std::string> Read;
    if (IsSecond)
      Read.insert(Out.Dependencies.begin(), Out.Dependencies.end());
    for (StringRef File : Deps->getDependencies())
      if (!Read.count(File.str()))
        Out.Dependencies.push_back(File.str());
    if (Kconfig)
      recordConfiguration();
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    const BindingsInventory *Bindings =
        Inventory.wait() ? Inventory.get() : nullptr;
    Out.KunitCountsKasanReports |=
        PP.isMacroDefined("CONFIG_KASAN_KUNIT_TEST") &&
        (PP.isMacroDefined("__SANITIZE_ADDRESS__") ||
         PP.isMacroDefined("__SANITIZE_HWADDRESS__")) &&
        Bindings && !Bindings->AssumeAll &&
        Bindings->Functions.count("tracepoint_probe_register");
  }

private:
  // The first input names the configuration; later ones add what they
  // read.
  void recordConfiguration() {
    llvm::ErrorOr<std::string> Dir = getCompilerInstance()
                                         .getVirtualFileSystem()
                                         .getCurrentWorkingDirectory();
    ir::KernelConfiguration Read = Kconfig->configuration(Dir ? *Dir : ".");
    ir::KernelConfiguration &Config = Out.Report.Configuration;
    if (Config.Target.empty()) {
      Config = std::move(Read);
      return;
    }
    Config.OptionsRead.insert(Read.OptionsRead.begin(), Read.OptionsRead.end());
    Config.DefinedElsewhere.insert(Read.DefinedElsewhere.begin(),
                                   Read.DefinedElsewhere.end());
  }

  std::shared_ptr<DependencyCollector> Deps;
  const KconfigReads *Kconfig = nullptr;
  const TranslateOptions &Opts;
  PendingInventory &Inventory;
  ModuleMerger &Merger;
  TranslationOutput &Out;
  SecondParse &Second;
  bool IsSecond;
};

class LoweringActionFactory : public tooling::FrontendActionFactory {
public:
  LoweringActionFactory(const TranslateOptions &Opts,
                        PendingInventory &Inventory, ModuleMerger &Merger,
                        TranslationOutput &Out, SecondParse &Second,
                        bool IsSecond)
      : Opts(Opts), Inventory(Inventory), Merger(Merger), Out(Out),
        Second(Second), IsSecond(IsSecond) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LoweringAction>(Opts, Inventory, Merger, Out,
                                            Second, IsSecond);
  }

private:
  const TranslateOptions &Opts;
  PendingInventory &Inventory;
  ModuleMerger &Merger;
  TranslationOutput &Out;
  SecondParse &Second;
  bool IsSecond;
};

} // namespace

// Every command must parse; what clang would reject is dropped, and -v
// says what.
static bool commandsParse(const tooling::CompilationDatabase &DB,
                          const std::vector<std::string> &Files,
                          const TranslateOptions &Opts) {
  std::set<std::string> Said;
  for (const std::string &File : Files)
    for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
      FilteredCommand F = filterGccOnlyFlags(C.CommandLine);
      if (!F.Error.empty()) {
        llvm::errs() << "helpers2rs: error: cannot parse the compile command "
                        "of '"
                     << File << "': " << F.Error << "\n";
        return false;
      }
      if (!Opts.Verbose || F.Dropped.empty())
        continue;
      std::string Line;
      for (const DroppedFlag &D : F.Dropped)
        Line += " " + D.Flag + " (" + D.Why + ")";
      if (Said.insert(Line).second)
        llvm::errs()
            << "helpers2rs: note: dropped from the compile command of '" << File
            << "':" << Line << "\n";
    }
  return true;
}

// What the suite and the output need to know of the bindings: whether
// warnings can be counted and locks tracked, and which helpers the
// bindings also name.
static void noteBindings(const BindingsInventory *Bindings,
                         TranslationOutput &Out) {
  Out.KunitCountsWarnings =
      Bindings && !Bindings->AssumeAll &&
      Bindings->Functions.count("kunit_start_suppress_warning") &&
      Bindings->Functions.count("kunit_suppressed_warning_count");
  Out.TracksLocks = !Bindings || Bindings->AssumeAll ||
                    Bindings->Functions.count("lock_acquire");
  if (Bindings && !Bindings->AssumeAll)
    for (const ir::HelperRecord &H : Out.Report.Helpers)
      if (Bindings->Functions.count(H.RustName))
        Out.HelpersNamedInBindings.insert(H.RustName);
}

bool translate(const tooling::CompilationDatabase &DB,
               const std::vector<std::string> &Files,
               const TranslateOptions &Opts, TranslationOutput &Out) {
  if (!commandsParse(DB, Files, Opts))
    return false;
  if (Files.empty())
    return true;
  // What the bindings hold, seen through the first input's command (the
  // helpers and the bindings are built with the same flags), taken while
  // the helpers parse.
  PendingInventory Inventory(DB, Files.front(), Opts);
  ModuleMerger Merger(Out);
  Out.Report.Inputs = Files;
  SecondParse Second;
  std::vector<std::string> BodyDefines;
  for (const std::string &M : Opts.BodySanitizerMacros)
    BodyDefines.push_back("-D" + M);
  auto Parse = [&](const std::string &File,
                   const std::vector<std::string> &Defines, bool IsSecond) {
    Second.Parsing = File;
    LoweringActionFactory Factory(Opts, Inventory, Merger, Out, Second,
                                  IsSecond);
    std::unique_ptr<tooling::ClangTool> Tool = makeTool(DB, {File});
    Tool->appendArgumentsAdjuster(gccFlagFilter());
    Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::BEGIN));
    if (!Defines.empty())
      Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
          Defines, tooling::ArgumentInsertPosition::END));
    // Like the kernel's bindgen rule: the C side's warnings are its own.
    if (!Opts.ShowCWarnings)
      Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
          "-w", tooling::ArgumentInsertPosition::END));
    return Tool->run(&Factory) == 0;
  };
  bool Ok = true;
  // One tool per file: LibTooling prints progress lines for several.
  for (const std::string &File : Files)
    Ok &= Parse(File, BodyDefines, /*IsSecond=*/false);
  if (!Second.Helpers.empty()) {
    std::vector<std::string> Defines = BodyDefines;
    for (const std::string &M : Second.Macros)
      Defines.push_back(compiledDefinitionOption(*Opts.BodyMacros, M));
    for (const std::string &File : Files)
      if (Second.Files.count(File))
        Ok &= Parse(File, Defines, /*IsSecond=*/true);
  }
  Merger.finish();
  if (!Inventory.wait())
    return false;
  noteBindings(Inventory.get(), Out);
  return Ok;
}

} // namespace h2r::frontend
