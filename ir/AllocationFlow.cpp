//===- ir/AllocationFlow.cpp - Whether a helper returns an allocation -----===//

#include "ir/AllocationFlow.h"

#include "ir/KernelCalls.h"
#include "ir/Walk.h"

#include <functional>

namespace h2r::ir {

namespace {

// Calls Value on what each `return` in E returns.
void forEachReturn(const Expr &E,
                   const std::function<void(const Expr &)> &Value) {
  if (E.Kind == ExprKind::Return && !E.Ops.empty())
    Value(*E.Ops[0]);
  forEachChild(E, [&](const Expr &C) { forEachReturn(C, Value); });
}

} // namespace

bool AllocationFlow::returnsAllocation(const Function &F, unsigned Depth) {
  // Allocators sit a few inline functions down (alloc_pages_noprof()).
  if (!F.Body || Depth > 8)
    return false;
  bool AllReturns = true;
  forEachReturn(*F.Body, [&](const Expr &Value) {
    AllReturns = AllReturns && allocated(F, Value, Depth);
  });
  return AllReturns && allocated(F, *F.Body, Depth);
}

bool AllocationFlow::allocated(const Function &F, const Expr &E,
                               unsigned Depth) {
  switch (E.Kind) {
  case ExprKind::Call:
    if (const Function *C = Functions.callee(E.Sym))
      return returnsAllocation(*C, Depth + 1);
    return (E.Sym.Kind == SymbolKind::BindingsFn ||
            E.Sym.Kind == SymbolKind::ExternFn) &&
           allocatorOf(E.Sym.Name);
  case ExprKind::Cast:
    return allocated(F, *E.Ops[0], Depth);
  case ExprKind::Block:
    // Without a value, it returns (forEachReturn) or diverges.
    return E.Label.empty() &&
           (E.Ops.empty() || allocated(F, *E.Ops[0], Depth));
  case ExprKind::If:
    return E.Ops.size() == 3 && allocated(F, *E.Ops[1], Depth) &&
           allocated(F, *E.Ops[2], Depth);
  case ExprKind::Local: {
    // A store of the local into itself (`r = r as *mut T`) is no other
    // source: while its stores are being looked at, it counts as one.
    if (!Visiting.insert({&F, E.Local}).second)
      return true;
    bool All = true;
    forEachLocalStore(*F.Body, [&](LocalId L, const Expr *Value) {
      if (L == E.Local)
        All = All && Value && allocated(F, *Value, Depth);
    });
    Visiting.erase({&F, E.Local});
    return All;
  }
  case ExprKind::Return:
    return true; // forEachReturn checks its value
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Path:
  case ExprKind::Unary:
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::AddrOf:
  case ExprKind::Deref:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
  case ExprKind::Asm:
    return false;
  }
  return false;
}

} // namespace h2r::ir
