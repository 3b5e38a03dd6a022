//===- ShimLowering.h - Semantically equivalent forms -----------*- C++ -*-===//
//
// Shims (ShimLowering.cpp): calls whose C meaning a reviewed Rust form
// (runtime-shims/) expresses.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_SHIMLOWERING_H
#define H2R_FRONTEND_LOWERING_SHIMLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace h2r::frontend {

class ShimLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr shimCall(const clang::CallExpr *E,
                       const clang::FunctionDecl *Callee);

private:
  ir::ExprPtr staticKeyTest(const clang::CallExpr *E);
};

} // namespace h2r::frontend

#endif
