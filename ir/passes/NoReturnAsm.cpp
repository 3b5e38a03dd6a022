// `asm(...); __builtin_unreachable();` (BUG(), its `ud2` and bug table) says
// control never leaves the asm: Rust says so with `options(noreturn)`. The
// unreachable call goes, and with it the trap rustc would put after it.
#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool isUnreachableCall(const Stmt &S) {
  return S.K == Stmt::Kind::Expr && S.E->Kind == ExprKind::Call &&
         S.E->Sym.Kind == SymbolKind::Core &&
         S.E->Sym.Name == "core::hint::unreachable_unchecked";
}

// Rust allows `noreturn` only on an asm with no outputs and no labels.
bool canBeNoReturn(const Stmt &S) {
  if (S.K != Stmt::Kind::Expr || S.E->Kind != ExprKind::Asm)
    return false;
  for (const AsmOperand &Op : S.E->AsmOps)
    if (isOutput(Op.Dir) || Op.Dir == AsmDir::Label)
      return false;
  return true;
}

void rewrite(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { rewrite(*C); });
  if (E.Kind != ExprKind::Block)
    return;
  for (size_t I = 0; I + 1 < E.Stmts.size(); ++I) {
    if (!canBeNoReturn(E.Stmts[I]) || !isUnreachableCall(E.Stmts[I + 1]))
      continue;
    Expr &Asm = *E.Stmts[I].E;
    Asm.AsmOpts.NoReturn = true;
    Asm.Ty = Type::never();
    E.Stmts.erase(E.Stmts.begin() + I + 1);
  }
}

} // namespace

void markNoReturnAsm(Function &F) { rewrite(*F.Body); }

} // namespace h2r::ir
