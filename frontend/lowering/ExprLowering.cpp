//===- ExprLowering.cpp - C expressions to the IR -------------------------===//
//
// Clang has already inserted every implicit conversion, so each operator here
// sees operands of its computation type and only has to pick the Rust
// operation with the same two's-complement result (`-fno-strict-overflow`).
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/SmallString.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

ExprPtr ExprLowering::toBool(ExprPtr V) {
  // `(a < b) as i32` used as a condition is just `a < b`, and so is
  // `(a < b) as i32 as i64` (`__builtin_expect(!!(x), 0)`): 0 and 1 survive
  // every integer cast.
  for (ExprPtr *Operand = &V; (*Operand)->Kind == ExprKind::Cast &&
                              (*Operand)->Ty->isInt();
       Operand = &(*Operand)->Ops[0])
    if ((*Operand)->Ops[0]->Ty->isBool())
      return std::move((*Operand)->Ops[0]);
  const TypeRef Ty = V->Ty;
  switch (Ty->kind()) {
  case Type::Kind::Bool:
    return V;
  case Type::Kind::Int:
    if (V->Kind == ExprKind::IntLit) {
      auto B = makeExpr(ExprKind::BoolLit, Type::boolean());
      uint64_t Mask = Ty->bits() >= 64 ? ~uint64_t(0)
                                       : (uint64_t(1) << Ty->bits()) - 1;
      B->IntValue = (V->IntValue & Mask) != 0;
      return B;
    }
    return ir::makeBinary(ir::BinaryOp::Ne, std::move(V), ir::makeInt(0, Ty),
                          Type::boolean());
  case Type::Kind::Float: {
    auto Zero = makeExpr(ExprKind::FloatLit, Ty);
    Zero->Text = "0.0";
    return ir::makeBinary(ir::BinaryOp::Ne, std::move(V), std::move(Zero),
                          Type::boolean());
  }
  case Type::Kind::Pointer:
    return ir::makeUnary(ir::UnaryOp::Not, method("is_null", std::move(V), nullptr,
                                     Type::boolean()),
                         Type::boolean());
  case Type::Kind::FnPtr:
    return method("is_some", std::move(V), nullptr, Type::boolean());
  default:
    break;
  }
  throw LoweringFailure{"unsupported-conversion",
                        "value cannot be used as a condition", {}};
}

// Clang inserts a conversion wherever C types differ, so a difference left
// between IR types is typedef sugar Rust keeps apart (`size_t` is `usize`,
// `unsigned long` is `u64`): bridge it where a value meets its destination.
ExprPtr ExprLowering::coerce(ExprPtr V, const TypeRef &Want) {
  if (!Want || sameType(V->Ty, Want))
    return V;
  if (V->Ty->isNewtype())
    return coerce(newtypeValue(std::move(V)), Want);
  if (Want->isNewtype() && V->Ty->isInt())
    return newtypeWrap(std::move(V), Want);
  if ((V->Ty->isInt() && Want->isInt()) ||
      (V->Ty->isPointer() && Want->isPointer()))
    return ir::makeCast(std::move(V), Want);
  if (isFnPtr(V->Ty) && isFnPtr(Want) && V->Kind != ExprKind::NullPtr)
    return wrap(ExprKind::Transmute, std::move(V), Want);
  if (V->Kind == ExprKind::NullPtr)
    V->Ty = Want;
  return V;
}

ExprPtr ExprLowering::condition(const clang::Expr *E) {
  if (std::optional<llvm::APSInt> Known = Conditions.foldWithLocals(E)) {
    auto B = makeExpr(ExprKind::BoolLit, Type::boolean());
    B->IntValue = *Known != 0;
    return B;
  }
  return toBool(rvalue(E));
}

