//===- AtomicLowering.cpp - __atomic_* / __sync_* to core atomics ---------===//
//
// `__atomic_fetch_add(p, v, __ATOMIC_RELAXED)` becomes
// `core::sync::atomic::AtomicI32::from_ptr(p).fetch_add(v, Relaxed)`: the
// same operation on the same memory with the same ordering. `__sync_*` are
// the sequentially consistent forms. Orderings C declares invalid for an
// operation (a release load) are strengthened to one Rust accepts.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

namespace {

enum class Ord { Relaxed, Acquire, Release, AcqRel, SeqCst };

// C's memory_order values: relaxed, consume, acquire, release, acq_rel,
// seq_cst. Consume is acquire, as every compiler implements it.
Ord fromC(uint64_t V) {
  switch (V) {
  case 0:
    return Ord::Relaxed;
  case 1:
  case 2:
    return Ord::Acquire;
  case 3:
    return Ord::Release;
  case 4:
    return Ord::AcqRel;
  default:
    return Ord::SeqCst;
  }
}

const char *orderingPath(Ord O) {
  switch (O) {
  case Ord::Relaxed:
    return "core::sync::atomic::Ordering::Relaxed";
  case Ord::Acquire:
    return "core::sync::atomic::Ordering::Acquire";
  case Ord::Release:
    return "core::sync::atomic::Ordering::Release";
  case Ord::AcqRel:
    return "core::sync::atomic::Ordering::AcqRel";
  case Ord::SeqCst:
    break;
  }
  return "core::sync::atomic::Ordering::SeqCst";
}

} // namespace

// `AtomicT::from_ptr(p)` for a pointer to T; empty type name if T has none.
static std::string atomicTypeFor(const TypeRef &T) {
  if (T->isBool())
    return "core::sync::atomic::AtomicBool";
  if (!T->isInt() || T->bits() > 64)
    return "";
  std::string Name = T->isPointerSized()
                         ? (T->isSigned() ? "Isize" : "Usize")
                         : std::string(T->isSigned() ? "I" : "U") +
                               std::to_string(T->bits());
  return "core::sync::atomic::Atomic" + Name;
}

ExprPtr AtomicLowering::atomicCell(const clang::Expr *Ptr, TypeRef &ValTy) {
  ExprPtr P = Exprs.rvalue(Ptr);
  if (!P->Ty->isPointer())
    reject(Ptr, "atomic-builtin", "atomic operand is not a pointer");
  ValTy = P->Ty->pointee();
  ExprPtr Cell = atomicCellAt(std::move(P), ValTy);
  if (!Cell)
    reject(Ptr, "atomic-builtin",
           "no core::sync::atomic type for this operand (pointers and "
           "records are not lowered)");
  return Cell;
}

// `AtomicT::from_ptr(p as *mut T)`, or null where T has no atomic type.
ExprPtr AtomicLowering::atomicCellAt(ExprPtr Ptr, const TypeRef &ValTy) {
  std::string Atomic = atomicTypeFor(ValTy);
  if (Atomic.empty())
    return nullptr;
  TypeRef MutPtr = Type::pointer(ValTy, false);
  std::vector<ExprPtr> Args;
  Args.push_back(ir::makeCast(std::move(Ptr), MutPtr));
  return coreCall(Atomic + "::from_ptr", nullptr, std::move(Args));
}

ExprPtr AtomicLowering::ordering(const clang::Expr *E, int Kind) {
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    reject(E, "atomic-builtin", "memory order is not a constant");
  Ord O = fromC(R.Val.getInt().getZExtValue());
  // Kind: 0 any, 1 load, 2 store, 3 compare-exchange failure.
  if (Kind == 1 && (O == Ord::Release || O == Ord::AcqRel))
    O = Ord::SeqCst;
  if (Kind == 2 && (O == Ord::Acquire || O == Ord::AcqRel))
    O = Ord::SeqCst;
  if (Kind == 3 && O == Ord::Release)
    O = Ord::Relaxed;
  if (Kind == 3 && O == Ord::AcqRel)
    O = Ord::Acquire;
  return corePath(orderingPath(O));
}

