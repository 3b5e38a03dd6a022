#include "frontend/Translator.h"
#include "frontend/CompileCommands.h"
#include "frontend/BindingsInventory.h"
#include "frontend/FunctionLowering.h"
#include "frontend/GccFlags.h"
#include "frontend/HelperDiscovery.h"
#include "frontend/InlineClosure.h"
#include "frontend/SourceInfo.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

namespace h2r::frontend {

using namespace clang;

namespace {

// Collects the translation units into one module and one report. Inline
// functions seen in several units (one header, many helper files) are
// emitted once.
class ModuleMerger {
public:
  explicit ModuleMerger(TranslationOutput &Out) : Out(Out) {}

  void addRecord(ir::RecordDef R) {
    if (RecordNames.insert(R.Name).second)
      Out.Module.Records.push_back(std::move(R));
  }
  void addExternFn(ir::ExternFn F) {
    if (ExternNames.insert(F.Name).second)
      Out.Module.ExternFns.push_back(std::move(F));
  }
  void addExternStatic(ir::ExternStatic S) {
    if (StaticNames.insert(S.Name).second)
      Out.Module.ExternStatics.push_back(std::move(S));
  }
  // False if a different function of the same name was emitted already.
  bool canAddInline(const std::string &Name, const ir::SourceLoc &Loc) const {
    auto It = InlineLocs.find(Name);
    return It == InlineLocs.end() || It->second == Loc.str();
  }
  void addInline(ir::Function F) {
    if (InlineLocs.emplace(F.RustName, F.Loc.str()).second)
      Inlines.push_back(std::move(F));
  }
  void addHelper(ir::Function F) { Helpers.push_back(std::move(F)); }
  void addFunctionRecord(ir::FunctionRecord R) {
    if (FunctionKeys.insert(R.Name + "@" + R.Loc.str()).second)
      Out.Report.Functions.push_back(std::move(R));
  }

  void finish() {
    for (auto &F : Helpers)
      Out.Module.Functions.push_back(std::move(F));
    for (auto &F : Inlines)
      Out.Module.Functions.push_back(std::move(F));
  }

private:
  TranslationOutput &Out;
  std::set<std::string> RecordNames, ExternNames, StaticNames, FunctionKeys;
  std::map<std::string, std::string> InlineLocs;
  std::vector<ir::Function> Helpers, Inlines;
};

class TranslationUnitLowering : public ASTConsumer {
public:
  TranslationUnitLowering(const TranslateOptions &Opts,
                          const BindingsInventory *Bindings,
                          ModuleMerger &Merger, TranslationOutput &Out,
                          const HelperMarkers &Markers)
      : Opts(Opts), Bindings(Bindings), Merger(Merger), Out(Out),
        Markers(Markers) {}

  void HandleTranslationUnit(ASTContext &Ctx) override;

private:
  ir::FallbackReason reason(const LoweringFailure &F, const FunctionDecl *FD,
                            ASTContext &Ctx);
  ir::Signature signature(const FunctionDecl *FD, TypeLowering &Types);
  std::string helperRustName(const Helper &H) const {
    return Opts.ExportCAbi ? Opts.SymbolPrefix + H.Decl->getNameAsString()
                           : ir::rustIdent(H.ExportName);
  }

