//===- OperatorLowering.cpp - C conversions and operators -----------------===//
//
// Each operator sees operands of its computation type (Clang inserted the
// conversions) and picks the Rust operation with the same two's-complement
// result (`-fno-strict-overflow`).
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

ExprPtr OperatorLowering::convert(ExprPtr V, QualType From, QualType To,
                                  const clang::Stmt *Where) {
  TypeRef ToTy = type(To, Where);
  if (ToTy->isUnit() || sameType(V->Ty, ToTy))
    return V;
  if (V->Ty->isNewtype())
    V = newtypeValue(std::move(V));
  if (ToTy->isNewtype())
    return newtypeWrap(std::move(V), ToTy);
  // `char` is `c_char` in the bindings, whose signedness may not be C's
  // (-funsigned-char against core::ffi's i8 on x86): widen by C's rule.
  if (V->Ty->isInt() && From->isIntegerType() &&
      From->isSignedIntegerType() != V->Ty->isSigned() &&
      ((ToTy->isInt() && ToTy->bits() > V->Ty->bits()) ||
       ToTy->kind() == Type::Kind::Float))
    V = ir::makeCast(std::move(V), Type::integer(V->Ty->bits(),
                                                 From->isSignedIntegerType()));
  const TypeRef FromTy = V->Ty;
  if (ToTy->isBool())
    return Exprs.toBool(std::move(V));
  if (sameType(FromTy, ToTy))
    return V;
  bool FromPtr = FromTy->isPointer() || isFnPtr(FromTy);
  bool ToPtr = ToTy->isPointer() || isFnPtr(ToTy);
  if (V->Kind == ExprKind::NullPtr && ToPtr) {
    V->Ty = ToTy;
    return V;
  }
  if (FromPtr && ToPtr) {
    if (isFnPtr(FromTy) || isFnPtr(ToTy))
      return wrap(ExprKind::Transmute, std::move(V), ToTy);
    return ir::makeCast(std::move(V), ToTy);
  }
  if (FromPtr && ToTy->isInt()) {
    if (isFnPtr(FromTy))
      V = wrap(ExprKind::Transmute, std::move(V), usizeType());
    else
      V = ir::makeCast(std::move(V), usizeType());
    return ir::makeCast(std::move(V), ToTy);
  }
  if ((FromTy->isInt() || FromTy->isBool()) && ToPtr) {
    bool Signed = FromTy->isInt() && FromTy->isSigned();
    V = ir::makeCast(std::move(V), Signed ? isizeType() : usizeType());
    if (isFnPtr(ToTy))
      return wrap(ExprKind::Transmute,
                  ir::makeCast(std::move(V), usizeType()), ToTy);
    return ir::makeCast(std::move(V), ToTy);
  }
  bool FromScalar = FromTy->isInt() || FromTy->isBool() ||
                    FromTy->kind() == Type::Kind::Float;
  bool ToScalar = ToTy->isInt() || ToTy->kind() == Type::Kind::Float;
  if (FromScalar && ToScalar)
    return ir::makeCast(std::move(V), ToTy);
  (void)From;
  reject(Where, "unsupported-conversion",
         "conversion from '" + From.getAsString() + "' to '" +
             To.getAsString() + "'");
}

// A read of a file-scope `static const` integer with a constant initialiser
// (`static const unsigned int max_slack_shift = 2;` in delay.h) is its value:
// C cannot change it, so no Rust static (and no copy beside helpers.o's) is
// needed. Its address still falls back as `static-global`.
ExprPtr OperatorLowering::fileScopeConstant(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isFileVarDecl() || VD->getStorageClass() != SC_Static ||
      !VD->getType().isConstQualified() ||
      VD->getType().isVolatileQualified() || !VD->getType()->isIntegerType())
    return nullptr;
  const APValue *V = VD->evaluateValue();
  if (!V || !V->isInt())
    return nullptr;
  return ir::makeInt(V->getInt().extOrTrunc(64).getZExtValue(),
                     type(VD->getType(), E));
}

