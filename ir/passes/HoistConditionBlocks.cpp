// `if { s; c } { .. }` runs s, then tests c: written as `s; if c { .. }`
// (clippy::blocks_in_conditions). Statement-expression macros such as
// WARN_ON() and WARN_ON_ONCE() used as conditions produce these.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool hasStatementsAndValue(const Expr &E) {
  return E.Kind == ExprKind::Block && E.Label.empty() && !E.Unsafe &&
         !E.Stmts.empty() && E.Ops.size() == 1 && E.Ops[0];
}

void rewrite(ExprPtr &E) {
  forEachChild(*E, [](ExprPtr &C) { rewrite(C); });
  if (E->Kind != ExprKind::If || !hasStatementsAndValue(*E->Ops[0]))
    return;
  ExprPtr Cond = std::move(E->Ops[0]);
  E->Ops[0] = std::move(Cond->Ops[0]);
  TypeRef Ty = E->Ty;
  std::vector<Stmt> Stmts = std::move(Cond->Stmts);
  ExprPtr Tail;
  if (Ty->isUnit())
    Stmts.push_back(Stmt::expr(std::move(E)));
  else
    Tail = std::move(E);
  E = makeBlock(std::move(Stmts), std::move(Tail), Ty);
}

} // namespace

void hoistConditionBlocks(Function &F) { rewrite(F.Body); }

} // namespace h2r::ir