// Read-modify-write: `fetch_<op>`, and for the `<op>_fetch` forms the new
// value computed from the old one.
ExprPtr AtomicLowering::atomicRmw(ExprPtr Cell, const std::string &Op,
                                  ExprPtr Val, ExprPtr Order, bool NewValue,
                                  const TypeRef &ValTy) {
  // `swap` is the one read-modify-write without a `fetch_` prefix.
  std::string Fetch = Op == "swap" ? Op : "fetch_" + Op;
  if (!NewValue) {
    std::vector<ExprPtr> Args;
    Args.push_back(std::move(Val));
    Args.push_back(std::move(Order));
    return ir::makeMethod(Fetch, std::move(Cell), std::move(Args), ValTy);
  }
  std::vector<ir::Stmt> Body;
  ir::LocalId V = addLocal("__operand", ValTy);
  Body.push_back(ir::Stmt::let(V, std::move(Val)));
  std::vector<ExprPtr> Args;
  Args.push_back(ir::makeLocal(V, ValTy));
  Args.push_back(std::move(Order));
  ExprPtr Old = ir::makeMethod(Fetch, std::move(Cell), std::move(Args), ValTy);
  ExprPtr New;
  ExprPtr Rhs = ir::makeLocal(V, ValTy);
  if (Op == "add" || Op == "sub")
    New = ir::makeMethod("wrapping_" + Op, std::move(Old), {}, ValTy);
  if (New) {
    New->Ops.push_back(std::move(Rhs));
  } else if (Op == "and" || Op == "or" || Op == "xor" || Op == "nand") {
    ir::BinaryOp Sym = Op == "or"    ? ir::BinaryOp::BitOr
                       : Op == "xor" ? ir::BinaryOp::BitXor
                                     : ir::BinaryOp::BitAnd;
    New = ir::makeBinary(Sym, std::move(Old), std::move(Rhs), ValTy);
    if (Op == "nand")
      New = ir::makeUnary(ir::UnaryOp::Not, std::move(New), ValTy);
  } else { // min, max
    New = ir::makeMethod(Op, std::move(Old), {}, ValTy);
    New->Ops.push_back(std::move(Rhs));
  }
  return ir::makeBlock(std::move(Body), std::move(New), ValTy);
}

// `SeqCst`: what a `lock`ed instruction and the __sync_* builtins are.
ExprPtr seqCst() { return corePath(orderingPath(Ord::SeqCst)); }

// The value `compare_exchange` read, whether or not it stored Desired: it
// equals Expected exactly when the exchange happened.
ExprPtr AtomicLowering::compareExchangeValue(ExprPtr Cell, ExprPtr Expected,
                                             ExprPtr Desired, ExprPtr Success,
                                             ExprPtr Failure,
                                             const TypeRef &ValTy) {
  std::vector<ExprPtr> Args;
  Args.push_back(std::move(Expected));
  Args.push_back(std::move(Desired));
  Args.push_back(std::move(Success));
  Args.push_back(std::move(Failure));
  ExprPtr Result = ir::makeMethod("compare_exchange", std::move(Cell),
                                  std::move(Args), nullptr);
  std::vector<ExprPtr> Identity;
  Identity.push_back(corePath("core::convert::identity"));
  return ir::makeMethod("unwrap_or_else", std::move(Result),
                        std::move(Identity), ValTy);
}

