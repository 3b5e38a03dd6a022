//===- SectionLowering.h - switch and goto as sections ----------*- C++ -*-===//
//
// Labels, goto and switch as sections of labelled blocks
// (SectionLowering.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_SECTIONLOWERING_H
#define H2R_FRONTEND_LOWERING_SECTIONLOWERING_H

#include "frontend/lowering/FunctionScope.h"

namespace h2r::frontend {

class SectionLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  void gotoRegion(const clang::CompoundStmt *CS, std::vector<ir::Stmt> &Out);
  void switchStmt(const clang::SwitchStmt *S, std::vector<ir::Stmt> &Out);
  void gotoStmt(const clang::LabelDecl *Target, const clang::Stmt *S,
                std::vector<ir::Stmt> &Out);
};

} // namespace h2r::frontend

#endif
