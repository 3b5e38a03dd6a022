//===- ConstantConditions.cpp - Conditions C's optimiser decides ----------===//
//
// GCC decides some conditions only after it has propagated constants
// through locals: `statically_true(x)` (`__builtin_constant_p(x) && (x)`)
// on a local that min() initialised with a constant, as in
// `min(MAX_NUMNODES, find_first_bit(...))`, whose signedness check is a
// BUILD_BUG_ON that must be dead. Clang's own folding answers such a
// `__builtin_constant_p` with 0. Here a condition is folded with every
// local that holds one constant (initialised with it, never written nor
// address-taken) read as that constant, and `__builtin_constant_p` of
// what so folds answers 1, as it does once GCC has propagated.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"


namespace h2r::frontend {

using namespace clang;

bool writesLocal(const clang::Stmt *S, const clang::VarDecl *V) {
  if (!S)
    return false;
  auto Names = [V](const clang::Expr *X) {
    const auto *R = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts());
    return R && R->getDecl() == V;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && Names(BO->getLHS()))
      return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        Names(UO->getSubExpr()))
      return true;
  // An asm output writes its place (`"=rm"(flags)` after pushf).
  if (const auto *Asm = dyn_cast<GCCAsmStmt>(S))
    for (const clang::Expr *Out : Asm->outputs())
      if (Names(Out))
        return true;
  for (const clang::Stmt *Child : S->children())
    if (writesLocal(Child, V))
      return true;
  return false;
}

// A local initialised with a constant and never written or address-taken
// afterwards (`__auto_type __flags = BUGFLAG_WARNING | x;` in WARN) is that
// constant wherever it is read.
std::optional<llvm::APSInt>
ConstantConditions::constantLocal(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || !VD->getInit() ||
      !VD->getType()->isIntegerType())
    return std::nullopt;
  auto Known = ConstantLocals.find(VD);
  if (Known != ConstantLocals.end())
    return Known->second;
  std::optional<llvm::APSInt> &Value = ConstantLocals[VD];
  Expr::EvalResult Init;
  if (!VD->getInit()->EvaluateAsInt(Init, Ctx))
    return Value;
  if (!writesLocal(FD->getBody(), VD))
    Value = Init.Val.getInt();
  return Value;
}

// V as a value of type T (C's integer conversion: truncate or extend).
static llvm::APSInt convertTo(llvm::APSInt V, QualType T, ASTContext &Ctx) {
  if (T->isBooleanType())
    return llvm::APSInt(llvm::APInt(Ctx.getIntWidth(T), V != 0), true);
  llvm::APSInt Result = V.extOrTrunc(Ctx.getIntWidth(T));
  Result.setIsUnsigned(T->isUnsignedIntegerOrEnumerationType());
  return Result;
}

static std::optional<llvm::APSInt> binaryValue(BinaryOperatorKind Op,
                                               const llvm::APSInt &L,
                                               const llvm::APSInt &R) {
  auto Bool = [&](bool B) {
    return llvm::APSInt(llvm::APInt(32, B), false);
  };
  switch (Op) {
  case BO_Add:
    return L + R;
  case BO_Sub:
    return L - R;
  case BO_Mul:
    return L * R;
  case BO_Div:
  case BO_Rem:
    if (R == 0)
      return std::nullopt;
    return Op == BO_Div ? L / R : L % R;
  case BO_Shl:
  case BO_Shr:
    if (R.isNegative() || R.getZExtValue() >= L.getBitWidth())
      return std::nullopt;
    return Op == BO_Shl ? L << R.getZExtValue() : L >> R.getZExtValue();
  case BO_And:
    return L & R;
  case BO_Or:
    return L | R;
  case BO_Xor:
    return L ^ R;
  case BO_LT:
    return Bool(L < R);
  case BO_GT:
    return Bool(L > R);
  case BO_LE:
    return Bool(L <= R);
  case BO_GE:
    return Bool(L >= R);
  case BO_EQ:
    return Bool(L == R);
  case BO_NE:
    return Bool(L != R);
  default:
    return std::nullopt;
  }
}

// `+`, `-`, `~` or `!` of a value.
static std::optional<llvm::APSInt> unaryValue(UnaryOperatorKind Op,
                                              const llvm::APSInt &V,
                                              QualType T, ASTContext &Ctx) {
  switch (Op) {
  case UO_Plus:
    return V;
  case UO_Minus:
    return -V;
  case UO_Not:
    return ~V;
  case UO_LNot:
    return convertTo(llvm::APSInt::get(V == 0), T, Ctx);
  default:
    return std::nullopt;
  }
}

// A binary operator: `&&` and `||` decided by their left operand as C's
// short-circuit decides them.
std::optional<llvm::APSInt>
ConstantConditions::foldBinary(const BinaryOperator *BO) {
  QualType T = BO->getType();
  std::optional<llvm::APSInt> L = foldWithLocals(BO->getLHS());
  if (!L)
    return std::nullopt;
  if (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr) {
    bool Decided = BO->getOpcode() == BO_LAnd ? *L == 0 : *L != 0;
    if (Decided)
      return convertTo(llvm::APSInt::get(*L != 0), T, Ctx);
    std::optional<llvm::APSInt> R = foldWithLocals(BO->getRHS());
    if (!R)
      return std::nullopt;
    return convertTo(llvm::APSInt::get(*R != 0), T, Ctx);
  }
  std::optional<llvm::APSInt> R = foldWithLocals(BO->getRHS());
  if (!R)
    return std::nullopt;
  std::optional<llvm::APSInt> V = binaryValue(BO->getOpcode(), *L, *R);
  if (!V)
    return std::nullopt;
  return convertTo(*V, T, Ctx);
}

std::optional<llvm::APSInt>
ConstantConditions::foldWithLocals(const clang::Expr *E) {
  E = E->IgnoreParens();
  QualType T = E->getType();
  if (!T->isIntegerType())
    return std::nullopt;
  if (std::optional<llvm::APSInt> Local = constantLocal(E))
    return convertTo(*Local, T, Ctx);
  // A parameter this copy is specialised for (`cap < ARM64_NCAPS` in
  // cpucap_is_possible(), given a constant cap).
  if (const ConstArg *A = Specialised.boundArgument(E);
      A && A->K == ConstArg::Kind::Int)
    return convertTo(A->Int, T, Ctx);
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    switch (CE->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_IntegralCast:
    case CK_IntegralToBoolean:
      if (std::optional<llvm::APSInt> V = foldWithLocals(CE->getSubExpr()))
        return convertTo(*V, T, Ctx);
      return std::nullopt;
    default:
      break;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    std::optional<llvm::APSInt> V = foldWithLocals(UO->getSubExpr());
    return V ? unaryValue(UO->getOpcode(), *V, T, Ctx) : std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return foldBinary(BO);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::optional<llvm::APSInt> C = foldWithLocals(CO->getCond());
    if (!C)
      return std::nullopt;
    return foldWithLocals(*C != 0 ? CO->getTrueExpr() : CO->getFalseExpr());
  }
  if (const auto *CE = dyn_cast<ChooseExpr>(E))
    return foldWithLocals(CE->getChosenSubExpr());
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getBuiltinCallee() == Builtin::BI__builtin_constant_p) {
    return convertTo(llvm::APSInt::get(Builtins.constantPAnswer(Call)), T, Ctx);
  }
  // Leaves: literals, enumerators, sizeof; nothing that reads memory.
  if (!Exprs.mayBeConstant(E))
    return std::nullopt;
  Expr::EvalResult R;
  if (E->HasSideEffects(Ctx) || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

} // namespace h2r::frontend
