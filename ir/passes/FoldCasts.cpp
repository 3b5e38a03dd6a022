// Chains of integer casts (`x as u64 as usize as u64`) and casts to the type
// a value already has (clippy::unnecessary_cast) collapse to the one cast
// that computes the same bits.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

// Is `X as Mid as To` the same value as `X as To`? X, Mid and To are
// integers (X may be a bool).
bool intChainFolds(const Type &X, const Type &Mid, const Type &To) {
  if (X.isBool())
    return true; // 0 or 1 in any integer
  unsigned N = X.bits(), M = Mid.bits(), K = To.bits();
  if (K <= M)
    return true; // the low K bits are X's either way
  if (M < N)
    return false; // truncated, then extended
  // Widened twice: the second extension must fill as the first would.
  return Mid.isSigned() == X.isSigned() || (M > N && !X.isSigned());
}

bool chainFolds(const Type &X, const Type &Mid, const Type &To) {
  if (Mid.isInt() && To.isInt()) {
    if (X.isInt() || X.isBool())
      return intChainFolds(X, Mid, To);
    // A pointer as a full-width integer, then narrower or as wide.
    return X.isPointer() && Mid.bits() == 64 && To.bits() <= 64;
  }
  // `p as *mut A as usize` is `p as usize`.
  return X.isPointer() && Mid.isPointer() && To.isInt();
}

void rewrite(ExprPtr &E) {
  forEachChild(*E, [](ExprPtr &C) { rewrite(C); });
  if (E->Kind != ExprKind::Cast)
    return;
  Expr &Inner = *E->Ops[0];
  if (Inner.Kind == ExprKind::Cast && Inner.Ops[0]->Ty &&
      chainFolds(*Inner.Ops[0]->Ty, *Inner.Ty, *E->Ty))
    E->Ops[0] = std::move(Inner.Ops[0]);
  if (sameType(E->Ops[0]->Ty, E->Ty) && E->Ty->isInt())
    E = std::move(E->Ops[0]);
}

} // namespace

void foldCasts(Function &F) { rewrite(F.Body); }

} // namespace h2r::ir
