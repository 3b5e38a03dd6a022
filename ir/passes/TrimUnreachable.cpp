#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

static void trim(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { trim(*C); });
  if (E.Kind != ExprKind::Block)
    return;
  for (size_t I = 0; I < E.Stmts.size(); ++I) {
    const Stmt &S = E.Stmts[I];
    if (S.K == Stmt::Kind::Static || !S.E || !diverges(*S.E))
      continue;
    E.Stmts.erase(E.Stmts.begin() + I + 1, E.Stmts.end());
    E.Ops.clear();
    return;
  }
}

void trimUnreachable(Function &F) { trim(*F.Body); }

} // namespace h2r::ir