// False only where E surely is no integer constant expression: it reads a
// variable or calls a function outside a short circuit. Memoised, so asking
// at every node of an expression costs linear time, not Clang's own check
// (which walks the whole subtree) at each level.
bool ExprLowering::mayBeConstant(const clang::Expr *E) {
  auto It = MayBeConstant.find(E);
  if (It != MayBeConstant.end())
    return It->second;
  bool Result = true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    Result = isa<EnumConstantDecl>(DRE->getDecl());
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Result = CE->getBuiltinCallee() != 0; // __builtin_constant_p and friends
  } else if (isa<StmtExpr>(E)) {
    Result = false;
  } else if (isa<UnaryExprOrTypeTraitExpr>(E) || isa<OffsetOfExpr>(E) ||
             isa<ChooseExpr>(E) || isa<GenericSelectionExpr>(E) ||
             isa<ConditionalOperator>(E)) {
    Result = true; // unevaluated or selected operands: Clang decides
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && (BO->isLogicalOp() || BO->isCommaOp())) {
    Result = mayBeConstant(BO->getLHS()) || mayBeConstant(BO->getRHS());
  } else {
    for (const clang::Stmt *C : E->children())
      if (const auto *CE = dyn_cast_or_null<clang::Expr>(C))
        if (!mayBeConstant(CE)) {
          Result = false;
          break;
        }
  }
  MayBeConstant[E] = Result;
  return Result;
}

ExprPtr ExprLowering::constantFold(const clang::Expr *E) {
  QualType T = E->getType();
  if (!T->isIntegerType() || isa<IntegerLiteral>(E) || E->isValueDependent())
    return nullptr;
  if (!mayBeConstant(E) || !E->isIntegerConstantExpr(Ctx))
    return nullptr;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return nullptr;
  TypeRef Ty = type(T, E);
  const llvm::APSInt &V = R.Val.getInt();
  if (Ty->isBool()) {
    auto B = makeExpr(ExprKind::BoolLit, Ty);
    B->IntValue = V.getBoolValue();
    return B;
  }
  if (Ty->isNewtype())
    return newtypeWrap(ir::makeInt(V.extOrTrunc(64).getZExtValue(), Ty->repr()),
                       Ty);
  return ir::makeInt(V.extOrTrunc(64).getZExtValue(), Ty);
}

ExprPtr ExprLowering::floatLiteral(const FloatingLiteral *FL) {
  llvm::SmallString<32> Text;
  FL->getValue().toString(Text, 17, 0);
  std::string S = Text.str().str();
  if (S.find_first_of(".eEn") == std::string::npos)
    S += ".0";
  if (S.find_first_of("nN") != std::string::npos)
    reject(FL, "unsupported-literal", "non-finite floating literal");
  auto F = makeExpr(ExprKind::FloatLit, type(FL->getType(), FL));
  F->Text = S;
  return F;
}

// `c ? a : b`: only the branch C would run where the condition is constant.
ExprPtr ExprLowering::conditional(const ConditionalOperator *CO) {
  TypeRef Ty = type(CO->getType(), CO);
  ExprPtr Cond = condition(CO->getCond());
  if (Cond->Kind == ExprKind::BoolLit) {
    const clang::Expr *Taken =
        Cond->IntValue ? CO->getTrueExpr() : CO->getFalseExpr();
    if (Ty->isUnit()) {
      std::vector<ir::Stmt> Body;
      effect(Taken, Body);
      return ir::makeBlock(std::move(Body), nullptr, Ty);
    }
    return coerce(rvalue(Taken), Ty);
  }
  ExprPtr Then, Else;
  if (Ty->isUnit()) {
    std::vector<ir::Stmt> A, B;
    effect(CO->getTrueExpr(), A);
    effect(CO->getFalseExpr(), B);
    Then = ir::makeBlock(std::move(A), nullptr, Ty);
    Else = ir::makeBlock(std::move(B), nullptr, Ty);
  } else {
    Then = ir::makeBlock({}, coerce(rvalue(CO->getTrueExpr()), Ty), Ty);
    Else = ir::makeBlock({}, coerce(rvalue(CO->getFalseExpr()), Ty), Ty);
  }
  return ir::makeIf(std::move(Cond), std::move(Then), std::move(Else), Ty);
}

// `a ?: b` evaluates `a` once.
ExprPtr ExprLowering::elvis(const BinaryConditionalOperator *BCO) {
    const OpaqueValueExpr *OVE = BCO->getOpaqueValue();
  if (OVE->getSourceExpr()->isGLValue())
    reject(BCO, "unsupported-expression", "'?:' on an lvalue operand");
  TypeRef Ty = type(BCO->getType(), BCO);
  ir::LocalId Tmp =
      addLocal("__cond", type(OVE->getSourceExpr()->getType(), BCO));
  std::vector<ir::Stmt> Pre;
  Pre.push_back(ir::Stmt::let(Tmp, rvalue(OVE->getSourceExpr())));
  Opaque[OVE] = Tmp;
  ExprPtr If = ir::makeIf(condition(BCO->getCond()),
                          ir::makeBlock({}, rvalue(BCO->getTrueExpr()), Ty),
                          ir::makeBlock({}, rvalue(BCO->getFalseExpr()), Ty),
                          Ty);
  return withStmts(std::move(Pre), std::move(If));
}

