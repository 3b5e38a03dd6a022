//===- SectionLowering.cpp - switch and goto as sections ------------------===//
//
// A switch with fallthrough, and a compound statement with goto labels, are
// split into sections; nested labelled blocks `'s2: { 's1: { S0 } S1 } S2`
// let `break 's<k>` enter section k, so fallthrough is just falling out of a
// block. A goto that jumps backwards also needs a dispatch loop around the
// sections, entered through `match state`.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "ir/Passes.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

// One switch section: its case values and its statements.
struct SwitchSection {
  std::vector<std::pair<uint64_t, uint64_t>> Values;
  bool IsDefault = false;
  std::vector<const clang::Stmt *> Stmts;
};

namespace {

bool endsSection(const clang::Stmt *S) {
  for (;;) {
    if (const auto *AS = dyn_cast_or_null<AttributedStmt>(S))
      S = AS->getSubStmt();
    else if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S);
             CS && !CS->body_empty())
      S = CS->body_back(); // `case 1: { ...; break; }`
    else
      break;
  }
  return isa_and_nonnull<BreakStmt>(S) || isa_and_nonnull<ReturnStmt>(S) ||
         isa_and_nonnull<ContinueStmt>(S) || isa_and_nonnull<GotoStmt>(S);
}

} // namespace

std::vector<SwitchSection>
SectionLowering::switchSections(const SwitchStmt *S,
                                std::vector<const clang::Stmt *> &Prelude) {
  std::vector<const clang::Stmt *> Top;
  if (const auto *CS = dyn_cast<CompoundStmt>(S->getBody()))
    Top.assign(CS->body_begin(), CS->body_end());
  else
    Top.push_back(S->getBody());

  std::vector<SwitchSection> Sections;
  for (const clang::Stmt *X : Top) {
    bool Labelled = false;
    while (isa<SwitchCase>(X)) {
      if (!Labelled && (Sections.empty() || !Sections.back().Stmts.empty()))
        Sections.emplace_back();
      Labelled = true;
      SwitchSection &Sec = Sections.back();
      if (const auto *CaseS = dyn_cast<CaseStmt>(X)) {
        uint64_t Lo = CaseS->getLHS()->EvaluateKnownConstInt(Ctx).getExtValue();
        uint64_t Hi = CaseS->getRHS()
                          ? CaseS->getRHS()->EvaluateKnownConstInt(Ctx).getExtValue()
                          : Lo;
        Sec.Values.push_back({Lo, Hi});
        X = CaseS->getSubStmt();
      } else {
        Sec.IsDefault = true;
        X = cast<DefaultStmt>(X)->getSubStmt();
      }
    }
    if (Sections.empty())
      Prelude.push_back(X);
    else
      Sections.back().Stmts.push_back(X);
  }
  for (const clang::Stmt *P : Prelude)
    if (!isa<DeclStmt>(P) && !isa<NullStmt>(P))
      reject(P, "unsupported-statement",
             "statement before the first case label of a switch");
  // Case labels must start sections; deeper ones (Duff's device) cannot be
  // entered from a match.
  for (const SwitchSection &Sec : Sections)
    for (const clang::Stmt *X : Sec.Stmts)
      forEachSubStmt(X, [&](const clang::Stmt *Sub) {
        if (isa<SwitchStmt>(Sub))
          return; // its own cases are its own
        if (isa<SwitchCase>(Sub) && S->getSwitchCaseList())
          for (const SwitchCase *SC = S->getSwitchCaseList(); SC;
               SC = SC->getNextSwitchCase())
            if (SC == Sub)
              reject(Sub, "switch-case-nested",
                     "case label nested inside another statement");
      });
  return Sections;
}