// `*expected` receives the current value on failure; the result says
// whether the exchange happened. The strong form also serves for weak.
ExprPtr AtomicLowering::atomicCompareExchange(ExprPtr Cell, ExprPtr Expected,
                                              ExprPtr Desired, ExprPtr Success,
                                              ExprPtr Failure,
                                              const TypeRef &ValTy,
                                              const TypeRef &ResultTy) {
  std::vector<ir::Stmt> Body;
  TypeRef ExpPtrTy = Expected->Ty;
  ir::LocalId E = addLocal("__expected", ExpPtrTy);
  ir::LocalId Old = addLocal("__old", ValTy);
  ir::LocalId Cur = addLocal("__current", ValTy);
  Body.push_back(ir::Stmt::let(E, std::move(Expected)));
  auto Deref = [&] {
    auto D = std::make_unique<ir::Expr>(ExprKind::Deref, ValTy);
    D->Ops.push_back(ir::makeLocal(E, ExpPtrTy));
    return D;
  };
  Body.push_back(ir::Stmt::let(Old, Deref()));
  Body.push_back(ir::Stmt::let(
      Cur, compareExchangeValue(std::move(Cell), ir::makeLocal(Old, ValTy),
                                std::move(Desired), std::move(Success),
                                std::move(Failure), ValTy)));
  std::vector<ir::Stmt> Store;
  Store.push_back(ir::Stmt::expr(
      ir::makeAssign(Deref(), ir::makeLocal(Cur, ValTy))));
  Body.push_back(ir::Stmt::expr(ir::makeIf(
      ir::makeBinary(ir::BinaryOp::Ne, ir::makeLocal(Cur, ValTy), ir::makeLocal(Old, ValTy),
                     Type::boolean()),
      ir::makeBlock(std::move(Store), nullptr, Type::unit()), nullptr,
      Type::unit())));
  ExprPtr Ok = ir::makeBinary(ir::BinaryOp::Eq, ir::makeLocal(Cur, ValTy),
                              ir::makeLocal(Old, ValTy), Type::boolean());
  return ir::makeBlock(std::move(Body), ir::makeCast(std::move(Ok), ResultTy),
                       ResultTy);
}

ExprPtr AtomicLowering::atomicExpr(const AtomicExpr *E) {
  TypeRef ValTy;
  TypeRef Ty = type(E->getType(), E);
  auto Val = [&](const clang::Expr *V) {
    return Exprs.coerce(Exprs.rvalue(V), ValTy);
  };
  auto Rmw = [&](const char *Op, bool NewValue) {
    ExprPtr Cell = atomicCell(E->getPtr(), ValTy);
    return atomicRmw(std::move(Cell), Op, Val(E->getVal1()),
                     ordering(E->getOrder(), 0), NewValue, ValTy);
  };
  switch (E->getOp()) {
  case AtomicExpr::AO__atomic_load_n: {
    ExprPtr Cell = atomicCell(E->getPtr(), ValTy);
    std::vector<ExprPtr> Args;
    Args.push_back(ordering(E->getOrder(), 1));
    return ir::makeMethod("load", std::move(Cell), std::move(Args), ValTy);
  }
  case AtomicExpr::AO__atomic_store_n: {
    ExprPtr Cell = atomicCell(E->getPtr(), ValTy);
    std::vector<ExprPtr> Args;
    Args.push_back(Val(E->getVal1()));
    Args.push_back(ordering(E->getOrder(), 2));
    return ir::makeMethod("store", std::move(Cell), std::move(Args), Type::unit());
  }
  case AtomicExpr::AO__atomic_exchange_n:
    return Rmw("swap", false);
  case AtomicExpr::AO__atomic_compare_exchange_n: {
    ExprPtr Cell = atomicCell(E->getPtr(), ValTy);
    return atomicCompareExchange(std::move(Cell), Exprs.rvalue(E->getVal1()),
                                 Val(E->getVal2()), ordering(E->getOrder(), 0),
                                 ordering(E->getOrderFail(), 3), ValTy, Ty);
  }
  case AtomicExpr::AO__atomic_fetch_add:
    return Rmw("add", false);
  case AtomicExpr::AO__atomic_fetch_sub:
    return Rmw("sub", false);
  case AtomicExpr::AO__atomic_fetch_and:
    return Rmw("and", false);
  case AtomicExpr::AO__atomic_fetch_or:
    return Rmw("or", false);
  case AtomicExpr::AO__atomic_fetch_xor:
    return Rmw("xor", false);
  case AtomicExpr::AO__atomic_fetch_nand:
    return Rmw("nand", false);
  case AtomicExpr::AO__atomic_fetch_min:
    return Rmw("min", false);
  case AtomicExpr::AO__atomic_fetch_max:
    return Rmw("max", false);
  case AtomicExpr::AO__atomic_add_fetch:
    return Rmw("add", true);
  case AtomicExpr::AO__atomic_sub_fetch:
    return Rmw("sub", true);
  case AtomicExpr::AO__atomic_and_fetch:
    return Rmw("and", true);
  case AtomicExpr::AO__atomic_or_fetch:
    return Rmw("or", true);
  case AtomicExpr::AO__atomic_xor_fetch:
    return Rmw("xor", true);
  case AtomicExpr::AO__atomic_nand_fetch:
    return Rmw("nand", true);
  case AtomicExpr::AO__atomic_min_fetch:
    return Rmw("min", true);
  case AtomicExpr::AO__atomic_max_fetch:
    return Rmw("max", true);
  default:
    reject(E, "atomic-builtin",
           "this atomic builtin form (generic pointer arguments or _Atomic "
           "objects) is not lowered");
  }
}

