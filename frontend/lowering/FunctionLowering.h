//===- FunctionLowering.h - One C function to the IR ------------*- C++ -*-===//
//
// Lowers a C function with exact C semantics: Clang's implicit conversions are
// the source of truth, so every promotion, truncation and wrap is spelled out
// in the IR (`wrapping_add`, `as`, `read_volatile`). Control flow that Rust
// lacks (switch fallthrough, goto) becomes labelled blocks and a dispatch
// loop. The first construct it cannot translate stops it with a reason.
//
// The work is done by steps, one class per kind of thing lowered, that share
// the FunctionScope and call one another as C's grammar nests:
//   ExprLowering      values, calls, side effects
//   OperatorLowering  conversions and operators
//   PlaceLowering     lvalues, loads and stores, per-CPU places
//   InitLowering      initialisers
//   AtomicLowering    __atomic_* and __sync_*
//   BuiltinLowering   the other builtins
//   SpecialisationLowering  calls with constant arguments
//   ShimLowering      calls a reviewed Rust form stands in for
//   StmtLowering      statements
//   SectionLowering   switch and goto
//   ConstantConditions  conditions C's optimiser decides
//   StaticLocalLowering static locals
//   AsmLowering       inline asm (frontend/asm/)
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_FUNCTIONLOWERING_H
#define H2R_FRONTEND_LOWERING_FUNCTIONLOWERING_H

#include "frontend/asm/AsmLowering.h"
#include "frontend/lowering/AtomicLowering.h"
#include "frontend/lowering/BuiltinLowering.h"
#include "frontend/lowering/ConstantConditions.h"
#include "frontend/lowering/ExprLowering.h"
#include "frontend/lowering/FunctionScope.h"
#include "frontend/lowering/InitLowering.h"
#include "frontend/lowering/OperatorLowering.h"
#include "frontend/lowering/PlaceLowering.h"
#include "frontend/lowering/SectionLowering.h"
#include "frontend/lowering/ShimLowering.h"
#include "frontend/lowering/SpecialisationLowering.h"
#include "frontend/lowering/StaticLocalLowering.h"
#include "frontend/lowering/StmtLowering.h"

#include <variant>

namespace h2r::frontend {

// A variadic definition whose body never reads its variadic arguments (no
// va_start), such as the kernel's printf-format checkers
// (`__WARN_validate_printf(fmt, ...) { }`): it is translated with its named
// parameters only, and calls drop the arguments past them.
bool ignoresVariadicArguments(const clang::FunctionDecl *FD);

class FunctionLowering {
public:
  FunctionLowering(LoweringContext &LC, const clang::FunctionDecl *FD,
                   ConstBindings Bound = {});
  FunctionLowering(const FunctionLowering &) = delete;
  FunctionLowering &operator=(const FunctionLowering &) = delete;

  std::variant<ir::Function, LoweringFailure> run();

  // The closure functions the translation calls or takes the address of
  // (after dead branches are gone): what a helper really depends on.
  const std::set<const clang::FunctionDecl *> &reached() const {
    return Scope.Reached;
  }
  // Decisions worth a note in the report (same shape as a failure).
  const std::vector<LoweringFailure> &notes() const { return Scope.Notes; }
  // The shims the translation used (ShimLowering.cpp).
  const std::vector<LoweringFailure> &shims() const { return Scope.Shims; }
  // The call-site specialisations it calls, by name
  // (SpecialisationLowering.cpp).
  const std::set<std::string> &specialisationsCalled() const {
    return Scope.SpecialisationsCalled;
  }
  // Where it reads its return address (`_RET_IP_`), which the translation
  // gives only where it is inlined into its Rust caller; invalid: nowhere.
  clang::SourceLocation returnAddressUse() const {
    return Scope.ReturnAddressUse;
  }

private:
  friend class LoweringStep;

  FunctionScope Scope;
  AsmLowering AsmStmts;
  AtomicLowering Atomics;
  BuiltinLowering Builtins;
  ConstantConditions Conditions;
  ExprLowering Exprs;
  InitLowering Inits;
  OperatorLowering Operators;
  PlaceLowering Places;
  SectionLowering Sections;
  ShimLowering ShimCalls;
  SpecialisationLowering Specialised;
  StaticLocalLowering StaticLocals;
  StmtLowering Stmts;
};

} // namespace h2r::frontend

#endif
