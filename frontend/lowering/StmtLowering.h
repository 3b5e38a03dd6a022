//===- StmtLowering.h - C statements to the IR ------------------*- C++ -*-===//
//
// Statements (StmtLowering.cpp): structured control flow as Rust loops and
// blocks; switch and goto go to SectionLowering.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_STMTLOWERING_H
#define H2R_FRONTEND_LOWERING_STMTLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace clang {
class IfStmt;
class ReturnStmt;
} // namespace clang

namespace h2r::frontend {

class StmtLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  void stmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out);
  void hoistDeclarations(const std::vector<const clang::Stmt *> &Stmts,
                         std::vector<ir::Stmt> &Out);
  ir::ExprPtr zeroValue(const ir::TypeRef &T);

private:
  void compound(const clang::CompoundStmt *CS, std::vector<ir::Stmt> &Out);
  void returnStmt(const clang::ReturnStmt *RS, std::vector<ir::Stmt> &Out);
  void ifStmt(const clang::IfStmt *IS, std::vector<ir::Stmt> &Out);
  void jumpStmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out);
  void declaration(const clang::VarDecl *VD, std::vector<ir::Stmt> &Out,
                   bool Hoisted);
  void loop(const clang::Stmt *S, std::vector<ir::Stmt> &Out);
  ir::ExprPtr blockOf(const clang::Stmt *S);
  void runCleanups(size_t Depth, std::vector<ir::Stmt> &Out);

  // Declarations hoisted to the start of their goto region.
  std::set<const clang::VarDecl *> HoistedVars;
};

} // namespace h2r::frontend

#endif