void SectionLowering::switchStmt(const SwitchStmt *S,
                                 std::vector<ir::Stmt> &Out) {
  if (S->getInit() || S->getConditionVariable())
    reject(S, "unsupported-statement", "switch with a declaration");
  ExprPtr Scrutinee = Exprs.rvalue(S->getCond());
  std::vector<const clang::Stmt *> Prelude;
  std::vector<SwitchSection> Sections = switchSections(S, Prelude);

  std::vector<const clang::Stmt *> AllStmts = Prelude;
  for (const SwitchSection &Sec : Sections)
    AllStmts.insert(AllStmts.end(), Sec.Stmts.begin(), Sec.Stmts.end());
  if (Sections.size() > 1)
    Stmts.hoistDeclarations(AllStmts, Out);

  std::string SwLabel = freshLabel("switch");
  Scope.Jumps.push_back({SwLabel, "", false, Scope.CleanupScopes.size()});
  ExprPtr Block;
  if (Scrutinee->Kind == ExprKind::IntLit) {
    Block = constantSwitch(*Scrutinee, Sections);
  } else {
    bool Fallthrough = false;
    for (size_t I = 0; I + 1 < Sections.size(); ++I)
      Fallthrough |= Sections[I].Stmts.empty() ||
                     !endsSection(Sections[I].Stmts.back());
    auto Match = std::make_unique<ir::Expr>(ExprKind::Match, Type::unit());
    Match->Ops.push_back(std::move(Scrutinee));
    Block = Fallthrough ? fallthroughSwitch(std::move(Match), Sections, SwLabel)
                        : matchSwitch(std::move(Match), Sections);
  }
  Scope.Jumps.pop_back();
  Block->Label = SwLabel;
  Out.push_back(ir::Stmt::expr(std::move(Block)));
}

// A constant scrutinee (`switch (sizeof(*p))`) runs one section and those
// it falls into; the rest is dead in every build, as with a constant if.
ExprPtr SectionLowering::constantSwitch(const ir::Expr &Scrutinee,
                                        const std::vector<SwitchSection> &Sections) {
  const TypeRef &CondTy = Scrutinee.Ty;
  int64_t V = CondTy->isSigned()
                  ? signedValue(Scrutinee.IntValue, CondTy->bits())
                  : static_cast<int64_t>(Scrutinee.IntValue);
  int Start = -1, Default = -1;
  for (size_t I = 0; I < Sections.size(); ++I) {
    if (Sections[I].IsDefault)
      Default = static_cast<int>(I);
    for (const auto &[Lo, Hi] : Sections[I].Values)
      if (static_cast<int64_t>(Lo) <= V && V <= static_cast<int64_t>(Hi))
        Start = static_cast<int>(I);
  }
  if (Start < 0)
    Start = Default;
  std::vector<ir::Stmt> Body;
  for (size_t I = Start < 0 ? Sections.size() : Start; I < Sections.size();
       ++I) {
    for (const clang::Stmt *X : Sections[I].Stmts)
      Stmts.stmt(X, Body);
    if (!Sections[I].Stmts.empty() && endsSection(Sections[I].Stmts.back()))
      break;
  }
  return ir::makeBlock(std::move(Body), nullptr, Type::unit());
}

// Every section ends in a jump: one match arm per section.
ExprPtr SectionLowering::matchSwitch(ExprPtr Match,
                                     const std::vector<SwitchSection> &Sections) {
  ir::MatchArm Default;
  bool HasDefault = false;
  for (const SwitchSection &Sec : Sections) {
    std::vector<ir::Stmt> Body;
    size_t N = Sec.Stmts.size();
    if (N && isa<BreakStmt>(Sec.Stmts.back()))
      --N;
    for (size_t I = 0; I < N; ++I)
      Stmts.stmt(Sec.Stmts[I], Body);
    ir::MatchArm Arm{Sec.Values,
                     ir::makeBlock(std::move(Body), nullptr, Type::unit())};
    if (Sec.IsDefault) {
      Arm.Patterns.clear();
      Default = std::move(Arm);
      HasDefault = true;
    } else {
      Match->Arms.push_back(std::move(Arm));
    }
  }
  if (!HasDefault)
    Default.Body = ir::makeBlock({}, nullptr, Type::unit());
  Match->Arms.push_back(std::move(Default));
  std::vector<ir::Stmt> Wrapper;
  Wrapper.push_back(ir::Stmt::expr(std::move(Match)));
  return ir::makeBlock(std::move(Wrapper), nullptr, Type::unit());
}