ExprPtr AtomicLowering::syncBuiltin(const CallExpr *E, StringRef Name) {
  // __sync_* are full barriers: SeqCst. Sized forms end in _1 .. _16.
  size_t Under = Name.rfind('_');
  if (Under != StringRef::npos &&
      Name.substr(Under + 1).find_first_not_of("0123456789") == StringRef::npos)
    Name = Name.substr(0, Under);
  TypeRef ValTy;
  TypeRef Ty = type(E->getType(), E);
  if (Name == "__sync_synchronize")
    return coreCall("core::sync::atomic::fence", Type::unit(), [&] {
      std::vector<ExprPtr> A;
      A.push_back(seqCst());
      return A;
    }());
  ExprPtr Cell = atomicCell(E->getArg(0), ValTy);
  auto Val = [&](unsigned I) {
    return Exprs.coerce(Exprs.rvalue(E->getArg(I)), ValTy);
  };
  static const char *const Ops[] = {"add", "sub", "or", "and", "xor", "nand"};
  for (const char *Op : Ops) {
    if (Name == std::string("__sync_fetch_and_") + Op)
      return atomicRmw(std::move(Cell), Op, Val(1), seqCst(), false, ValTy);
    if (Name == std::string("__sync_") + Op + "_and_fetch")
      return atomicRmw(std::move(Cell), Op, Val(1), seqCst(), true, ValTy);
  }
  if (Name == "__sync_lock_test_and_set")
    return atomicRmw(std::move(Cell), "swap", Val(1),
                     corePath(orderingPath(Ord::Acquire)), false, ValTy);
  if (Name == "__sync_lock_release") {
    std::vector<ExprPtr> Args;
    Args.push_back(ir::makeInt(0, ValTy));
    Args.push_back(corePath(orderingPath(Ord::Release)));
    return ir::makeMethod("store", std::move(Cell), std::move(Args), Type::unit());
  }
  if (Name == "__sync_val_compare_and_swap")
    return compareExchangeValue(std::move(Cell), Val(1), Val(2), seqCst(),
                                seqCst(), ValTy);
  if (Name == "__sync_bool_compare_and_swap") {
    std::vector<ExprPtr> Args;
    Args.push_back(Val(1));
    Args.push_back(Val(2));
    Args.push_back(seqCst());
    Args.push_back(seqCst());
    ExprPtr Result =
        ir::makeMethod("compare_exchange", std::move(Cell), std::move(Args), nullptr);
    return ir::makeCast(ir::makeMethod("is_ok", std::move(Result), {}, Type::boolean()),
                        Ty);
  }
  reject(E, "atomic-builtin", "builtin '" + Name.str() + "' is not lowered");
}

ExprPtr AtomicLowering::fenceBuiltin(const CallExpr *E, bool SignalOnly) {
  Expr::EvalResult R;
  if (!E->getArg(0)->EvaluateAsInt(R, Ctx))
    reject(E, "atomic-builtin", "memory order is not a constant");
  // A relaxed fence does nothing in C; Rust's fence rejects Relaxed.
  if (R.Val.getInt().getZExtValue() == 0)
    return ir::makeBlock({}, nullptr, Type::unit());
  std::vector<ExprPtr> Args;
  Args.push_back(ordering(E->getArg(0), 0));
  return coreCall(SignalOnly ? "core::sync::atomic::compiler_fence"
                         : "core::sync::atomic::fence",
              Type::unit(), std::move(Args));
}

} // namespace h2r::frontend
