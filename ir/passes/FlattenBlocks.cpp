#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

static bool isPlainStatementBlock(const Stmt &S) {
  return S.K == Stmt::Kind::Expr && S.E->Kind == ExprKind::Block &&
         S.E->Label.empty() && !S.E->Unsafe &&
         (S.E->Ops.empty() || !S.E->Ops[0]);
}

static void flatten(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { flatten(*C); });
  if (E.Kind != ExprKind::Block)
    return;
  // `'l: { ..; break 'l; }` ends there anyway.
  if (!E.Label.empty() && !E.Stmts.empty() && E.Ops.empty()) {
    const Stmt &Last = E.Stmts.back();
    if (Last.K == Stmt::Kind::Expr && Last.E->Kind == ExprKind::Break &&
        Last.E->Label == E.Label && Last.E->Ops.empty())
      E.Stmts.pop_back();
  }
  std::vector<Stmt> Out;
  for (auto &S : E.Stmts) {
    if (isPlainStatementBlock(S)) {
      for (auto &Inner : S.E->Stmts)
        Out.push_back(std::move(Inner));
      continue;
    }
    Out.push_back(std::move(S));
  }
  E.Stmts = std::move(Out);
  // A plain block as the value: its statements run last anyway, so its
  // names cannot shadow anything that follows.
  if (!E.Ops.empty() && E.Ops[0] && E.Ops[0]->Kind == ExprKind::Block &&
      E.Ops[0]->Label.empty() && !E.Ops[0]->Unsafe) {
    ExprPtr Inner = std::move(E.Ops[0]);
    for (auto &S : Inner->Stmts)
      E.Stmts.push_back(std::move(S));
    E.Ops = std::move(Inner->Ops);
  }
}

void flattenBlocks(Function &F) { flatten(*F.Body); }

} // namespace h2r::ir
