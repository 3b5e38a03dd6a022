//===- SpecialisationLowering.h - Constants from the call site --*- C++ -*-===//
//
// Call-site specialisations (SpecialisationLowering.cpp): a closure function
// called with constant arguments where its body needs constants (asm
// immediates,
// `__builtin_constant_p`) is translated once per set of constants.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_SPECIALISATIONLOWERING_H
#define H2R_FRONTEND_LOWERING_SPECIALISATIONLOWERING_H

#include "frontend/lowering/FunctionScope.h"

#include <optional>

namespace h2r::frontend {

class SpecialisationLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  std::optional<ConstArg> constArg(const clang::Expr *E);
  const ConstArg *boundArgument(const clang::Expr *E) const;
  ir::ExprPtr specialisedCall(const clang::CallExpr *E,
                              const clang::FunctionDecl *Callee);
  ir::ExprPtr boundValue(const ConstArg &A, clang::QualType T,
                         const clang::Expr *Where);
  ir::Symbol symbolOf(const clang::ValueDecl *D, const clang::Expr *Where);

private:
  std::optional<ConstArg> constArgOfBound(const clang::Expr *E);
  std::optional<ConstArg> addressOfBound(const clang::UnaryOperator *UO);
  const LoweringContext::Specialisation *
  specialisation(const clang::FunctionDecl *Def, const ConstBindings &Bindings,
                 const std::string &Name, const std::string &Arguments);
};

} // namespace h2r::frontend

#endif
