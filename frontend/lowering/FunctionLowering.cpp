//===- FunctionLowering.cpp - One C function to the IR --------------------===//
//
// The entry: the function's signature, then its body, statement by
// statement; and what every step shares (FunctionScope).
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace h2r::frontend {

using namespace clang;
using ir::Type;
using ir::TypeRef;

namespace {

bool startsVariadicArguments(const Stmt *S) {
  if (!S)
    return false;
  if (isa<VAArgExpr>(S))
    return true;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    switch (CE->getBuiltinCallee()) {
    case Builtin::BI__builtin_va_start:
    case Builtin::BI__builtin_ms_va_start:
    case Builtin::BI__va_start:
    case Builtin::BI__builtin_va_copy:
      return true;
    default:
      break;
    }
  for (const Stmt *Child : S->children())
    if (startsVariadicArguments(Child))
      return true;
  return false;
}

} // namespace

bool ignoresVariadicArguments(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  return FD->isVariadic() && FD->hasBody(Def) &&
         !startsVariadicArguments(Def->getBody());
}

LoweringStep::LoweringStep(FunctionLowering &L)
    : Scope(L.Scope), LC(L.Scope.LC), Ctx(L.Scope.Ctx), FD(L.Scope.FD),
      Fn(L.Scope.Fn), AsmStmts(L.AsmStmts), Atomics(L.Atomics),
      Builtins(L.Builtins), Conditions(L.Conditions), Exprs(L.Exprs),
      Inits(L.Inits), Operators(L.Operators), Places(L.Places),
      Sections(L.Sections), ShimCalls(L.ShimCalls), Specialised(L.Specialised),
      StaticLocals(L.StaticLocals), Stmts(L.Stmts) {}

FunctionLowering::FunctionLowering(LoweringContext &LC,
                                   const clang::FunctionDecl *FD,
                                   ConstBindings Bound)
    : Scope(LC, FD, std::move(Bound)), AsmStmts(*this), Atomics(*this),
      Builtins(*this), Conditions(*this), Exprs(*this), Inits(*this),
      Operators(*this), Places(*this), Sections(*this), ShimCalls(*this),
      Specialised(*this), StaticLocals(*this), Stmts(*this) {}

ir::Symbol FunctionScope::functionSymbol(const FunctionDecl *Callee) {
  ir::Symbol Sym = LC.calleeSymbol(Callee);
  if (Sym.Kind == ir::SymbolKind::InlineFn)
    Reached.insert(Callee->getDefinition());
  return Sym;
}

void FunctionScope::reject(const clang::Stmt *S, std::string Construct,
                           std::string Message) {
  throw LoweringFailure{std::move(Construct), std::move(Message),
                        S ? S->getBeginLoc() : FD->getLocation()};
}

TypeRef FunctionScope::type(QualType T, const clang::Stmt *Where) {
  try {
    return LC.Types.lower(T);
  } catch (LoweringFailure &F) {
    if (F.Loc.isInvalid())
      F.Loc = Where ? Where->getBeginLoc() : FD->getLocation();
    throw;
  }
}

ir::LocalId FunctionScope::addLocal(std::string Name, TypeRef Ty,
                                    bool IsParam) {
  ir::Local L;
  L.Name = std::move(Name);
  L.Ty = std::move(Ty);
  L.IsParam = IsParam;
  Fn.Locals.push_back(std::move(L));
  return static_cast<ir::LocalId>(Fn.Locals.size() - 1);
}

std::string FunctionScope::freshLabel(const std::string &Base) {
  unsigned N = LabelCounts[Base]++;
  return N == 0 ? Base : Base + "_" + std::to_string(N);
}

std::variant<ir::Function, LoweringFailure> FunctionLowering::run() {
  const FunctionDecl *FD = Scope.FD;
  ir::Function &Fn = Scope.Fn;
  try {
    Fn.CName = FD->getNameAsString();
    Fn.Ret = FD->isNoReturn() ? Type::never()
                              : Scope.type(FD->getReturnType(), nullptr);
    if (FD->isVariadic() && !ignoresVariadicArguments(FD))
      Scope.reject(nullptr, "variadic-function",
                   "variadic function definitions that read their variadic "
                   "arguments have no stable Rust form");
    unsigned Index = 0;
    for (const ParmVarDecl *P : FD->parameters()) {
      if (Scope.Bound.count(P)) { // a constant of this specialisation
        ++Index;
        continue;
      }
      std::string Name = P->getName().empty() ? "arg" + std::to_string(Index)
                                              : P->getNameAsString();
      ++Index;
      ir::LocalId Id = Scope.addLocal(ir::rustIdent(Name),
                                      Scope.type(P->getType(), nullptr), true);
      Scope.Locals[P] = Id;
      Fn.Params.push_back(Id);
    }
    std::vector<ir::Stmt> Body;
    const auto *CS = dyn_cast<CompoundStmt>(FD->getBody());
    if (!CS)
      Scope.reject(FD->getBody(), "unsupported-statement", "function body");
    Stmts.stmt(CS, Body);
    // Statics are items: putting them first makes them visible everywhere.
    for (auto &S : Body)
      Scope.StaticItems.push_back(std::move(S));
    Fn.Body = ir::makeBlock(std::move(Scope.StaticItems), nullptr, Fn.Ret);
    return std::move(Fn);
  } catch (LoweringFailure &F) {
    if (F.Loc.isInvalid())
      F.Loc = FD->getLocation();
    return F;
  }
}

} // namespace h2r::frontend
