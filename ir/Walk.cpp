//===- ir/Walk.cpp - Shared traversal of the IR ----------------------===//

#include "ir/Walk.h"

namespace h2r::ir {

namespace {

void visitChildren(Expr &E, bool StaticInits,
                   const std::function<void(ExprPtr &)> &F) {
  for (auto &Op : E.Ops)
    if (Op)
      F(Op);
  for (auto &S : E.Stmts) {
    if (S.E)
      F(S.E);
    if (S.Item.Init && StaticInits)
      F(S.Item.Init);
  }
  for (auto &A : E.Arms)
    F(A.Body);
}

} // namespace

void forEachChild(Expr &E, const std::function<void(ExprPtr &)> &F) {
  visitChildren(E, /*StaticInits=*/true, F);
}

void forEachRunningChild(const Expr &E,
                         const std::function<void(const Expr &)> &F) {
  visitChildren(const_cast<Expr &>(E), /*StaticInits=*/false,
                [&](ExprPtr &C) { F(static_cast<const Expr &>(*C)); });
}

void forEachChild(const Expr &E, const std::function<void(const Expr &)> &F) {
  forEachChild(const_cast<Expr &>(E),
               [&](ExprPtr &C) { F(static_cast<const Expr &>(*C)); });
}

bool isLoop(const Expr &E) {
  return E.Kind == ExprKind::Loop || E.Kind == ExprKind::While;
}

bool breaksTo(const Expr &Body, const std::string &Label, bool IsLoop,
              bool InNestedLoop) {
  if (Body.Kind == ExprKind::Break) {
    if (!Body.Label.empty() ? Body.Label == Label : IsLoop && !InNestedLoop)
      return true;
  }
  bool Found = false;
  bool Nested = InNestedLoop || isLoop(Body);
  forEachChild(Body, [&](const Expr &C) {
    Found = Found || breaksTo(C, Label, IsLoop, Nested);
  });
  return Found;
}

bool continuesTo(const Expr &Body, const std::string &Label,
                 bool InNestedLoop) {
  if (Body.Kind == ExprKind::Continue &&
      (!Body.Label.empty() ? Body.Label == Label : !InNestedLoop))
    return true;
  bool Found = false;
  bool Nested = InNestedLoop || isLoop(Body);
  forEachChild(Body, [&](const Expr &C) {
    Found = Found || continuesTo(C, Label, Nested);
  });
  return Found;
}

bool mentionsLocal(const Expr &E, LocalId L) {
  if (E.Kind == ExprKind::Local && E.Local == L)
    return true;
  bool Found = false;
  forEachChild(E, [&](const Expr &C) { Found = Found || mentionsLocal(C, L); });
  return Found;
}

const Expr &withoutCasts(const Expr &E) {
  const Expr *P = &E;
  while (P->Kind == ExprKind::Cast)
    P = P->Ops[0].get();
  return *P;
}

void forEachLocalStore(
    const Expr &E, const std::function<void(LocalId, const Expr *)> &Store) {
  if (E.Kind == ExprKind::Block)
    for (const Stmt &S : E.Stmts)
      if (S.K == Stmt::Kind::Let && S.E)
        Store(S.Local, S.E.get());
  if (E.Kind == ExprKind::Assign && E.Ops[0]->Kind == ExprKind::Local)
    Store(E.Ops[0]->Local, E.Ops[1].get());
  if (E.Kind == ExprKind::AddrOf && E.Mutable &&
      E.Ops[0]->Kind == ExprKind::Local)
    Store(E.Ops[0]->Local, nullptr);
  if (E.Kind == ExprKind::Asm)
    for (const AsmOperand &Op : E.AsmOps)
      if (isOutput(Op.Dir) && Op.Out >= 0 &&
          E.Ops[Op.Out]->Kind == ExprKind::Local)
        Store(E.Ops[Op.Out]->Local, nullptr);
  forEachChild(E, [&](const Expr &C) { forEachLocalStore(C, Store); });
}

} // namespace h2r::ir
