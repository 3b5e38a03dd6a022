// Boolean round trips C forces on the lowering: `!!b`, `(b as i32) != 0`,
// `!(a == b)` (clippy::nonminimal_bool, clippy::bool_comparison), and
// `a && true` / `a || false` where a constant decided the right operand.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool isBoolExpr(const Expr &E) { return E.Ty && E.Ty->isBool(); }

bool isEquality(BinaryOp Op) {
  return Op == BinaryOp::Eq || Op == BinaryOp::Ne;
}

bool isZero(const Expr &E) {
  return E.Kind == ExprKind::IntLit && E.IntValue == 0;
}

bool isNot(const Expr &E) {
  return E.Kind == ExprKind::Unary && E.UOp == UnaryOp::Not && isBoolExpr(E);
}

// `b as iN` for a bool b.
bool isBoolAsInt(const Expr &E) {
  return E.Kind == ExprKind::Cast && E.Ty->isInt() && isBoolExpr(*E.Ops[0]);
}

ExprPtr negate(ExprPtr E);

// One rewrite at the root of E; its operands are already folded.
ExprPtr fold(ExprPtr E) {
  if (isNot(*E)) {
    return negate(std::move(E->Ops[0]));
  }
  if (E->Kind == ExprKind::Binary &&
      (E->BOp == BinaryOp::And || E->BOp == BinaryOp::Or) &&
      E->Ops[1]->Kind == ExprKind::BoolLit &&
      E->Ops[1]->IntValue == (E->BOp == BinaryOp::And ? 1u : 0u))
    return std::move(E->Ops[0]);
  if (E->Kind == ExprKind::Binary && isEquality(E->BOp)) {
    Expr &L = *E->Ops[0], &R = *E->Ops[1];
    if (isBoolAsInt(L) && isZero(R)) {
      ExprPtr B = std::move(L.Ops[0]);
      return E->BOp == BinaryOp::Ne ? std::move(B) : negate(std::move(B));
    }
    // `{ s; v } != 0` is `{ s; v != 0 }`, where `v` may fold further.
    if (L.Kind == ExprKind::Block && L.Label.empty() && !L.Unsafe &&
        L.Ops.size() == 1 && L.Ops[0] && isZero(R)) {
      ExprPtr Block = std::move(E->Ops[0]);
      Block->Ops[0] = fold(makeBinary(E->BOp, std::move(Block->Ops[0]),
                                      std::move(E->Ops[1]), E->Ty));
      Block->Ty = E->Ty;
      return Block;
    }
  }
  return E;
}

// `!E`, folded: `!!b` is `b`, `!(a == b)` is `a != b`.
ExprPtr negate(ExprPtr E) {
  if (isNot(*E))
    return std::move(E->Ops[0]);
  if (E->Kind == ExprKind::Binary && isEquality(E->BOp)) {
    E->BOp = E->BOp == BinaryOp::Eq ? BinaryOp::Ne : BinaryOp::Eq;
    return E;
  }
  // `!f.is_some()` is `f.is_none()` (function pointers tested in C).
  if (E->Kind == ExprKind::Method && (E->Name == "is_some" || E->Name == "is_none")) {
    E->Name = E->Name == "is_some" ? "is_none" : "is_some";
    return E;
  }
  return makeUnary(UnaryOp::Not, std::move(E), Type::boolean());
}

void rewrite(ExprPtr &E) {
  forEachChild(*E, [](ExprPtr &C) { rewrite(C); });
  E = fold(std::move(E));
}

} // namespace

void foldBools(Function &F) { rewrite(F.Body); }

} // namespace h2r::ir