  const TranslateOptions &Opts;
  const BindingsInventory *Bindings;
  ModuleMerger &Merger;
  TranslationOutput &Out;
  const HelperMarkers &Markers;
};

ir::FallbackReason TranslationUnitLowering::reason(const LoweringFailure &F,
                                                   const FunctionDecl *FD,
                                                   ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  ir::FallbackReason R;
  R.Construct = F.Construct;
  R.Function = FD->getNameAsString();
  R.Loc = describeLocation(F.Loc, SM);
  R.MacroChain = macroChain(F.Loc, SM, Ctx.getLangOpts());
  R.Message = F.Message;
  return R;
}

ir::Signature TranslationUnitLowering::signature(const FunctionDecl *FD,
                                                 TypeLowering &Types) {
  ir::Signature S;
  S.Ret = Types.shape(FD->getReturnType());
  unsigned I = 0;
  for (const ParmVarDecl *P : FD->parameters()) {
    std::string Name =
        P->getName().empty() ? "arg" + std::to_string(I) : P->getNameAsString();
    S.Params.push_back({Name, Types.shape(P->getType())});
    ++I;
  }
  return S;
}

void TranslationUnitLowering::HandleTranslationUnit(ASTContext &Ctx) {
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Helper> Helpers = findHelpers(Ctx, Opts.HelperPrefix, Markers);
  std::vector<const FunctionDecl *> Roots;
  for (const Helper &H : Helpers)
    Roots.push_back(H.Decl);
  InlineClosure Closure(Roots);

  TypeOptions TyOpts;
  TyOpts.OpaquePatterns = Opts.OpaqueTypes;
  TyOpts.Scalars = Opts.Scalars;
  TyOpts.NewtypeEnums = Opts.Params.NewtypeEnums;
  TyOpts.Bindings = Bindings;
  TyOpts.DefinesRecords = Opts.SelfTypes;
  TypeLowering Types(Ctx, TyOpts);
  LoweringContext LC(Ctx, Types);
  LC.Bindings = Bindings;
  LC.SelfTypes = Opts.SelfTypes;
  LC.RustMajor = Opts.RustMajor;
  LC.RustMinor = Opts.RustMinor;
  for (const FunctionDecl *F : Closure.inlines())
    LC.Inlines.insert(F->getCanonicalDecl());
  for (const Helper &H : Helpers)
    LC.Helpers[H.Decl->getCanonicalDecl()] = helperRustName(H);
  for (const FunctionDecl *F : Closure.addressTaken())
    LC.AddressTaken.insert(F->getCanonicalDecl());

  // Lower every function once, noting which closure functions each
  // translation really reaches.
  std::map<const FunctionDecl *, std::variant<ir::Function, LoweringFailure>>
      Lowered;
  std::map<const FunctionDecl *, std::set<const FunctionDecl *>> Reaches;
  std::map<const FunctionDecl *, std::vector<LoweringFailure>> NotesOf;
  std::vector<const FunctionDecl *> All = Roots;
  All.insert(All.end(), Closure.inlines().begin(), Closure.inlines().end());
  for (const FunctionDecl *F : All) {
    FunctionLowering FL(LC, F);
    Lowered.emplace(F, FL.run());
    Reaches[F] = FL.reached();
    NotesOf[F] = FL.notes();
  }
  // Depth-first over what translations reach; a rejected function reaches
  // nothing further (its own failure is the reason).
  auto Reachable = [&](const FunctionDecl *Root) {
    std::vector<const FunctionDecl *> Result;
    std::set<const FunctionDecl *> Seen{Root};
    std::vector<const FunctionDecl *> Stack{Root};
    while (!Stack.empty()) {
      const FunctionDecl *G = Stack.back();
      Stack.pop_back();
      if (G != Root)
        Result.push_back(G);
      if (std::holds_alternative<LoweringFailure>(Lowered.at(G)))
        continue;
      const auto &Next = Reaches[G];
      std::vector<const FunctionDecl *> Ordered;
      for (const FunctionDecl *C : Closure.callees(G))
        if (Next.count(C))
          Ordered.push_back(C);
      for (auto It = Ordered.rbegin(); It != Ordered.rend(); ++It)
        if (Seen.insert(*It).second)
          Stack.push_back(*It);
    }
    return Result;
  };

  auto Failure = [&](const FunctionDecl *F) -> const LoweringFailure * {
    return std::get_if<LoweringFailure>(&Lowered.at(F));
  };

  for (const FunctionDecl *F : All) {
    ir::FunctionRecord R;
    R.Name = F->getNameAsString();
    R.Loc = describeLocation(F->getLocation(), SM);
    if (const LoweringFailure *LF = Failure(F))
      R.Reasons.push_back(reason(*LF, F, Ctx));
    R.Translated = R.Reasons.empty();
    for (const LoweringFailure &N : NotesOf[F])
      R.Notes.push_back(reason(N, F, Ctx));
    for (const FunctionDecl *C : Closure.callees(F))
      if (!R.Translated || Reaches[F].count(C))
        R.Callees.push_back(C->getNameAsString());
    Merger.addFunctionRecord(std::move(R));
  }

  std::set<const FunctionDecl *> Emitted;
  for (const Helper &H : Helpers) {
    ir::HelperRecord Rec;
    Rec.Name = H.Decl->getNameAsString();
    Rec.RustName = helperRustName(H);
    Rec.Loc = describeLocation(H.Decl->getLocation(), SM);
    Rec.Sig = signature(H.Decl, Types);
    std::vector<const FunctionDecl *> Reach = Reachable(H.Decl);
    std::vector<const FunctionDecl *> Members{H.Decl};
    Members.insert(Members.end(), Reach.begin(), Reach.end());
    for (const FunctionDecl *F : Reach)
      Rec.Closure.push_back(F->getNameAsString());
    for (const FunctionDecl *F : Members) {
      for (const LoweringFailure &N : NotesOf[F])
        Rec.Notes.push_back(reason(N, F, Ctx));
      if (const LoweringFailure *LF = Failure(F)) {
        Rec.Reasons.push_back(reason(*LF, F, Ctx));
      } else if (F != H.Decl) {
        const auto &Fn = std::get<ir::Function>(Lowered.at(F));
        if (!Merger.canAddInline(ir::rustIdent(Fn.CName),
                                 describeLocation(F->getLocation(), SM)))
          Rec.Reasons.push_back(
              reason({"inline-name-conflict",
                      "another input defines a different '" + Fn.CName + "'",
                      F->getLocation()},
                     F, Ctx));
      }
    }
    Rec.St = Rec.Reasons.empty() ? ir::HelperRecord::Status::Translated
                                 : ir::HelperRecord::Status::Fallback;
    if (Rec.St == ir::HelperRecord::Status::Translated) {
      ir::Function Fn = std::move(std::get<ir::Function>(Lowered.at(H.Decl)));
      Fn.FnRole = ir::Function::Role::Helper;
      Fn.RustName = Rec.RustName;
      Fn.Loc = Rec.Loc;
      // bindgen declares helpers `extern "C"`, and the kernel stores some as
      // `unsafe extern "C" fn` pointers; direct calls still inline.
      Fn.ExternAbi = true;
      Fn.NoMangle = Opts.ExportCAbi;
      Merger.addHelper(std::move(Fn));
      Emitted.insert(Reach.begin(), Reach.end());
    } else {
      // Declared in both export forms: translated helpers may call it.
      try {
        ir::FallbackDecl D;
        D.CName = Rec.Name;
        D.RustName = Rec.RustName;
        D.Signature = LC.externSignature(H.Decl);
        Out.Module.Fallbacks.push_back(std::move(D));
      } catch (LoweringFailure &F) {
        // Its signature has no Rust form either: the report says why.
        F.Loc = H.Decl->getLocation();
        F.Message = "no Rust declaration for the fallback: " + F.Message;
        Rec.Reasons.push_back(reason(F, H.Decl, Ctx));
      }
    }
    Out.Report.Helpers.push_back(std::move(Rec));
  }

  for (const FunctionDecl *F : Closure.inlines()) {
    if (!Emitted.count(F))
      continue;
    ir::Function Fn = std::move(std::get<ir::Function>(Lowered.at(F)));
    Fn.FnRole = ir::Function::Role::Inline;
    Fn.RustName = ir::rustIdent(Fn.CName);
    Fn.Loc = describeLocation(F->getLocation(), SM);
    Fn.ExternAbi = LC.AddressTaken.count(F->getCanonicalDecl()) != 0;
    Merger.addInline(std::move(Fn));
  }
  for (const ir::RecordDef &R : Types.records())
    Merger.addRecord(R);
  for (auto &[Name, F] : LC.ExternFns)
    Merger.addExternFn(F);
  for (auto &[Name, S] : LC.ExternStatics)
    Merger.addExternStatic(S);
}

class LoweringAction : public ASTFrontendAction {
public:
  LoweringAction(const TranslateOptions &Opts,
                 const BindingsInventory *Bindings, ModuleMerger &Merger,
                 TranslationOutput &Out)
      : Opts(Opts), Bindings(Bindings), Merger(Merger), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    auto Markers = std::make_unique<HelperMarkers>();
    const HelperMarkers &Ref = *Markers;
    CI.getPreprocessor().addPPCallbacks(std::move(Markers));
    return std::make_unique<TranslationUnitLowering>(Opts, Bindings, Merger,
                                                     Out, Ref);
  }

private:
  const TranslateOptions &Opts;
  const BindingsInventory *Bindings;
  ModuleMerger &Merger;
  TranslationOutput &Out;
};

class LoweringActionFactory : public tooling::FrontendActionFactory {
public:
  LoweringActionFactory(const TranslateOptions &Opts,
                        const BindingsInventory *Bindings,
                        ModuleMerger &Merger, TranslationOutput &Out)
      : Opts(Opts), Bindings(Bindings), Merger(Merger), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LoweringAction>(Opts, Bindings, Merger, Out);
  }

private:
  const TranslateOptions &Opts;
  const BindingsInventory *Bindings;
  ModuleMerger &Merger;
  TranslationOutput &Out;
};

} // namespace

