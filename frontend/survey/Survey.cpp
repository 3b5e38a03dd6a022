#include "frontend/survey/Survey.h"
#include "frontend/kernel/CompileCommands.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/kernel/GccFlags.h"
#include "frontend/InlineClosure.h"
#include "frontend/SourceInfo.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/ThreadPool.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace h2r::frontend {

using namespace clang;

namespace {

// Functions by location, shared by the worker threads. A header function
// seen by several units is kept from the first unit in the sorted list,
// whichever thread gets there first: its text can differ per unit
// (__COUNTER__ names), and the result must not depend on scheduling.
class SurveyMerger {
public:
  // True if the unit with this index should lower the function at Key.
  bool claim(const std::string &Key, size_t Unit) {
    std::lock_guard<std::mutex> Lock(M);
    auto [It, New] = Owner.emplace(Key, Unit);
    if (!New && It->second <= Unit)
      return false;
    It->second = Unit;
    return true;
  }
  void add(std::string Key, size_t Unit, ir::FunctionRecord R) {
    std::lock_guard<std::mutex> Lock(M);
    if (Owner.at(Key) == Unit)
      Records[std::move(Key)] = std::move(R);
  }
  std::vector<ir::FunctionRecord> take() {
    std::vector<ir::FunctionRecord> Out;
    for (auto &[Key, R] : Records)
      Out.push_back(std::move(R));
    return Out;
  }

private:
  std::mutex M;
  std::map<std::string, size_t> Owner;
  std::map<std::string, ir::FunctionRecord> Records; // sorted by key
};

// One function's lowering as the survey needs it: its own failure, if any,
// and the closure functions its translation reaches.
struct LoweredFunction {
  std::optional<LoweringFailure> Failure;
  std::set<const FunctionDecl *> Reaches;
};

class SurveyConsumer : public ASTConsumer {
public:
  SurveyConsumer(SurveyMerger &Merger, size_t Unit, const SurveyOptions &Opts,
                 const BindingsInventory *Bindings)
      : Merger(Merger), Unit(Unit), Opts(Opts), Bindings(Bindings) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<const FunctionDecl *> Candidates;
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody() &&
            InlineClosure::isInlineCandidate(FD))
          Candidates.push_back(FD);
    TypeLowering Types(Ctx, typeOptions(Opts.Translation, Bindings));
    LoweringContext LC(Ctx, Types);
    configureLowering(LC, Opts.Translation, Bindings);
    for (const FunctionDecl *FD : Candidates)
      LC.Inlines.insert(FD->getCanonicalDecl());
    std::map<const FunctionDecl *, LoweredFunction> Lowered;
    for (const FunctionDecl *FD : Candidates) {
      ir::FunctionRecord R;
      R.Name = FD->getNameAsString();
      R.Loc = describeLocation(FD->getLocation(), SM);
      std::string Key = R.Loc.str() + " " + R.Name;
      if (!Merger.claim(Key, Unit))
        continue;
      if (auto Failure = firstFailure(LC, Lowered, FD)) {
        ir::FallbackReason Why;
        Why.Construct = Failure->first.Construct;
        Why.Function = Failure->second->getNameAsString();
        Why.Loc = describeLocation(Failure->first.Loc, SM);
        Why.MacroChain = macroChain(Failure->first.Loc, SM, Ctx.getLangOpts());
        Why.Message = Failure->first.Message;
        R.Reasons.push_back(std::move(Why));
      }
      R.Translated = R.Reasons.empty();
      Merger.add(std::move(Key), Unit, std::move(R));
    }
  }