// Whether the place E names is a member of a packed record, at any depth:
// it may be misaligned for its type.
static bool inPackedRecord(const clang::Expr *E) {
  for (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParens()); ME;
       ME = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts())) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const RecordDecl *Outer = Field ? Field->getParent() : nullptr;
    if (Outer && (Outer->hasAttr<PackedAttr>() ||
                  Outer->hasAttr<MaxFieldAlignmentAttr>()))
      return true;
    if (ME->isArrow())
      return false;
  }
  return false;
}

ExprPtr OperatorLowering::lowerCast(const CastExpr *E) {
  const clang::Expr *Sub = E->getSubExpr();
  QualType To = E->getType();
  switch (E->getCastKind()) {
  case CK_LValueToRValue:
    if (const ConstArg *A = Specialised.boundArgument(Sub->IgnoreParens()))
      return Specialised.boundValue(*A, Sub->getType(), E);
    if (ExprPtr Folded = fileScopeConstant(Sub))
      return Folded;
    if (!LC.SelfTypes && Sub->getType()->isRecordType() &&
        !LC.Types.bindgenDerivesCopy(Sub->getType()))
      return Places.copyRecord(Places.lvalue(Sub), inPackedRecord(Sub));
    return Places.load(Places.lvalue(Sub));
  case CK_NoOp:
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_PointerToBoolean:
  case CK_FloatingToBoolean:
  case CK_BooleanToSignedIntegral:
  case CK_IntegralToPointer:
  case CK_PointerToIntegral:
  case CK_BitCast:
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  // A per-CPU pointer (`__seg_gs`) and a plain one hold the same offset:
  // x86's named address spaces convert bit for bit, and per_cpu_ptr()
  // adds the CPU's offset itself.
  case CK_AddressSpaceConversion:
    return convert(Exprs.rvalue(Sub), Sub->getType(), To, E);
  case CK_NullToPointer: {
    auto N = makeExpr(ExprKind::NullPtr, type(To, E));
    return N;
  }
  case CK_ToVoid: {
    std::vector<ir::Stmt> Stmts;
    Exprs.effect(Sub, Stmts);
    return ir::makeBlock(std::move(Stmts), nullptr, Type::unit());
  }
  case CK_ArrayToPointerDecay: {
    TypeRef Ty = type(To, E);
    const clang::Expr *Arr = Sub->IgnoreParens();
    if (const auto *PE = dyn_cast<PredefinedExpr>(Arr))
      Arr = PE->getFunctionName();
    if (const auto *SL = dyn_cast_or_null<StringLiteral>(Arr)) {
      if (SL->getCharByteWidth() != 1)
        reject(E, "wide-string", "wide string literal");
      auto S = makeExpr(ExprKind::ByteStr, Ty);
      S->Text = SL->getBytes().str();
      S->Text.push_back('\0');
      return S;
    }
    if (isa<CompoundLiteralExpr>(Arr))
      reject(E, "compound-literal",
             "array compound literal used as a pointer (it has no Rust place)");
    LValue LV = Places.lvalue(Sub);
    if (!hasAddress(*LV.Place))
      reject(E, "compound-literal",
             "array inside a compound literal used as a pointer");
    return Places.pointerTo(std::move(LV), To, Ty);
  }
  case CK_FunctionToPointerDecay:
    return Places.addressOf(Sub, To);
  default:
    reject(E, "unsupported-cast",
           std::string("cast kind '") + E->getCastKindName() + "'");
  }
}

// ---- operators -------------------------------------------------------------