ExprPtr ExprLowering::rvalue(const clang::Expr *E) {
  E = E->IgnoreParens();
  if (ExprPtr Folded = constantFold(E))
    return Folded;

  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return ir::makeInt(IL->getValue().getZExtValue(), type(E->getType(), E));
  if (const auto *FL = dyn_cast<FloatingLiteral>(E))
    return floatLiteral(FL);
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return Operators.lowerCast(CE);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isAssignmentOp() ? Operators.assignment(BO, true)
                                : Operators.binary(BO);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return Operators.unary(UO);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return conditional(CO);
  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E))
    return elvis(BCO);
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E)) {
    auto It = Opaque.find(OVE);
    if (It == Opaque.end())
      reject(E, "unsupported-expression", "unbound opaque value");
    return ir::makeLocal(It->second, Fn.Locals[It->second].Ty);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return call(Call);
  if (const auto *SE = dyn_cast<StmtExpr>(E))
    return stmtExpr(SE->getSubStmt(), E->getType());
  if (isa<ImplicitValueInitExpr>(E))
    return Inits.initializer(E, E->getType());
  if (isa<GNUNullExpr>(E))
    return ir::makeInt(0, type(E->getType(), E));
  if (const auto *CE = dyn_cast<ConstantExpr>(E))
    return rvalue(CE->getSubExpr());
  if (E->isGLValue() && E->getType()->isRecordType())
    return Places.load(Places.lvalue(E));
  if (isa<AddrLabelExpr>(E))
    reject(E, "computed-goto", "address of a label (&&label)");
  if (isa<VAArgExpr>(E))
    reject(E, "va-arg", "va_arg has no Rust equivalent here");
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    return Atomics.atomicExpr(AE);
  if (isa<CompoundLiteralExpr>(E))
    return Places.load(Places.lvalue(E));
  if (isa<InitListExpr>(E))
    reject(E, "init-list", "initializer list outside a declaration");
  if (isa<UnaryExprOrTypeTraitExpr>(E))
    reject(E, "sizeof-non-constant", "sizeof/alignof that is not a constant");
  if (isa<DeclRefExpr>(E))
    return declRef(E);
  reject(E, "unsupported-expression",
         std::string("expression '") + E->getStmtClassName() + "'");
}

ExprPtr ExprLowering::declRef(const clang::Expr *E) {
  const auto *DRE = cast<DeclRefExpr>(E);
  if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
    return ir::makeInt(EC->getInitVal().extOrTrunc(64).getZExtValue(),
                       type(E->getType(), E));
  reject(E, "unsupported-expression", "reference to '" +
                                          DRE->getDecl()->getNameAsString() +
                                          "' used as a value");
}

// ---- calls -----------------------------------------------------------------

// `({ static ...; &f; })(args)`, `__static_call(name)` (its static is
// `__ADDRESSABLE(key)`): the statics declared, f is the callee; else null.
const FunctionDecl *ExprLowering::calleeBehindStatics(const CallExpr *E) {
  const auto *SE = dyn_cast<StmtExpr>(E->getCallee()->IgnoreParenImpCasts());
  if (!SE || SE->getSubStmt()->body_empty())
    return nullptr;
  const auto *Last = dyn_cast<clang::Expr>(SE->getSubStmt()->body_back());
  const clang::Expr *Value = Last ? Last->IgnoreParenImpCasts() : nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Value))
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      Value = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Value);
  const auto *F = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!F)
    return nullptr;
  std::vector<const VarDecl *> StaticDecls;
  for (const clang::Stmt *S : SE->getSubStmt()->body()) {
    if (S == Last)
      break;
    if (isa<NullStmt>(S))
      continue;
    const auto *DS = dyn_cast<DeclStmt>(S);
    if (!DS)
      return nullptr;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->isStaticLocal())
        return nullptr;
      StaticDecls.push_back(VD);
    }
  }
  for (const VarDecl *VD : StaticDecls)
    StaticLocals.staticLocal(VD);
  return F;
}