// Fallthrough: the match only picks the section to start in.
ExprPtr
SectionLowering::fallthroughSwitch(ExprPtr Match,
                                   const std::vector<SwitchSection> &Sections,
                                   const std::string &SwLabel) {
  std::vector<std::string> Entry;
  for (size_t I = 0; I < Sections.size(); ++I)
    Entry.push_back(freshLabel("case"));
  std::string DefaultTarget = SwLabel;
  for (size_t I = 0; I < Sections.size(); ++I) {
    if (Sections[I].IsDefault) {
      DefaultTarget = Entry[I];
      continue;
    }
    Match->Arms.push_back(
        {Sections[I].Values,
         ir::makeBlock({}, ir::makeBreak(Entry[I]), Type::never())});
  }
  Match->Arms.push_back(
      {{}, ir::makeBlock({}, ir::makeBreak(DefaultTarget), Type::never())});

  std::vector<ir::Stmt> Current;
  Current.push_back(ir::Stmt::expr(std::move(Match)));
  for (size_t I = 0; I < Sections.size(); ++I) {
    ExprPtr Block = ir::makeBlock(std::move(Current), nullptr, Type::unit());
    Block->Label = Entry[I];
    Current.clear();
    Current.push_back(ir::Stmt::expr(std::move(Block)));
    for (const clang::Stmt *X : Sections[I].Stmts)
      Stmts.stmt(X, Current);
  }
  return ir::makeBlock(std::move(Current), nullptr, Type::unit());
}

namespace {

using LabelSections = std::vector<std::vector<const clang::Stmt *>>;

// A compound statement's sections, split at its top-level labels, with the
// section of each label in R and the first label's name of each section.
LabelSections splitAtLabels(const CompoundStmt *CS, GotoRegion &R,
                       std::vector<std::string> &FirstLabelName) {
  LabelSections Split(1);
  FirstLabelName.resize(1);
  for (const clang::Stmt *S : CS->body()) {
    if (isa<LabelStmt>(S)) {
      Split.emplace_back();
      FirstLabelName.push_back(cast<LabelStmt>(S)->getName());
      while (const auto *LS = dyn_cast<LabelStmt>(S)) {
        R.SectionOf[LS->getDecl()] = Split.size() - 1;
        S = LS->getSubStmt();
      }
    }
    Split.back().push_back(S);
  }
  return Split;
}

// A goto from section k to a label in a section <= k jumps backwards.
std::set<unsigned> backwardTargets(const LabelSections &Split, const GotoRegion &R) {
  std::set<unsigned> Targets;
  for (size_t K = 0; K < Split.size(); ++K)
    for (const clang::Stmt *S : Split[K])
      forEachSubStmt(S, [&](const clang::Stmt *Sub) {
        if (const auto *GS = dyn_cast<GotoStmt>(Sub)) {
          auto It = R.SectionOf.find(GS->getLabel());
          if (It != R.SectionOf.end() && It->second <= K)
            Targets.insert(It->second);
        }
      });
  return Targets;
}

// The dispatch loop's match: the state's section, else the entry.
ExprPtr dispatchMatch(const GotoRegion &R, const std::set<unsigned> &Targets) {
  TypeRef U32 = Type::integer(32, false);
  auto Match = std::make_unique<ir::Expr>(ExprKind::Match, Type::unit());
  Match->Ops.push_back(ir::makeLocal(R.State, U32));
  for (unsigned K : Targets)
    if (K > 0)
      Match->Arms.push_back(
          {{{K, K}},
           ir::makeBlock({}, ir::makeBreak(R.SectionLabels[K]), Type::never())});
  Match->Arms.push_back(
      {{}, ir::makeBlock({}, ir::makeBreak(R.SectionLabels[0]), Type::never())});
  return Match;
}

} // namespace

