//===- ExprLowering.h - C expressions to the IR -----------------*- C++ -*-===//
//
// Values, calls and side effects (ExprLowering.cpp): the entry for every C
// expression, which hands operators, places, builtins and atomics to their
// steps.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_EXPRLOWERING_H
#define H2R_FRONTEND_LOWERING_EXPRLOWERING_H

#include "frontend/lowering/FunctionScope.h"

#include "clang/AST/OperationKinds.h"

namespace clang {
class BinaryConditionalOperator;
class ConditionalOperator;
class FloatingLiteral;
} // namespace clang

namespace h2r::frontend {

class ExprLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr rvalue(const clang::Expr *E);
  ir::ExprPtr condition(const clang::Expr *E);
  ir::ExprPtr toBool(ir::ExprPtr V);
  ir::ExprPtr coerce(ir::ExprPtr V, const ir::TypeRef &Want);
  void effect(const clang::Expr *E, std::vector<ir::Stmt> &Out);
  bool mayBeConstant(const clang::Expr *E);

private:
  const clang::FunctionDecl *calleeBehindStatics(const clang::CallExpr *E);
  ir::ExprPtr call(const clang::CallExpr *E);
  ir::ExprPtr specialCall(const clang::CallExpr *E,
                          const clang::FunctionDecl *Callee);
  void callArguments(const clang::CallExpr *E,
                     const clang::FunctionDecl *Callee, ir::Expr &C,
                     std::vector<ir::Stmt> &Effects);
  ir::ExprPtr declRef(const clang::Expr *E);
  ir::ExprPtr stmtExpr(const clang::CompoundStmt *CS, clang::QualType Ty);
  ir::ExprPtr constantFold(const clang::Expr *E);
  ir::ExprPtr floatLiteral(const clang::FloatingLiteral *FL);
  ir::ExprPtr conditional(const clang::ConditionalOperator *CO);
  ir::ExprPtr elvis(const clang::BinaryConditionalOperator *BCO);

  // OpaqueValueExpr temporaries (`?:` with an omitted middle) by their local.
  std::map<const clang::OpaqueValueExpr *, ir::LocalId> Opaque;
  llvm::DenseMap<const clang::Expr *, bool> MayBeConstant;
};

} // namespace h2r::frontend

#endif
