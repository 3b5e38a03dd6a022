// `do { ... } while (0)` lowers to a loop whose body ends in `break`: a loop
// that never loops (clippy::never_loop). Without a `continue` to it, it is
// a labelled block, which later passes unlabel and flatten when nothing
// leaves it early.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool isPlainBreakTo(const Stmt &S, const std::string &Label) {
  return S.K == Stmt::Kind::Expr && S.E->Kind == ExprKind::Break &&
         S.E->Ops.empty() && (S.E->Label.empty() || S.E->Label == Label);
}

// Unlabelled breaks out of the loop must name it once it is a block.
void labelBreaks(Expr &E, const std::string &Label) {
  if (E.Kind == ExprKind::Break && E.Label.empty()) {
    E.Label = Label;
    return;
  }
  if (isLoop(E))
    return;
  forEachChild(E, [&](ExprPtr &C) { labelBreaks(*C, Label); });
}

bool neverLoops(const Expr &E) {
  if (E.Kind != ExprKind::Loop || E.Label.empty() || !E.Ty->isUnit())
    return false;
  const Expr &Body = *E.Ops[0];
  if (Body.Kind != ExprKind::Block || !Body.Label.empty() || Body.Unsafe ||
      (!Body.Ops.empty() && Body.Ops[0]) || Body.Stmts.empty() ||
      !isPlainBreakTo(Body.Stmts.back(), E.Label))
    return false;
  return !continuesTo(Body, E.Label);
}

void rewrite(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { rewrite(*C); });
  if (!neverLoops(E))
    return;
  ExprPtr Body = std::move(E.Ops[0]);
  Body->Stmts.pop_back();
  for (Stmt &S : Body->Stmts)
    if (S.E)
      labelBreaks(*S.E, E.Label);
  E.Kind = ExprKind::Block;
  E.Ops.clear();
  E.Stmts = std::move(Body->Stmts);
}

} // namespace

void replaceNeverLoops(Function &F) { rewrite(*F.Body); }

} // namespace h2r::ir