ExprPtr OperatorLowering::pointerOffset(ExprPtr Ptr, ExprPtr Index,
                                        QualType PtrTy, bool Negate) {
  QualType Pointee = PtrTy->getPointeeType();
  TypeRef OrigTy = Ptr->Ty;
  // GNU C: arithmetic on void* and function pointers steps in bytes.
  bool Bytewise = Pointee->isVoidType() || Pointee->isFunctionType();
  if (Bytewise)
    Ptr = ir::makeCast(std::move(Ptr),
                       Type::pointer(Type::integer(8, false),
                                     OrigTy->isPointer() &&
                                         OrigTy->isPointeeConst()));
  ExprPtr Offset;
  if (Index->Kind == ExprKind::IntLit) {
    int64_t V = Index->Ty->isSigned()
                    ? signedValue(Index->IntValue, Index->Ty->bits())
                    : static_cast<int64_t>(Index->IntValue);
    if (Negate)
      V = static_cast<int64_t>(uint64_t(0) - static_cast<uint64_t>(V));
    Offset = ir::makeInt(static_cast<uint64_t>(V), isizeType());
  } else {
    Offset = ir::makeCast(std::move(Index), isizeType());
    if (Negate)
      Offset = method("wrapping_neg", std::move(Offset), nullptr, isizeType());
  }
  TypeRef PTy = Ptr->Ty;
  ExprPtr R = method("wrapping_offset", std::move(Ptr), std::move(Offset), PTy);
  if (Bytewise)
    R = ir::makeCast(std::move(R), OrigTy);
  return R;
}

// Is the Rust pointee of pointer type P as large as the C one, so that
// `offset_from` counts in the same elements? Scalars are; so are bindgen's
// records (opaque ones are byte arrays of the C size), but not every record
// of self mode (an opaque stand-in has no size).
bool OperatorLowering::exactPointee(const TypeRef &P) const {
  if (!P->isPointer())
    return false;
  const TypeRef &T = P->pointee();
  switch (T->kind()) {
  case Type::Kind::Int:
  case Type::Kind::Float:
  case Type::Kind::Bool:
  case Type::Kind::Pointer:
  case Type::Kind::FnPtr:
    return true;
  case Type::Kind::Record:
  case Type::Kind::Newtype:
    return !LC.SelfTypes;
  case Type::Kind::Unit:
  case Type::Kind::Never:
  case Type::Kind::CVoid:
  case Type::Kind::Array:
  case Type::Kind::Tuple:
    return false;
  }
  return false;
}

namespace {

// A comparison, as bool: `p == NULL` reads better as `p.is_null()` /
// `f.is_none()`; C compares function pointers by address, and so does this.
ExprPtr comparison(BinaryOperatorKind Op, ExprPtr L, ExprPtr R) {
  bool Eq = Op == BO_EQ || Op == BO_NE;
  bool AgainstNull =
      L->Kind == ExprKind::NullPtr || R->Kind == ExprKind::NullPtr;
  if (Eq && AgainstNull && (L->Ty->isPointer() || isFnPtr(L->Ty))) {
    ExprPtr P = L->Kind == ExprKind::NullPtr ? std::move(R) : std::move(L);
    bool Fn = isFnPtr(P->Ty);
    ExprPtr Cmp = method(Fn ? (Op == BO_EQ ? "is_none" : "is_some") : "is_null",
                         std::move(P), nullptr, Type::boolean());
    if (Op == BO_NE && !Fn)
      Cmp = ir::makeUnary(ir::UnaryOp::Not, std::move(Cmp), Type::boolean());
    return Cmp;
  }
  if (isFnPtr(L->Ty)) {
    L = wrap(ExprKind::Transmute, std::move(L), usizeType());
    R = wrap(ExprKind::Transmute, std::move(R), usizeType());
  }
  ir::BinaryOp Sym = Op == BO_LT   ? ir::BinaryOp::Lt
                     : Op == BO_GT ? ir::BinaryOp::Gt
                     : Op == BO_LE ? ir::BinaryOp::Le
                     : Op == BO_GE ? ir::BinaryOp::Ge
                     : Op == BO_EQ ? ir::BinaryOp::Eq
                                   : ir::BinaryOp::Ne;
  return ir::makeBinary(Sym, std::move(L), std::move(R), Type::boolean());
}

} // namespace

