//===- frontend/UnitLowering.cpp - One translation unit to IR ------------===//

#include "frontend/UnitLowering.h"
#include "frontend/kernel/CompileMacros.h"
#include "frontend/InlineClosure.h"
#include "frontend/SourceInfo.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"

#include <algorithm>

namespace h2r::frontend {

using namespace clang;

namespace {
using Resolution = ir::MacroChange::Resolution;
} // namespace

std::string TranslationUnitLowering::helperRustName(const Helper &H) const {
  return Opts.ExportCAbi ? Opts.SymbolPrefix + H.Decl->getNameAsString()
                         : ir::rustIdent(H.ExportName);
}

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

// Everything lowering one translation unit produces before it is merged.
struct TranslationUnitLowering::UnitState {
  UnitState(ASTContext &Ctx, std::vector<Helper> Helpers,
            const TypeOptions &TyOpts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Helpers(std::move(Helpers)),
        Closure(roots(this->Helpers)), Types(Ctx, TyOpts), LC(Ctx, Types) {}
  static std::vector<const FunctionDecl *>
  roots(const std::vector<Helper> &Helpers) {
    std::vector<const FunctionDecl *> Roots;
    for (const Helper &H : Helpers)
      Roots.push_back(H.Decl);
    return Roots;
  }
  const LoweringFailure *failure(const FunctionDecl *F) const {
    return std::get_if<LoweringFailure>(&Lowered.at(F));
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<Helper> Helpers;
  InlineClosure Closure;
  TypeLowering Types;
  LoweringContext LC;
  // Helpers first, then the closure.
  std::vector<const FunctionDecl *> All;
  std::map<const FunctionDecl *, std::variant<ir::Function, LoweringFailure>>
      Lowered;
  // The closure functions each translation really reaches.
  std::map<const FunctionDecl *, std::set<const FunctionDecl *>> Reaches;
  std::map<const FunctionDecl *, std::vector<LoweringFailure>> NotesOf;
  std::map<const FunctionDecl *, std::vector<LoweringFailure>> ShimsOf;
  std::map<const FunctionDecl *, std::set<std::string>> SpecialisationsOf;
  // Where a function reads its return address (FunctionLowering).
  std::map<const FunctionDecl *, SourceLocation> ReturnAddressUses;
  // Closure functions some translated helper needs.
  std::set<const FunctionDecl *> Emitted;
};

void TranslationUnitLowering::HandleTranslationUnit(ASTContext &Ctx) {
  if (Ctx.getDiagnostics().hasErrorOccurred() || !Inventory.wait())
    return;
  std::vector<Helper> Helpers = findHelpers(Ctx, Opts.HelperPrefix, Markers);
  if (IsSecond)
    llvm::erase_if(Helpers, [&](const Helper &H) {
      return !Second.Helpers.count(H.Decl->getNameAsString());
    });
  UnitState U(Ctx, std::move(Helpers), typeOptions(Opts, Inventory.get()));
  if (U.Helpers.empty() && !IsSecond)
    if (OptionalFileEntryRef Main =
            U.SM.getFileEntryRefForID(U.SM.getMainFileID()))
      Out.InputsWithoutHelpers.push_back(Main->getName().str());
  configureContext(U);
  lowerFunctions(U);
  recordFunctions(U);
  for (const Helper &H : U.Helpers) {
    ir::HelperRecord Rec = lowerHelper(U, H);
    if (!IsSecond) {
      Out.Report.Helpers.push_back(std::move(Rec));
      continue;
    }
    // The first parse's record of a helper put aside gives way to this one.
    auto It = std::find_if(
        Out.Report.Helpers.begin(), Out.Report.Helpers.end(),
        [&](const ir::HelperRecord &R) { return R.Name == Rec.Name; });
    *It = std::move(Rec);
  }
  for (const FunctionDecl *F : U.Closure.inlines()) {
    if (!U.Emitted.count(F))
      continue;
    ir::Function Fn = std::move(std::get<ir::Function>(U.Lowered.at(F)));
    Fn.FnRole = ir::Function::Role::Inline;
    Fn.RustName = ir::rustIdent(Fn.CName);
    Fn.Loc = describeLocation(F->getLocation(), U.SM);
    Fn.ExternAbi = U.LC.AddressTaken.count(F->getCanonicalDecl()) != 0;
    Merger.addInline(std::move(Fn));
  }
  // The call-site specialisations emitted functions call, transitively.
  std::vector<std::string> Pending;
  for (const FunctionDecl *F : U.Emitted)
    Pending.insert(Pending.end(), U.SpecialisationsOf[F].begin(),
                   U.SpecialisationsOf[F].end());
  std::set<std::string> Called;
  while (!Pending.empty()) {
    std::string Name = Pending.back();
    Pending.pop_back();
    if (!Called.insert(Name).second)
      continue;
    const auto &Calls = U.LC.Specialisations.at(Name).Calls;
    Pending.insert(Pending.end(), Calls.begin(), Calls.end());
  }
  for (auto &[Name, S] : U.LC.Specialisations) {
    if (!S.Fn || !Called.count(Name))
      continue;
    ir::Function Fn = std::move(*S.Fn);
    Fn.FnRole = ir::Function::Role::Inline;
    Fn.Loc = describeLocation(S.Of->getLocation(), U.SM);
    Merger.addInline(std::move(Fn));
  }
  for (const ir::RecordDef &R : U.Types.records())
    Merger.addRecord(R);
  for (const ir::OpaqueLayout &L : U.Types.opaqueLayouts())
    Merger.addOpaqueLayout(L);
  for (auto &[Name, F] : U.LC.ExternFns)
    Merger.addExternFn(F);
  for (auto &[Name, F] : U.LC.BindingsFns)
    Merger.addBindingsFn(F);
  Merger.setArch(U.LC.Asm ? U.LC.Asm->arch() : ir::Arch::Other);
  for (auto &[Name, S] : U.LC.ExternStatics)
    Merger.addExternStatic(S);
}

void TranslationUnitLowering::configureContext(UnitState &U) {
  LoweringContext &LC = U.LC;
  configureLowering(LC, Opts, Inventory.get());
  for (const FunctionDecl *F : U.Closure.inlines())
    LC.Inlines.insert(F->getCanonicalDecl());
  for (const Helper &H : U.Helpers)
    LC.Helpers[H.Decl->getCanonicalDecl()] = helperRustName(H);
  for (const FunctionDecl *F : U.Closure.addressTaken())
    LC.AddressTaken.insert(F->getCanonicalDecl());
}

// Lowers every function once, noting which closure functions each
// translation really reaches.
void TranslationUnitLowering::lowerFunctions(UnitState &U) {
  U.All = UnitState::roots(U.Helpers);
  U.All.insert(U.All.end(), U.Closure.inlines().begin(),
               U.Closure.inlines().end());
  for (const FunctionDecl *F : U.All) {
    FunctionLowering FL(U.LC, F);
    U.Lowered.emplace(F, FL.run());
    U.Reaches[F] = FL.reached();
    U.NotesOf[F] = FL.notes();
    U.ShimsOf[F] = FL.shims();
    U.SpecialisationsOf[F] = FL.specialisationsCalled();
    if (FL.returnAddressUse().isValid())
      U.ReturnAddressUses[F] = FL.returnAddressUse();
  }
  // A function called through a pointer is not inlined into its caller: a
  // `_RET_IP_` in it, or in what is inlined into it, would be an address in
  // itself where C's is its caller's.
  for (const FunctionDecl *F : U.All) {
    if (!U.LC.AddressTaken.count(F->getCanonicalDecl()) || U.failure(F))
      continue;
    std::vector<const FunctionDecl *> Reach = reachable(U, F);
    Reach.push_back(F);
    for (const FunctionDecl *G : Reach)
      if (auto It = U.ReturnAddressUses.find(G);
          It != U.ReturnAddressUses.end()) {
        U.Lowered.at(F) = LoweringFailure{
            "return-address-not-inlined",
            "'__builtin_return_address' in '" + G->getNameAsString() +
                "', reached by '" + F->getNameAsString() +
                "', whose address is taken: called through a pointer, it is "
                "not inlined into its caller",
            It->second};
        break;
      }
  }
}

// Depth-first over what translations reach; a rejected function reaches
// nothing further (its own failure is the reason).
std::vector<const FunctionDecl *>
TranslationUnitLowering::reachable(UnitState &U, const FunctionDecl *Root) {
  std::vector<const FunctionDecl *> Result;
  std::set<const FunctionDecl *> Seen{Root};
  std::vector<const FunctionDecl *> Stack{Root};
  while (!Stack.empty()) {
    const FunctionDecl *G = Stack.back();
    Stack.pop_back();
    if (G != Root)
      Result.push_back(G);
    if (U.failure(G))
      continue;
    const auto &Next = U.Reaches[G];
    std::vector<const FunctionDecl *> Ordered;
    for (const FunctionDecl *C : U.Closure.callees(G))
      if (Next.count(C))
        Ordered.push_back(C);
    // What a call-site specialisation of a callee reaches, in closure order.
    if (Ordered.size() < Next.size())
      for (const FunctionDecl *C : U.Closure.inlines())
        if (Next.count(C) &&
            std::find(Ordered.begin(), Ordered.end(), C) == Ordered.end())
          Ordered.push_back(C);
    for (auto It = Ordered.rbegin(); It != Ordered.rend(); ++It)
      if (Seen.insert(*It).second)
        Stack.push_back(*It);
  }
  return Result;
}

void TranslationUnitLowering::recordFunctions(UnitState &U) {
  for (const FunctionDecl *F : U.All) {
    ir::FunctionRecord R;
    R.Name = F->getNameAsString();
    R.Loc = describeLocation(F->getLocation(), U.SM);
    R.CSource = sourceText(F->getSourceRange(), U.SM, U.Ctx.getLangOpts());
    if (const LoweringFailure *LF = U.failure(F))
      R.Reasons.push_back(reason(*LF, F, U.Ctx));
    R.Translated = R.Reasons.empty();
    for (const LoweringFailure &N : U.NotesOf[F])
      R.Notes.push_back(reason(N, F, U.Ctx));
    for (const LoweringFailure &N : U.ShimsOf[F])
      R.Shims.push_back(reason(N, F, U.Ctx));
    for (const FunctionDecl *C : U.Closure.callees(F))
      if (!R.Translated || U.Reaches[F].count(C))
        R.Callees.push_back(C->getNameAsString());
    Merger.addFunctionRecord(std::move(R));
  }
}

// A helper's status: translated if it and everything it reaches lowered
// (its translation then goes to the merger), else a fallback declaration.
ir::HelperRecord TranslationUnitLowering::lowerHelper(UnitState &U,
                                                      const Helper &H) {
  ir::HelperRecord Rec;
  Rec.Name = H.Decl->getNameAsString();
  Rec.RustName = helperRustName(H);
  Rec.Loc = describeLocation(H.Decl->getLocation(), U.SM);
  Rec.Sig = signature(H.Decl, U.Types);
  std::vector<const FunctionDecl *> Reach = reachable(U, H.Decl);
  std::vector<const FunctionDecl *> Members{H.Decl};
  Members.insert(Members.end(), Reach.begin(), Reach.end());
  for (const FunctionDecl *F : Reach)
    Rec.Closure.push_back(F->getNameAsString());
  for (const FunctionDecl *F : Members) {
    for (const LoweringFailure &N : U.NotesOf[F])
      Rec.Notes.push_back(reason(N, F, U.Ctx));
    for (const LoweringFailure &N : U.ShimsOf[F])
      Rec.Shims.push_back(reason(N, F, U.Ctx));
    if (const LoweringFailure *LF = U.failure(F)) {
      Rec.Reasons.push_back(reason(*LF, F, U.Ctx));
    } else if (F != H.Decl) {
      const auto &Fn = std::get<ir::Function>(U.Lowered.at(F));
      if (!Merger.canAddInline(ir::rustIdent(Fn.CName),
                               describeLocation(F->getLocation(), U.SM)))
        Rec.Reasons.push_back(
            reason({"inline-name-conflict",
                    "another input defines a different '" + Fn.CName + "'",
                    F->getLocation()},
                   F, U.Ctx));
    }
  }
  std::vector<UnreviewedChange> Unreviewed;
  if (Macros && Rec.Reasons.empty())
    Unreviewed = macroChanges(U, Members, Rec);
  // The second parse decides such a helper, whatever else differs here.
  if (!IsSecond && Rec.Reasons.empty() && deferToSecondParse(U, Rec))
    return Rec;
  for (const UnreviewedChange &C : Unreviewed)
    unreviewedChange(U, H.Decl, C, Rec);
  if (IsSecond) {
    const std::vector<ir::MacroChange> &First = Second.Helpers.at(Rec.Name);
    Rec.MacroChanges.insert(Rec.MacroChanges.begin(), First.begin(),
                            First.end());
  }
  Rec.St = !Rec.Reasons.empty() ? ir::HelperRecord::Status::Fallback
           : Rec.Shims.empty()  ? ir::HelperRecord::Status::Translated
                                : ir::HelperRecord::Status::Shimmed;
  if (Rec.St != ir::HelperRecord::Status::Fallback) {
    ir::Function Fn = std::move(std::get<ir::Function>(U.Lowered.at(H.Decl)));
    Fn.FnRole = ir::Function::Role::Helper;
    Fn.RustName = Rec.RustName;
    Fn.Loc = Rec.Loc;
    // bindgen declares helpers `extern "C"`, and the kernel stores some as
    // `unsafe extern "C" fn` pointers; direct calls still inline.
    Fn.ExternAbi = true;
    Fn.NoMangle = Opts.ExportCAbi;
    Merger.addHelper(std::move(Fn));
    U.Emitted.insert(H.Decl);
    U.Emitted.insert(Reach.begin(), Reach.end());
    return Rec;
  }
  // Declared in both export forms: translated helpers may call it.
  try {
    ir::FallbackDecl D;
    D.CName = Rec.Name;
    D.RustName = Rec.RustName;
    D.Signature = U.LC.externSignature(H.Decl);
    Out.Module.Fallbacks.push_back(std::move(D));
  } catch (LoweringFailure &F) {
    // Its signature has no Rust form either: the report says why.
    F.Loc = H.Decl->getLocation();
    F.Message = "no Rust declaration for the fallback: " + F.Message;
    Rec.Reasons.push_back(reason(F, H.Decl, U.Ctx));
  }
  return Rec;
}

// Puts helper Rec aside for the second parse if a change it reaches is to be
// parsed as helpers.o compiles it; its record stands until then.
bool TranslationUnitLowering::deferToSecondParse(UnitState &U,
                                                 const ir::HelperRecord &Rec) {
  std::vector<ir::MacroChange> Found;
  for (const ir::MacroChange &C : Rec.MacroChanges)
    if (C.Res == Resolution::ParsedAsCompiled)
      Found.push_back(C);
  if (Found.empty())
    return false;
  for (const ir::MacroChange &C : Found)
    Second.Macros.insert(C.Chain.front());
  Second.Helpers[Rec.Name] = std::move(Found);
  Second.Files.insert(Second.Parsing);
  Merger.reserveHelper(Rec.Name);
  return true;
}

// The macro differences that change what a helper reaches (Members): a
// reviewed one is recorded in Rec; the others are returned.
std::vector<TranslationUnitLowering::UnreviewedChange>
TranslationUnitLowering::macroChanges(
    UnitState &U, const std::vector<const FunctionDecl *> &Members,
    ir::HelperRecord &Rec) {
  std::vector<UnreviewedChange> Unreviewed;
  for (const FunctionDecl *F : Members)
    for (const MacroInfluencePath &P : Macros->influences(F)) {
      // A second parse has helpers.o's definitions of what it was for.
      std::optional<ir::MacroChange> C = reviewedDifference(P.Chain);
      if (C && !(IsSecond && C->Res == Resolution::ParsedAsCompiled)) {
        C->Function = F->getNameAsString();
        C->Loc = describeLocation(P.Loc, U.SM);
        Rec.MacroChanges.push_back(std::move(*C));
      } else {
        Unreviewed.push_back({F, P});
      }
    }
  return Unreviewed;
}

// A difference not reviewed would make the translation of Helper mean
// something helpers.o does not, so the helper stays in C (a reason, and a
// warning that says so), or, with --macro-differences=error, it is an error.
void TranslationUnitLowering::unreviewedChange(UnitState &U,
                                               const FunctionDecl *Helper,
                                               const UnreviewedChange &C,
                                               ir::HelperRecord &Rec) {
  const MacroInfluencePath &P = C.Path;
  std::string Chain;
  for (const std::string &M : P.Chain)
    Chain += (Chain.empty() ? "'" : " -> '") + M + "'";
  std::string What = "helpers.o's compile and this parse predefine '" +
                     P.Chain.front() + "' differently, which changes '" +
                     C.Function->getNameAsString() + "' (" + Chain + ")";
  if (!Opts.MacroDifferencesAreErrors) {
    Rec.Reasons.push_back(
        reason({"compile-macro-difference", What, P.Loc}, C.Function, U.Ctx));
    llvm::errs() << Rec.Reasons.back().Loc.str() << ": warning: '"
                 << Helper->getName() << "' left to C: " << What << "\n";
    return;
  }
  DiagnosticsEngine &Diags = U.Ctx.getDiagnostics();
  unsigned Id = Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                      "'%0' reaches '%1', which %2");
  Diags.Report(P.Loc, Id) << Helper->getName() << C.Function->getName()
                          << ("helpers.o's compile and this parse read "
                              "differently: they predefine '" +
                              P.Chain.front() + "' differently (" + Chain +
                              ")");
  unsigned Step =
      Diags.getCustomDiagID(DiagnosticsEngine::Note,
                            "'%0' is defined here under a condition on '%1'");
  for (size_t I = 1; I < P.Chain.size(); ++I)
    Diags.Report(P.Defined[I], Step) << P.Chain[I] << P.Chain[I - 1];
}

} // namespace h2r::frontend