private:
  using Failure = std::pair<LoweringFailure, const FunctionDecl *>;

  static const LoweredFunction &
  lower(LoweringContext &LC,
        std::map<const FunctionDecl *, LoweredFunction> &Lowered,
        const FunctionDecl *FD) {
    auto It = Lowered.find(FD);
    if (It != Lowered.end())
      return It->second;
    LoweredFunction L;
    FunctionLowering FL(LC, FD);
    auto Result = FL.run();
    if (auto *F = std::get_if<LoweringFailure>(&Result))
      L.Failure = *F;
    else
      L.Reaches = FL.reached();
    return Lowered.emplace(FD, std::move(L)).first->second;
  }

  // What translate would say of a helper returning Root's address: Root's
  // own failure, or the first one its translation reaches (depth first, as
  // the translator walks a helper's closure).
  static std::optional<Failure>
  firstFailure(LoweringContext &LC,
               std::map<const FunctionDecl *, LoweredFunction> &Lowered,
               const FunctionDecl *Root) {
    // Its translation drops the `...`; a pointer to it has no Rust type.
    if (Root->isVariadic() && ignoresVariadicArguments(Root))
      return Failure{{"variadic-function",
                      "address of '" + Root->getNameAsString() +
                          "', a variadic function translated without its "
                          "variadic part",
                      Root->getLocation()},
                     Root};
    std::set<const FunctionDecl *> Seen{Root};
    std::vector<const FunctionDecl *> Stack{Root};
    while (!Stack.empty()) {
      const FunctionDecl *F = Stack.back();
      Stack.pop_back();
      const LoweredFunction &L = lower(LC, Lowered, F);
      if (L.Failure)
        return Failure{*L.Failure, F};
      for (const FunctionDecl *C : L.Reaches)
        if (Seen.insert(C).second)
          Stack.push_back(C);
    }
    return std::nullopt;
  }

  SurveyMerger &Merger;
  size_t Unit; // index in the shard's sorted unit list
  const SurveyOptions &Opts;
  const BindingsInventory *Bindings;
};

class SurveyAction : public ASTFrontendAction {
public:
  SurveyAction(SurveyMerger &Merger, size_t Unit, const SurveyOptions &Opts,
               const BindingsInventory *Bindings)
      : Merger(Merger), Unit(Unit), Opts(Opts), Bindings(Bindings) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<SurveyConsumer>(Merger, Unit, Opts, Bindings);
  }

private:
  SurveyMerger &Merger;
  size_t Unit;
  const SurveyOptions &Opts;
  const BindingsInventory *Bindings;
};

class SurveyActionFactory : public tooling::FrontendActionFactory {
public:
  SurveyActionFactory(SurveyMerger &Merger, size_t Unit,
                      const SurveyOptions &Opts,
                      const BindingsInventory *Bindings)
      : Merger(Merger), Unit(Unit), Opts(Opts), Bindings(Bindings) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SurveyAction>(Merger, Unit, Opts, Bindings);
  }

private:
  SurveyMerger &Merger;
  size_t Unit;
  const SurveyOptions &Opts;
  const BindingsInventory *Bindings;
};

} // namespace

std::vector<std::string> shardUnits(std::vector<std::string> Files,
                                    unsigned Index, unsigned Count) {
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  std::vector<std::string> Shard;
  for (size_t I = 0; I < Files.size(); ++I)
    if (I % Count == Index)
      Shard.push_back(Files[I]);
  return Shard;
}

bool survey(const tooling::CompilationDatabase &DB,
            const std::vector<std::string> &Units, const SurveyOptions &Opts,
            SurveyOutput &Out) {
  std::optional<BindingsInventory> Bindings;
  if (!Units.empty() &&
      !loadBindingsInventory(DB, Units.front(), Opts.Translation, Bindings))
    return false;
  SurveyMerger Merger;
  Out.Units = Units;
  std::mutex ProgressLock;
  size_t Done = 0;
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Opts.Jobs));
  for (size_t Index = 0; Index < Units.size(); ++Index)
    Pool.async([&, Index] {
      const std::string &Unit = Units[Index];
      SurveyActionFactory Factory(Merger, Index, Opts,
                                  Bindings ? &*Bindings : nullptr);
      std::unique_ptr<tooling::ClangTool> Tool = makeTool(DB, {Unit});
      Tool->appendArgumentsAdjuster(gccFlagFilter());
      // A survey reads hundreds of headers: warnings are noise here.
      Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
          {"-fno-caret-diagnostics", "-w"},
          tooling::ArgumentInsertPosition::BEGIN));
      bool Ok = Tool->run(&Factory) == 0;
      std::lock_guard<std::mutex> Lock(ProgressLock);
      if (!Ok)
        Out.FailedUnits.push_back(Unit);
      ++Done;
      if (Opts.Progress)
        Opts.Progress(Done, Units.size());
    });
  Pool.wait();
  std::sort(Out.FailedUnits.begin(), Out.FailedUnits.end());
  Out.Functions = Merger.take();
  return true;
}

} // namespace h2r::frontend
