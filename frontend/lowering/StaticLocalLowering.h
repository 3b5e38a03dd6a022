//===- StaticLocalLowering.h - C static locals to Rust statics --*- C++ -*-===//
//
// Static locals (StaticLocalLowering.cpp) as Rust statics, items of the
// function body.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_STATICLOCALLOWERING_H
#define H2R_FRONTEND_LOWERING_STATICLOCALLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace h2r::frontend {

// `&v`, a variable of static storage, through any casts, or null: an address
// a static's constant initialiser can hold.
const clang::UnaryOperator *staticAddress(const clang::Expr *Init);

class StaticLocalLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  void staticLocal(const clang::VarDecl *VD);
  ir::ExprPtr staticAddressValue(const clang::UnaryOperator *AddrOf,
                                 const ir::TypeRef &Ty);

private:
  bool constantRecord(const clang::Expr *Init);
};

} // namespace h2r::frontend

#endif
