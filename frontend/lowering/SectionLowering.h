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

struct SwitchSection;

class SectionLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  void gotoRegion(const clang::CompoundStmt *CS, std::vector<ir::Stmt> &Out);
  void switchStmt(const clang::SwitchStmt *S, std::vector<ir::Stmt> &Out);
  void gotoStmt(const clang::LabelDecl *Target, const clang::Stmt *S,
                std::vector<ir::Stmt> &Out);

private:
  // A switch's sections, from one case label group to the next, and the
  // statements before the first.
  std::vector<SwitchSection>
  switchSections(const clang::SwitchStmt *S,
                 std::vector<const clang::Stmt *> &Prelude);
  // The switch's block, by how its sections are entered.
  ir::ExprPtr constantSwitch(const ir::Expr &Scrutinee,
                             const std::vector<SwitchSection> &Sections);
  ir::ExprPtr matchSwitch(ir::ExprPtr Match,
                          const std::vector<SwitchSection> &Sections);
  ir::ExprPtr fallthroughSwitch(ir::ExprPtr Match,
                                const std::vector<SwitchSection> &Sections,
                                const std::string &SwLabel);
};

} // namespace h2r::frontend

#endif
