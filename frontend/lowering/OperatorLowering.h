//===- OperatorLowering.h - C conversions and operators ---------*- C++ -*-===//
//
// Conversions and operators (OperatorLowering.cpp): every implicit
// conversion Clang records is spelt out, and signed arithmetic wraps.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_OPERATORLOWERING_H
#define H2R_FRONTEND_LOWERING_OPERATORLOWERING_H

#include "frontend/lowering/FunctionScope.h"

#include "clang/AST/OperationKinds.h"

namespace h2r::frontend {

class OperatorLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr lowerCast(const clang::CastExpr *E);
  ir::ExprPtr binary(const clang::BinaryOperator *E);
  ir::ExprPtr assignment(const clang::BinaryOperator *E, bool WantValue);
  ir::ExprPtr unary(const clang::UnaryOperator *E);
  ir::ExprPtr increment(const clang::UnaryOperator *E, bool WantValue);
  ir::ExprPtr pointerOffset(ir::ExprPtr Ptr, ir::ExprPtr Index,
                            clang::QualType PtrTy, bool Negate);

private:
  ir::ExprPtr fileScopeConstant(const clang::Expr *E);
  ir::ExprPtr convert(ir::ExprPtr V, clang::QualType From, clang::QualType To,
                      const clang::Stmt *Where);
  ir::ExprPtr arith(clang::BinaryOperatorKind Op, ir::ExprPtr L, ir::ExprPtr R,
                    clang::QualType LTy, clang::QualType RTy,
                    clang::QualType ResTy, const clang::Stmt *Where);
  bool exactPointee(const ir::TypeRef &P) const;
  ir::ExprPtr pointerDifference(ir::ExprPtr L, ir::ExprPtr R,
                                clang::QualType LTy, const ir::TypeRef &Ty);
};

} // namespace h2r::frontend

#endif