// C subtracts pointers into one array, and the difference divides exactly:
// `offset_from` says both, so the division is a shift or a multiply, never
// a signed division.
ExprPtr OperatorLowering::pointerDifference(ExprPtr L, ExprPtr R, QualType LTy,
                                            const TypeRef &Ty) {
  uint64_t Size = 1;
  QualType Pointee = LTy->getPointeeType();
  if (!Pointee->isVoidType() && !Pointee->isFunctionType())
    Size = Ctx.getTypeSizeInChars(Pointee).getQuantity();
  if (Size != 1 && exactPointee(L->Ty) &&
      sameType(L->Ty->pointee(), R->Ty->pointee()))
    return ir::makeCast(
        method("offset_from", std::move(L), std::move(R), isizeType()), Ty);
  ExprPtr Diff =
      method("wrapping_sub", ir::makeCast(std::move(L), isizeType()),
             ir::makeCast(std::move(R), isizeType()), isizeType());
  if (Size != 1)
    Diff = method("wrapping_div", std::move(Diff),
                  ir::makeInt(Size, isizeType()), isizeType());
  return ir::makeCast(std::move(Diff), Ty);
}

ExprPtr OperatorLowering::arith(BinaryOperatorKind Op, ExprPtr L, ExprPtr R,
                                QualType LTy, QualType RTy, QualType ResTy,
                                const clang::Stmt *Where) {
  TypeRef Ty = type(ResTy, Where);
  bool IsFloat = L->Ty->kind() == Type::Kind::Float;
  bool Arithmetic = !LTy->isPointerType() && !RTy->isPointerType();
  if (Arithmetic && Op != BO_LT && Op != BO_GT && Op != BO_LE &&
      Op != BO_GE && Op != BO_EQ && Op != BO_NE) {
    L = Exprs.coerce(std::move(L), Ty);
    if (Op != BO_Shl && Op != BO_Shr)
      R = Exprs.coerce(std::move(R), Ty);
  } else if (Arithmetic) {
    R = Exprs.coerce(std::move(R), L->Ty);
  }
  auto Wrapping = [&](const char *Name, ir::BinaryOp FloatOp) -> ExprPtr {
    if (IsFloat)
      return ir::makeBinary(FloatOp, std::move(L), std::move(R), Ty);
    return method(Name, std::move(L), std::move(R), Ty);
  };
  switch (Op) {
  case BO_Add:
    if (LTy->isPointerType())
      return pointerOffset(std::move(L), std::move(R), LTy, false);
    if (RTy->isPointerType())
      return pointerOffset(std::move(R), std::move(L), RTy, false);
    return Wrapping("wrapping_add", ir::BinaryOp::Add);
  case BO_Sub:
    if (LTy->isPointerType() && RTy->isPointerType())
      return pointerDifference(std::move(L), std::move(R), LTy, Ty);
    if (LTy->isPointerType())
      return pointerOffset(std::move(L), std::move(R), LTy, true);
    return Wrapping("wrapping_sub", ir::BinaryOp::Sub);
  case BO_Mul:
    return Wrapping("wrapping_mul", ir::BinaryOp::Mul);
  case BO_Div:
    return Wrapping("wrapping_div", ir::BinaryOp::Div);
  case BO_Rem:
    return Wrapping("wrapping_rem", ir::BinaryOp::Rem);
  case BO_Shl:
  case BO_Shr:
    return method(Op == BO_Shl ? "wrapping_shl" : "wrapping_shr", std::move(L),
                  ir::makeCast(std::move(R), u32Type()), Ty);
  case BO_And:
    return ir::makeBinary(ir::BinaryOp::BitAnd, std::move(L), std::move(R), Ty);
  case BO_Or:
    return ir::makeBinary(ir::BinaryOp::BitOr, std::move(L), std::move(R), Ty);
  case BO_Xor:
    return ir::makeBinary(ir::BinaryOp::BitXor, std::move(L), std::move(R), Ty);
  case BO_LT:
  case BO_GT:
  case BO_LE:
  case BO_GE:
  case BO_EQ:
  case BO_NE:
    return ir::makeCast(comparison(Op, std::move(L), std::move(R)), Ty);
  default:
    reject(Where, "unsupported-operator", "binary operator");
  }
}

