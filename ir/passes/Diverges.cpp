#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

bool diverges(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Return:
  case ExprKind::Break:
  case ExprKind::Continue:
    return true;
  case ExprKind::Block: {
    bool D = false;
    for (const auto &S : E.Stmts)
      if (S.E && S.K != Stmt::Kind::Static && diverges(*S.E))
        D = true;
    if (!E.Ops.empty() && E.Ops[0] && diverges(*E.Ops[0]))
      D = true;
    if (D && !E.Label.empty())
      D = !breaksTo(E, E.Label, false);
    return D;
  }
  case ExprKind::If:
    return diverges(*E.Ops[0]) ||
           (E.Ops.size() > 2 && diverges(*E.Ops[1]) && diverges(*E.Ops[2]));
  case ExprKind::Match: {
    if (diverges(*E.Ops[0]))
      return true;
    if (E.Arms.empty())
      return false;
    for (const auto &A : E.Arms)
      if (!diverges(*A.Body))
        return false;
    return true;
  }
  case ExprKind::Loop:
    return !breaksTo(*E.Ops[0], E.Label, true);
  case ExprKind::While:
    return diverges(*E.Ops[0]);
  case ExprKind::Asm:
    // Its label blocks run only if the asm jumps there; a `noreturn` asm
    // (__builtin_trap) diverges.
    return E.Ty && E.Ty->isNever();
  case ExprKind::Binary:
    if (E.BOp == BinaryOp::And || E.BOp == BinaryOp::Or)
      return diverges(*E.Ops[0]);
    break;
  case ExprKind::Call:
  case ExprKind::CallPtr:
    if (E.Ty && E.Ty->isNever())
      return true;
    break;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Path:
  case ExprKind::Unary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Assign:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
    break;
  }
  for (const auto &Op : E.Ops)
    if (Op && diverges(*Op))
      return true;
  return false;
}

} // namespace h2r::ir