bool translate(const tooling::CompilationDatabase &DB,
               const std::vector<std::string> &Files,
               const TranslateOptions &Opts, TranslationOutput &Out) {
  // Every command must parse; what clang would reject is dropped, and -v
  // says what.
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
        llvm::errs() << "helpers2rs: note: dropped from the compile command of '"
                     << File << "':" << Line << "\n";
    }

  // What the bindings hold, seen through the first input's command: the
  // helpers and the bindings are built with the same flags.
  std::optional<BindingsInventory> Bindings;
  if (!Opts.SelfTypes && !Opts.BindingsHeader.empty() && !Files.empty()) {
    Bindings.emplace(Opts.Params);
    if (!takeBindingsInventory(DB, Files.front(), Opts.BindingsHeader,
                               *Bindings)) {
      llvm::errs() << "helpers2rs: error: the bindings header '"
                   << Opts.BindingsHeader << "' does not compile\n";
      return false;
    }
  }

  ModuleMerger Merger(Out);
  Out.Report.Inputs = Files;
  LoweringActionFactory Factory(Opts, Bindings ? &*Bindings : nullptr, Merger,
                                Out);
  bool Ok = true;
  // One tool per file: LibTooling prints progress lines for several.
  for (const std::string &File : Files) {
    std::unique_ptr<tooling::ClangTool> Tool = makeTool(DB, {File});
    Tool->appendArgumentsAdjuster(gccFlagFilter());
    Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::BEGIN));
    // Like the kernel's bindgen rule: the C side's warnings are its own.
    if (!Opts.ShowCWarnings)
      Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
          "-w", tooling::ArgumentInsertPosition::END));
    Ok &= Tool->run(&Factory) == 0;
  }
  Merger.finish();
  return Ok;
}

} // namespace h2r::frontend
