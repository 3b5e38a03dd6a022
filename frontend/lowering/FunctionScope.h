//===- FunctionScope.h - What one function's lowering shares ----*- C++ -*-===//
//
// The lowering of one C function is a set of steps, one class each
// (expressions, places, statements, asm...), that call one another as C's
// grammar nests. What they all read and write is here: the function being
// built, its locals, what it reaches, and the control flow open around the
// statement being lowered. Each step derives from LoweringStep, which names
// that scope and the other steps.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_FUNCTIONSCOPE_H
#define H2R_FRONTEND_LOWERING_FUNCTIONSCOPE_H

#include "frontend/lowering/ConstArgs.h"
#include "frontend/lowering/LoweringContext.h"
#include "frontend/lowering/LoweringFailure.h"
#include "ir/Module.h"

#include "llvm/ADT/DenseMap.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang {
class AtomicExpr;
class BinaryOperator;
class CallExpr;
class CastExpr;
class CompoundStmt;
class Expr;
class FieldDecl;
class LabelDecl;
class OpaqueValueExpr;
class Stmt;
class SwitchStmt;
class UnaryOperator;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace h2r::frontend {

// Where a C `break` / `continue` goes.
struct JumpTarget {
  std::string BreakLabel;
  std::string ContinueLabel;    // empty for a switch
  bool ContinueIsBreak = false; // `continue` leaves a block, not the loop
  size_t CleanupDepth = 0;      // cleanup scopes open outside the target
};

// An __attribute__((cleanup(fn))) variable: fn(&var) runs, last declared
// first, wherever control leaves its block.
struct Cleanup {
  ir::LocalId Var;
  const clang::FunctionDecl *Fn;
};

// A compound statement with labels: its sections and how to enter them
// (SectionLowering.cpp).
struct GotoRegion {
  std::map<const clang::LabelDecl *, unsigned> SectionOf;
  std::vector<std::string> SectionLabels; // block ending before section k
  std::string LoopLabel; // non-empty when some goto jumps backwards
  ir::LocalId State = 0;
  unsigned CurrentSection = 0;
};

struct FunctionScope {
  FunctionScope(LoweringContext &LC, const clang::FunctionDecl *FD,
                ConstBindings Bound)
      : LC(LC), Ctx(LC.Ctx), FD(FD), Bound(std::move(Bound)) {}

  [[noreturn]] void reject(const clang::Stmt *S, std::string Construct,
                           std::string Message);
  ir::TypeRef type(clang::QualType T, const clang::Stmt *Where);
  ir::LocalId addLocal(std::string Name, ir::TypeRef Ty, bool IsParam = false);
  std::string freshLabel(const std::string &Base);
  // The symbol a call names; a closure function it names is reached.
  ir::Symbol functionSymbol(const clang::FunctionDecl *Callee);

  LoweringContext &LC;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  ir::Function Fn;
  llvm::DenseMap<const clang::VarDecl *, ir::LocalId> Locals;
  // Static locals, by their item's name, and the items of the body.
  std::map<const clang::VarDecl *, std::string> Statics;
  std::vector<ir::Stmt> StaticItems;
  // The closure functions the translation calls or takes the address of.
  std::set<const clang::FunctionDecl *> Reached;
  std::vector<LoweringFailure> Notes;
  std::vector<LoweringFailure> Shims;
  // The call-site specialisations it calls, by name.
  std::set<std::string> SpecialisationsCalled;
  // Where it reads its return address (`_RET_IP_`); invalid: nowhere.
  clang::SourceLocation ReturnAddressUse;
  // Parameters this lowering is specialised for: constants, not parameters.
  ConstBindings Bound;
  std::map<std::string, unsigned> LabelCounts;
  // The control flow open around the statement being lowered.
  std::vector<JumpTarget> Jumps;
  std::vector<std::vector<Cleanup>> CleanupScopes;
  std::vector<GotoRegion> Regions;
};

class FunctionLowering;
class AsmLowering;
class AtomicLowering;
class BuiltinLowering;
class ConstantConditions;
class ExprLowering;
class InitLowering;
class OperatorLowering;
class PlaceLowering;
class SectionLowering;
class ShimLowering;
class SpecialisationLowering;
class StaticLocalLowering;
class StmtLowering;

// The base of every step: the scope, and the other steps by name.
class LoweringStep {
public:
  explicit LoweringStep(FunctionLowering &L);
  LoweringStep(const LoweringStep &) = delete;
  LoweringStep &operator=(const LoweringStep &) = delete;

protected:
  [[noreturn]] void reject(const clang::Stmt *S, std::string Construct,
                           std::string Message) {
    Scope.reject(S, std::move(Construct), std::move(Message));
  }
  ir::TypeRef type(clang::QualType T, const clang::Stmt *Where) {
    return Scope.type(T, Where);
  }
  ir::LocalId addLocal(std::string Name, ir::TypeRef Ty, bool IsParam = false) {
    return Scope.addLocal(std::move(Name), std::move(Ty), IsParam);
  }
  std::string freshLabel(const std::string &Base) {
    return Scope.freshLabel(Base);
  }

  FunctionScope &Scope;
  LoweringContext &LC;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *const FD;
  ir::Function &Fn;

  AsmLowering &AsmStmts;
  AtomicLowering &Atomics;
  BuiltinLowering &Builtins;
  ConstantConditions &Conditions;
  ExprLowering &Exprs;
  InitLowering &Inits;
  OperatorLowering &Operators;
  PlaceLowering &Places;
  SectionLowering &Sections;
  ShimLowering &ShimCalls;
  SpecialisationLowering &Specialised;
  StaticLocalLowering &StaticLocals;
  StmtLowering &Stmts;
};

} // namespace h2r::frontend

#endif