ExprPtr OperatorLowering::binary(const BinaryOperator *E) {
  BinaryOperatorKind Op = E->getOpcode();
  if (Op == BO_Comma) {
    std::vector<ir::Stmt> Pre;
    Exprs.effect(E->getLHS(), Pre);
    return withStmts(std::move(Pre), Exprs.rvalue(E->getRHS()));
  }
  if (Op == BO_LAnd || Op == BO_LOr) {
    ExprPtr L = Exprs.condition(E->getLHS());
    // `0 && x` never evaluates x, so x is not even lowered: it may be a
    // branch only a constant (often __builtin_constant_p) rules out.
    if (L->Kind == ExprKind::BoolLit) {
      bool Decided = (Op == BO_LAnd) ? !L->IntValue : L->IntValue;
      ExprPtr V = Decided ? std::move(L) : Exprs.condition(E->getRHS());
      return ir::makeCast(std::move(V), type(E->getType(), E));
    }
    ExprPtr B = ir::makeBinary(
        Op == BO_LAnd ? ir::BinaryOp::And : ir::BinaryOp::Or, std::move(L),
        Exprs.condition(E->getRHS()), Type::boolean());
    return ir::makeCast(std::move(B), type(E->getType(), E));
  }
  ExprPtr L = Exprs.rvalue(E->getLHS());
  ExprPtr R = Exprs.rvalue(E->getRHS());
  return arith(Op, std::move(L), std::move(R), E->getLHS()->getType(),
               E->getRHS()->getType(), E->getType(), E);
}

ExprPtr OperatorLowering::assignment(const BinaryOperator *E, bool WantValue) {
  std::vector<ir::Stmt> Pre;
  LValue LV = Places.lvalue(E->getLHS());
  QualType LTy = E->getLHS()->getType();
  ExprPtr NewValue;
  bool Compound = isa<CompoundAssignOperator>(E);
  if (Compound || WantValue)
    LV = Places.stabilize(std::move(LV), Pre);
  auto Copy = [&]() { return LV.duplicate(); };
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(E)) {
    QualType CompL = CAO->getComputationLHSType();
    QualType CompR = CAO->getComputationResultType();
    BinaryOperatorKind Op = BinaryOperator::getOpForCompoundAssignment(
        E->getOpcode());
    ExprPtr Old = convert(Places.load(Copy()), LTy, CompL, E);
    ExprPtr R = Exprs.rvalue(E->getRHS());
    QualType RTy = E->getRHS()->getType();
    bool KeepRhs = Op == BO_Shl || Op == BO_Shr || CompL->isPointerType();
    if (!KeepRhs) {
      R = convert(std::move(R), RTy, CompL, E);
      RTy = CompL;
    }
    NewValue = convert(arith(Op, std::move(Old), std::move(R), CompL, RTy,
                             CompR, E),
                       CompR, LTy, E);
  } else {
    NewValue = Exprs.rvalue(E->getRHS());
  }
  NewValue = Exprs.coerce(std::move(NewValue), LV.Ty);
  if (!WantValue) {
    Pre.push_back(
        ir::Stmt::expr(Places.store(std::move(LV), std::move(NewValue))));
    return ir::makeBlock(std::move(Pre), nullptr, Type::unit());
  }
  if (!LV.Bitfield.empty()) {
    // The value of a bitfield assignment is the truncated stored value.
    Pre.push_back(ir::Stmt::expr(Places.store(Copy(), std::move(NewValue))));
    return ir::makeBlock(std::move(Pre), Places.load(std::move(LV)), LV.Ty);
  }
  TypeRef Ty = NewValue->Ty;
  ir::LocalId Tmp = addLocal("__value", Ty);
  Pre.push_back(ir::Stmt::let(Tmp, std::move(NewValue)));
  Pre.push_back(
      ir::Stmt::expr(Places.store(std::move(LV), ir::makeLocal(Tmp, Ty))));
  return ir::makeBlock(std::move(Pre), ir::makeLocal(Tmp, Ty), Ty);
}

