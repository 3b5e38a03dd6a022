// `let x; ...; x = v;` with nothing between reading or writing x is
// `let x = v;` where the value is first known (clippy::needless_late_init).
// Dead-store elimination leaves these behind, and declarations nothing
// mentions, which are dropped.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool isAssignTo(const Stmt &S, LocalId L) {
  return S.K == Stmt::Kind::Expr && S.E->Kind == ExprKind::Assign &&
         S.E->Ops[0]->Kind == ExprKind::Local && S.E->Ops[0]->Local == L &&
         !mentionsLocal(*S.E->Ops[1], L);
}

void mergeIn(Expr &Block) {
  auto &Stmts = Block.Stmts;
  for (size_t I = 0; I < Stmts.size(); ++I) {
    if (Stmts[I].K != Stmt::Kind::Let || Stmts[I].E)
      continue;
    LocalId L = Stmts[I].Local;
    size_t J = I + 1;
    while (J < Stmts.size() && !(Stmts[J].E && mentionsLocal(*Stmts[J].E, L)))
      ++J;
    if (J < Stmts.size() && !isAssignTo(Stmts[J], L))
      continue;
    // The block's value may be what uses it (a final if/else).
    if (J == Stmts.size() && !Block.Ops.empty() && Block.Ops[0] &&
        mentionsLocal(*Block.Ops[0], L))
      continue;
    // Nothing after it mentions the local: the declaration goes too.
    if (J < Stmts.size())
      Stmts[J] = Stmt::let(L, std::move(Stmts[J].E->Ops[1]));
    Stmts.erase(Stmts.begin() + I);
    --I;
  }
}

void rewrite(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { rewrite(*C); });
  if (E.Kind == ExprKind::Block)
    mergeIn(E);
}

} // namespace

void mergeLateLets(Function &F) { rewrite(*F.Body); }

} // namespace h2r::ir
