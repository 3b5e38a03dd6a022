//===- InitLowering.h - C initialisers --------------------------*- C++ -*-===//
//
// Initialisers (InitLowering.cpp): a value, or stores into a place field by
// field.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_INITLOWERING_H
#define H2R_FRONTEND_LOWERING_INITLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace clang {
class InitListExpr;
class RecordDecl;
} // namespace clang

namespace h2r::frontend {

class InitLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  ir::ExprPtr initializer(const clang::Expr *Init, clang::QualType Ty);

private:
  void fieldInitByOffset(const ir::Expr &RecordPlace, const clang::FieldDecl *F,
                         const clang::Expr *Sub, std::vector<ir::Stmt> &Out);
  void initializePlace(ir::ExprPtr Place, const clang::Expr *Init,
                       clang::QualType Ty, std::vector<ir::Stmt> &Out);
  void initializeArray(const ir::Expr &Place, const clang::InitListExpr *IL,
                       clang::QualType Elem, const clang::Expr *Init,
                       std::vector<ir::Stmt> &Out);
  void initializeRecord(const ir::Expr &Place, const clang::InitListExpr *IL,
                        const clang::RecordDecl *RD, const clang::Expr *Init,
                        std::vector<ir::Stmt> &Out);
};

} // namespace h2r::frontend

#endif