ExprPtr OperatorLowering::increment(const UnaryOperator *E, bool WantValue) {
  std::vector<ir::Stmt> Pre;
  LValue LV = Places.stabilize(Places.lvalue(E->getSubExpr()), Pre);
  QualType CTy = E->getSubExpr()->getType();
  TypeRef Ty = LV.Ty;
  bool Inc = E->isIncrementOp();
  auto Copy = [&]() { return LV.duplicate(); };
  auto Step = [&](ExprPtr Old) -> ExprPtr {
    switch (Ty->kind()) {
    case Type::Kind::Int:
      return method(Inc ? "wrapping_add" : "wrapping_sub", std::move(Old),
                    ir::makeInt(1, Ty), Ty);
    case Type::Kind::Pointer:
      return pointerOffset(std::move(Old), ir::makeInt(Inc ? 1 : -1, isizeType()),
                           CTy, false);
    case Type::Kind::Float: {
      auto One = makeExpr(ExprKind::FloatLit, Ty);
      One->Text = "1.0";
      return ir::makeBinary(Inc ? ir::BinaryOp::Add : ir::BinaryOp::Sub, std::move(Old), std::move(One),
                            Ty);
    }
    case Type::Kind::Bool:
      // C computes in int: ++ gives true, -- gives the negation.
      if (Inc) {
        auto T = makeExpr(ExprKind::BoolLit, Ty);
        T->IntValue = 1;
        return T;
      }
      return ir::makeUnary(ir::UnaryOp::Not, std::move(Old), Ty);
    default:
      reject(E, "unsupported-operator", "increment of this type");
    }
  };
  if (!WantValue) {
    Pre.push_back(
        ir::Stmt::expr(Places.store(Copy(), Step(Places.load(Copy())))));
    return ir::makeBlock(std::move(Pre), nullptr, Type::unit());
  }
  ir::LocalId Tmp = addLocal(E->isPrefix() ? "__new" : "__old", Ty);
  if (E->isPrefix()) {
    Pre.push_back(ir::Stmt::let(Tmp, Step(Places.load(Copy()))));
    Pre.push_back(ir::Stmt::expr(Places.store(Copy(), ir::makeLocal(Tmp, Ty))));
    if (!LV.Bitfield.empty())
      return ir::makeBlock(std::move(Pre), Places.load(Copy()), Ty);
  } else {
    Pre.push_back(ir::Stmt::let(Tmp, Places.load(Copy())));
    Pre.push_back(
        ir::Stmt::expr(Places.store(Copy(), Step(ir::makeLocal(Tmp, Ty)))));
  }
  return ir::makeBlock(std::move(Pre), ir::makeLocal(Tmp, Ty), Ty);
}

ExprPtr OperatorLowering::unary(const UnaryOperator *E) {
  const clang::Expr *Sub = E->getSubExpr();
  TypeRef Ty = type(E->getType(), E);
  switch (E->getOpcode()) {
  case UO_Plus:
  case UO_Extension:
    return Exprs.rvalue(Sub);
  case UO_Minus: {
    ExprPtr V = Exprs.rvalue(Sub);
    if (V->Ty->kind() == Type::Kind::Float)
      return ir::makeUnary(ir::UnaryOp::Neg, std::move(V), Ty);
    return method("wrapping_neg", std::move(V), nullptr, Ty);
  }
  case UO_Not:
    return ir::makeUnary(ir::UnaryOp::Not, Exprs.rvalue(Sub), Ty);
  case UO_LNot: {
    ExprPtr C = Exprs.condition(Sub);
    if (C->Kind == ExprKind::BoolLit) {
      C->IntValue = !C->IntValue; // keeps `!constant` a constant
      return ir::makeCast(std::move(C), Ty);
    }
    return ir::makeCast(ir::makeUnary(ir::UnaryOp::Not, std::move(C), Type::boolean()), Ty);
  }
  case UO_Deref:
    return Places.load(Places.lvalue(E));
  case UO_AddrOf:
    return Places.addressOf(Sub, E->getType());
  case UO_PreInc:
  case UO_PreDec:
  case UO_PostInc:
  case UO_PostDec:
    return increment(E, true);
  default:
    reject(E, "unsupported-operator",
           std::string("unary operator '") +
               UnaryOperator::getOpcodeStr(E->getOpcode()).str() + "'");
  }
}

} // namespace h2r::frontend