void SectionLowering::gotoRegion(const CompoundStmt *CS,
                                 std::vector<ir::Stmt> &Out) {
  GotoRegion R;
  std::vector<std::string> FirstLabelName;
  LabelSections Split = splitAtLabels(CS, R, FirstLabelName);
  std::set<unsigned> BackwardTargets = backwardTargets(Split, R);
  bool Backward = !BackwardTargets.empty();

  std::vector<const clang::Stmt *> Hoist;
  for (size_t K = 0; K + 1 < Split.size(); ++K)
    Hoist.insert(Hoist.end(), Split[K].begin(), Split[K].end());
  Stmts.hoistDeclarations(Hoist, Out);

  R.SectionLabels.resize(Split.size());
  for (size_t K = 1; K < Split.size(); ++K)
    R.SectionLabels[K] = freshLabel(ir::rustIdent(FirstLabelName[K]));
  std::vector<ir::Stmt> Current;
  if (Backward) {
    R.LoopLabel = freshLabel("dispatch");
    R.SectionLabels[0] = freshLabel("entry");
    R.State = addLocal("__goto", Type::integer(32, false));
    Out.push_back(
        ir::Stmt::let(R.State, ir::makeInt(0, Type::integer(32, false))));
    Current.push_back(ir::Stmt::expr(dispatchMatch(R, BackwardTargets)));
  }

  Scope.Regions.push_back(std::move(R));
  for (size_t K = 0; K < Split.size(); ++K) {
    Scope.Regions.back().CurrentSection = static_cast<unsigned>(K);
    if (!Scope.Regions.back().SectionLabels[K].empty()) {
      ExprPtr Block = ir::makeBlock(std::move(Current), nullptr, Type::unit());
      Block->Label = Scope.Regions.back().SectionLabels[K];
      Current.clear();
      Current.push_back(ir::Stmt::expr(std::move(Block)));
    }
    for (const clang::Stmt *S : Split[K])
      Stmts.stmt(S, Current);
  }
  GotoRegion Done = std::move(Scope.Regions.back());
  Scope.Regions.pop_back();

  if (!Backward) {
    for (auto &S : Current)
      Out.push_back(std::move(S));
    return;
  }
  Current.push_back(ir::Stmt::expr(ir::makeBreak(Done.LoopLabel)));
  auto Loop = std::make_unique<ir::Expr>(ExprKind::Loop, Type::unit());
  Loop->Label = Done.LoopLabel;
  Loop->Ops.push_back(ir::makeBlock(std::move(Current), nullptr, Type::unit()));
  Out.push_back(ir::Stmt::expr(std::move(Loop)));
}

void SectionLowering::gotoStmt(const LabelDecl *Target, const clang::Stmt *S,
                               std::vector<ir::Stmt> &Out) {
  for (const auto &Scope : Scope.CleanupScopes)
    if (!Scope.empty())
      reject(S, "cleanup-attribute", "goto while a cleanup variable is live");
  for (auto It = Scope.Regions.rbegin(); It != Scope.Regions.rend(); ++It) {
    auto Found = It->SectionOf.find(Target);
    if (Found == It->SectionOf.end())
      continue;
    unsigned To = Found->second;
    if (To > It->CurrentSection) {
      Out.push_back(ir::Stmt::expr(ir::makeBreak(It->SectionLabels[To])));
      return;
    }
    TypeRef U32 = Type::integer(32, false);
    Out.push_back(ir::Stmt::expr(
        ir::makeAssign(ir::makeLocal(It->State, U32), ir::makeInt(To, U32))));
    Out.push_back(ir::Stmt::expr(ir::makeContinue(It->LoopLabel)));
    return;
  }
  reject(S, "goto-into-block",
         "goto '" + Target->getNameAsString() +
             "' jumps into a block it is not part of");
}

} // namespace h2r::frontend
