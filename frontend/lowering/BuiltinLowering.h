//===- BuiltinLowering.h - GCC/Clang builtins to Rust -----------*- C++ -*-===//
//
// Builtins (BuiltinLowering.cpp): overflow checks, bit scans, memory
// functions, `__builtin_constant_p`, return addresses.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_BUILTINLOWERING_H
#define H2R_FRONTEND_LOWERING_BUILTINLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace h2r::frontend {

class BuiltinLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr builtinCall(const clang::CallExpr *E, unsigned BuiltinID);
  ir::ExprPtr libraryCall(const clang::CallExpr *E, unsigned ID);
  bool constantPAnswer(const clang::CallExpr *E);

private:
  ir::ExprPtr bitBuiltin(const clang::CallExpr *E, unsigned ID,
                         const ir::TypeRef &Ty);
  ir::ExprPtr trapBuiltin(const clang::CallExpr *E);
  ir::ExprPtr sameTypeOverflow(ir::ExprPtr Lhs, ir::ExprPtr Rhs,
                               ir::ExprPtr ResPtr, const char *Op,
                               ir::TypeRef Ty);
  ir::ExprPtr overflowBuiltin(const clang::CallExpr *E, const char *Op);
  ir::ExprPtr memoryBuiltin(const clang::CallExpr *E, unsigned BuiltinID);
  ir::ExprPtr constantPBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr returnAddressBuiltin(const clang::CallExpr *E,
                                   const ir::TypeRef &Ty);
  ir::ExprPtr ffsBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr libraryFunctionCall(const clang::CallExpr *E,
                                  ir::ExternFn Standard, const ir::TypeRef &Ty);
  ir::ExprPtr memcmpBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr memchrBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
};

} // namespace h2r::frontend

#endif