// A call C's compiler gives a meaning of its own: a builtin, a C library
// function with a core operation, a call with constant arguments to a
// function specialised for them, a shim. Null for a plain call.
ExprPtr ExprLowering::specialCall(const CallExpr *E,
                                  const FunctionDecl *Callee) {
  if (unsigned ID = Callee->getBuiltinID()) {
    // A C library function (`memcpy`): the core operation where there is
    // one, else a call like any other.
    if (Ctx.BuiltinInfo.isPredefinedLibFunction(ID)) {
      if (ExprPtr Core = Builtins.libraryCall(E, ID))
        return Core;
    } else if (!Ctx.BuiltinInfo.isLibFunction(ID) ||
               Callee->getName().starts_with("__builtin_")) {
      return Builtins.builtinCall(E, ID);
    }
  }
  if (!Callee->getType()->getAs<FunctionProtoType>())
    reject(E, "no-prototype",
           "call to '" + Callee->getNameAsString() +
               "', which has no prototype");
  if (ExprPtr Call = Specialised.specialisedCall(E, Callee))
    return Call;
  return ShimCalls.shimCall(E, Callee);
}

// The call's arguments, converted to the parameters' types; those a
// translated variadic function never reads are evaluated for their effects
// only, into Effects, before the call (C leaves the order open).
void ExprLowering::callArguments(const CallExpr *E, const FunctionDecl *Callee,
                                 ir::Expr &C, std::vector<ir::Stmt> &Effects) {
  std::vector<TypeRef> ParamTys;
  if (Callee) {
    if (const auto *FPT = Callee->getType()->getAs<FunctionProtoType>())
      for (QualType P : FPT->getParamTypes())
        ParamTys.push_back(type(P, E));
  } else if (isFnPtr(C.Ops[0]->Ty)) {
    ParamTys = C.Ops[0]->Ty->params();
  }
  bool DropVariadic = Callee && C.Sym.Kind == ir::SymbolKind::InlineFn &&
                      ignoresVariadicArguments(Callee);
  unsigned I = 0;
  for (const clang::Expr *Arg : E->arguments()) {
    if (DropVariadic && I >= ParamTys.size()) {
      if (Arg->HasSideEffects(Ctx))
        Effects.push_back(ir::Stmt::expr(rvalue(Arg)));
      ++I;
      continue;
    }
    ExprPtr V = rvalue(Arg);
    if (I < ParamTys.size())
      V = coerce(std::move(V), ParamTys[I]);
    C.Ops.push_back(std::move(V));
    ++I;
  }
}

ExprPtr ExprLowering::call(const CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee)
    Callee = calleeBehindStatics(E);
  if (Callee)
    if (ExprPtr Special = specialCall(E, Callee))
      return Special;
  if (Callee && Callee->hasAttr<ErrorAttr>())
    reject(E, "error-attribute-call",
           "call to '" + Callee->getNameAsString() +
               "', which must never be called (BUILD_BUG_ON and the like) "
               "on a branch not provably dead");
  TypeRef Ty = type(E->getType(), E);
  if (Callee && Callee->isNoReturn())
    Ty = Type::never();
  ExprPtr C;
  if (Callee) {
    C = makeExpr(ExprKind::Call, Ty);
    C->Sym = Scope.functionSymbol(Callee);
  } else {
    C = makeExpr(ExprKind::CallPtr, Ty);
    C->Ops.push_back(rvalue(E->getCallee()));
  }
  std::vector<ir::Stmt> Effects;
  callArguments(E, Callee, *C, Effects);
  bool BoundNoreturn = Callee && Callee->isNoReturn() &&
                       C->Sym.Kind == ir::SymbolKind::BindingsFn;
  if (BoundNoreturn && !LC.BindingsNoreturnAsNever) {
    // The declaration says `()`; the call still never returns.
    C->Ty = type(E->getType(), E);
    auto Unreachable = makeExpr(ExprKind::Call, Type::never());
    Unreachable->Sym = {ir::SymbolKind::Core,
                        "core::hint::unreachable_unchecked"};
    std::vector<ir::Stmt> Body;
    Body.push_back(ir::Stmt::expr(std::move(C)));
    return ir::makeBlock(std::move(Body), std::move(Unreachable),
                         Type::never());
  }
  if (!Effects.empty()) {
    TypeRef T = C->Ty;
    return ir::makeBlock(std::move(Effects), std::move(C), T);
  }
  return C;
}

