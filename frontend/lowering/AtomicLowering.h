//===- AtomicLowering.h - __atomic_*, __sync_* as atomics -------*- C++ -*-===//
//
// Atomics (AtomicLowering.cpp): `__atomic_*` and `__sync_*` as core
// atomics on the place (`AtomicU32::from_ptr`).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_ATOMICLOWERING_H
#define H2R_FRONTEND_LOWERING_ATOMICLOWERING_H

#include "frontend/lowering/FunctionScope.h"

#include "llvm/ADT/StringRef.h"

namespace h2r::frontend {

// `SeqCst`: what a `lock`ed instruction and the __sync_* builtins are.
ir::ExprPtr seqCst();

class AtomicLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr atomicExpr(const clang::AtomicExpr *E);
  ir::ExprPtr syncBuiltin(const clang::CallExpr *E, llvm::StringRef Name);
  ir::ExprPtr fenceBuiltin(const clang::CallExpr *E, bool SignalOnly);
  ir::ExprPtr atomicCellAt(ir::ExprPtr Ptr, const ir::TypeRef &ValTy);
  ir::ExprPtr atomicRmw(ir::ExprPtr Cell, const std::string &Op,
                        ir::ExprPtr Val, ir::ExprPtr Order, bool NewValue,
                        const ir::TypeRef &ValTy);
  ir::ExprPtr compareExchangeValue(ir::ExprPtr Cell, ir::ExprPtr Expected,
                                   ir::ExprPtr Desired, ir::ExprPtr Success,
                                   ir::ExprPtr Failure,
                                   const ir::TypeRef &ValTy);

private:
  ir::ExprPtr atomicCell(const clang::Expr *Ptr, ir::TypeRef &ValTy);
  ir::ExprPtr ordering(const clang::Expr *E, int Kind);
  ir::ExprPtr atomicCompareExchange(ir::ExprPtr Cell, ir::ExprPtr Expected,
                                    ir::ExprPtr Desired, ir::ExprPtr Success,
                                    ir::ExprPtr Failure,
                                    const ir::TypeRef &ValTy,
                                    const ir::TypeRef &ResultTy);
};

} // namespace h2r::frontend

#endif
