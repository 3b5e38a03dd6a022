//===- ConstantConditions.h - Conditions C's optimiser decides --*- C++ -*-===//
//
// Conditions C's optimiser decides (ConstantConditions.cpp): locals whose
// value is a constant where a condition reads them.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_CONSTANTCONDITIONS_H
#define H2R_FRONTEND_LOWERING_CONSTANTCONDITIONS_H

#include "frontend/lowering/FunctionScope.h"

#include "llvm/ADT/APSInt.h"

#include <optional>

namespace h2r::frontend {

// Does Body write the local V after its initialiser: assign it, increment
// or decrement it, take its address, or name it as an asm output?
bool writesLocal(const clang::Stmt *Body, const clang::VarDecl *V);

class ConstantConditions : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  std::optional<llvm::APSInt> constantLocal(const clang::Expr *E);
  std::optional<llvm::APSInt> foldWithLocals(const clang::Expr *E);

private:
  std::optional<llvm::APSInt> foldBinary(const clang::BinaryOperator *BO);

  std::map<const clang::VarDecl *, std::optional<llvm::APSInt>> ConstantLocals;
};

} // namespace h2r::frontend

#endif