ExprPtr ExprLowering::stmtExpr(const CompoundStmt *CS, QualType Ty) {
  std::vector<ir::Stmt> Body;
  TypeRef T = type(Ty, CS);
  if (CS->body_empty())
    return ir::makeBlock({}, nullptr, T);
  for (const clang::Stmt *S : CS->body())
    if (isa<LabelStmt>(S))
      reject(S, "statement-expression-label",
             "label inside a statement expression");
  const clang::Stmt *Last = CS->body_back();
  for (const clang::Stmt *S : CS->body()) {
    if (S == Last && !T->isUnit())
      break;
    Stmts.stmt(S, Body);
  }
  if (T->isUnit())
    return ir::makeBlock(std::move(Body), nullptr, T);
  const auto *Value = dyn_cast<clang::Expr>(Last);
  if (!Value)
    reject(Last, "unsupported-statement",
           "statement expression does not end in an expression");
  return ir::makeBlock(std::move(Body), rvalue(Value), T);
}

// ---- statements used as expressions ----------------------------------------

// Clang's HasSideEffects looks past a statement expression's statements (an
// `asm volatile` in WARN_ON's); any statement expression may have effects.
static bool holdsStatementExpr(const clang::Stmt *S) {
  if (!S)
    return false;
  if (isa<StmtExpr>(S))
    return true;
  for (const clang::Stmt *C : S->children())
    if (holdsStatementExpr(C))
      return true;
  return false;
}

void ExprLowering::effect(const clang::Expr *E, std::vector<ir::Stmt> &Out) {
  E = E->IgnoreParens();
  if (!E->HasSideEffects(Ctx) && !holdsStatementExpr(E))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp()) {
      ExprPtr B = Operators.assignment(BO, false);
      for (auto &S : B->Stmts)
        Out.push_back(std::move(S));
      return;
    }
    if (BO->getOpcode() == BO_Comma) {
      effect(BO->getLHS(), Out);
      effect(BO->getRHS(), Out);
      return;
    }
    if (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr) {
      ExprPtr Cond = condition(BO->getLHS());
      if (BO->getOpcode() == BO_LOr)
        Cond = ir::makeUnary(ir::UnaryOp::Not, std::move(Cond), Type::boolean());
      std::vector<ir::Stmt> Then;
      effect(BO->getRHS(), Then);
      Out.push_back(ir::Stmt::expr(
          ir::makeIf(std::move(Cond),
                     ir::makeBlock(std::move(Then), nullptr, Type::unit()),
                     nullptr, Type::unit())));
      return;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->isIncrementDecrementOp()) {
      ExprPtr B = Operators.increment(UO, false);
      for (auto &S : B->Stmts)
        Out.push_back(std::move(S));
      return;
    }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::vector<ir::Stmt> A, B;
    effect(CO->getTrueExpr(), A);
    effect(CO->getFalseExpr(), B);
    Out.push_back(ir::Stmt::expr(ir::makeIf(
        condition(CO->getCond()),
        ir::makeBlock(std::move(A), nullptr, Type::unit()),
        B.empty() ? nullptr
                  : ir::makeBlock(std::move(B), nullptr, Type::unit()),
        Type::unit())));
    return;
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    if (CE->getCastKind() == CK_ToVoid) {
      effect(CE->getSubExpr(), Out);
      return;
    }
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    ExprPtr B = stmtExpr(SE->getSubStmt(), Ctx.VoidTy);
    for (auto &S : B->Stmts)
      Out.push_back(std::move(S));
    return;
  }
  ExprPtr V = rvalue(E);
  ExprKind K = V->Kind;
  bool Statement = K == ExprKind::Call || K == ExprKind::CallPtr ||
                   K == ExprKind::Assign || K == ExprKind::VolatileWrite ||
                   V->Ty->isUnit() || V->Ty->isNever();
  if (Statement) {
    Out.push_back(ir::Stmt::expr(std::move(V)));
    return;
  }
  // A value computed only for its side effects: `let _ = ..;`.
  ir::LocalId Discard = addLocal("_", V->Ty);
  Out.push_back(ir::Stmt::let(Discard, std::move(V)));
}

} // namespace h2r::frontend
