//===- frontend/ExprLowering.cpp - C expressions to the IR ----------------===//
//
// Clang has already inserted every implicit conversion, so each operator here
// sees operands of its computation type and only has to pick the Rust
// operation with the same two's-complement result (`-fno-strict-overflow`).
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionLowering.h"
#include "frontend/IRBuilders.h"

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

namespace {

ExprPtr withStmts(std::vector<ir::Stmt> Pre, ExprPtr Tail) {
  if (Pre.empty())
    return Tail;
  TypeRef Ty = Tail->Ty;
  return ir::makeBlock(std::move(Pre), std::move(Tail), Ty);
}

bool isFnPtr(const TypeRef &T) { return T->kind() == Type::Kind::FnPtr; }

} // namespace

ExprPtr FunctionLowering::toBool(ExprPtr V) {
  // `(a < b) as i32` used as a condition is just `a < b`.
  if (V->Kind == ExprKind::Cast && V->Ops[0]->Ty->isBool())
    return std::move(V->Ops[0]);
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
// bindgen's newtype enums hold their integer in `.0`.
static ExprPtr newtypeValue(ExprPtr V) {
  TypeRef Repr = V->Ty->repr();
  return wrap(ExprKind::NewtypeValue, std::move(V), Repr);
}

static ExprPtr newtypeWrap(ExprPtr V, const TypeRef &Newtype) {
  if (!sameType(V->Ty, Newtype->repr()))
    V = ir::makeCast(std::move(V), Newtype->repr());
  return wrap(ExprKind::NewtypeWrap, std::move(V), Newtype);
}

ExprPtr FunctionLowering::coerce(ExprPtr V, const TypeRef &Want) {
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

ExprPtr FunctionLowering::condition(const clang::Expr *E) {
  return toBool(rvalue(E));
}

// False only where E surely is no integer constant expression: it reads a
// variable or calls a function outside a short circuit. Memoised, so asking
// at every node of an expression costs linear time, not Clang's own check
// (which walks the whole subtree) at each level.
bool FunctionLowering::mayBeConstant(const clang::Expr *E) {
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

ExprPtr FunctionLowering::constantFold(const clang::Expr *E) {
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

ExprPtr FunctionLowering::rvalue(const clang::Expr *E) {
  E = E->IgnoreParens();
  if (ExprPtr Folded = constantFold(E))
    return Folded;

  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return ir::makeInt(IL->getValue().getZExtValue(), type(E->getType(), E));
  if (const auto *FL = dyn_cast<FloatingLiteral>(E)) {
    llvm::SmallString<32> Text;
    FL->getValue().toString(Text, 17, 0);
    std::string S = Text.str().str();
    if (S.find_first_of(".eEn") == std::string::npos)
      S += ".0";
    if (S.find_first_of("nN") != std::string::npos)
      reject(E, "unsupported-literal", "non-finite floating literal");
    auto F = makeExpr(ExprKind::FloatLit, type(E->getType(), E));
    F->Text = S;
    return F;
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return lowerCast(CE);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isAssignmentOp() ? assignment(BO, true) : binary(BO);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return unary(UO);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    TypeRef Ty = type(E->getType(), E);
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
  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E)) {
    // `a ?: b` evaluates `a` once.
    const OpaqueValueExpr *OVE = BCO->getOpaqueValue();
    if (OVE->getSourceExpr()->isGLValue())
      reject(E, "unsupported-expression", "'?:' on an lvalue operand");
    TypeRef Ty = type(E->getType(), E);
    ir::LocalId Tmp =
        addLocal("__cond", type(OVE->getSourceExpr()->getType(), E));
    std::vector<ir::Stmt> Pre;
    Pre.push_back(ir::Stmt::let(Tmp, rvalue(OVE->getSourceExpr())));
    Opaque[OVE] = Tmp;
    ExprPtr If = ir::makeIf(condition(BCO->getCond()),
                            ir::makeBlock({}, rvalue(BCO->getTrueExpr()), Ty),
                            ir::makeBlock({}, rvalue(BCO->getFalseExpr()), Ty),
                            Ty);
    return withStmts(std::move(Pre), std::move(If));
  }
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
    return initializer(E, E->getType());
  if (isa<GNUNullExpr>(E))
    return ir::makeInt(0, type(E->getType(), E));
  if (const auto *CE = dyn_cast<ConstantExpr>(E))
    return rvalue(CE->getSubExpr());
  if (E->isGLValue() && E->getType()->isRecordType())
    return load(lvalue(E));
  if (isa<AddrLabelExpr>(E))
    reject(E, "computed-goto", "address of a label (&&label)");
  if (isa<VAArgExpr>(E))
    reject(E, "va-arg", "va_arg has no Rust equivalent here");
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    return atomicExpr(AE);
  if (isa<CompoundLiteralExpr>(E))
    return load(lvalue(E));
  if (isa<InitListExpr>(E))
    reject(E, "init-list", "initializer list outside a declaration");
  if (isa<UnaryExprOrTypeTraitExpr>(E))
    reject(E, "sizeof-non-constant", "sizeof/alignof that is not a constant");
  if (isa<DeclRefExpr>(E))
    return declRef(E);
  reject(E, "unsupported-expression",
         std::string("expression '") + E->getStmtClassName() + "'");
}

ExprPtr FunctionLowering::declRef(const clang::Expr *E) {
  const auto *DRE = cast<DeclRefExpr>(E);
  if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
    return ir::makeInt(EC->getInitVal().extOrTrunc(64).getZExtValue(),
                       type(E->getType(), E));
  reject(E, "unsupported-expression", "reference to '" +
                                          DRE->getDecl()->getNameAsString() +
                                          "' used as a value");
}

// ---- lvalues ---------------------------------------------------------------

FunctionLowering::LValue FunctionLowering::lvalue(const clang::Expr *E) {
  E = E->IgnoreParens();
  LValue LV;
  LV.Volatile = E->getType().isVolatileQualified();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      reject(E, "unsupported-lvalue", "reference to a non-variable");
    LV.Ty = type(VD->getType(), E);
    if (VD->hasLocalStorage()) {
      auto It = Locals.find(VD);
      if (It == Locals.end())
        reject(E, "unsupported-lvalue", "variable used before its declaration");
      LV.Place = ir::makeLocal(It->second, LV.Ty);
      return LV;
    }
    auto P = makeExpr(ExprKind::Path, LV.Ty);
    P->Mutable = !VD->getType().isConstQualified();
    if (VD->isStaticLocal()) {
      staticLocal(VD);
      P->Sym = {ir::SymbolKind::LocalStatic, Statics[VD]};
    } else {
      if (VD->getStorageClass() == SC_Static)
        reject(E, "static-global",
               "file-scope static variable '" + VD->getNameAsString() + "'");
      P->Sym = LC.externStatic({VD->getNameAsString(), LV.Ty});
    }
    LV.Place = std::move(P);
    return LV;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref)
      reject(E, "unsupported-lvalue", "unary operator used as an lvalue");
    if (UO->getType()->isVoidType())
      reject(E, "unsupported-lvalue", "dereference of a void pointer");
    LV.Ty = type(E->getType(), E);
    LV.Place = wrap(ExprKind::Deref, rvalue(UO->getSubExpr()), LV.Ty);
    return LV;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      reject(E, "unsupported-lvalue", "member is not a field");
    if (LC.Types.isOpaque(Field->getParent()))
      reject(E, "opaque-type",
             "'" + LC.Types.recordName(Field->getParent()) +
                 "' is opaque in the bindings, so its members are not visible");
    ExprPtr Base;
    const clang::Expr *BaseE = ME->getBase();
    QualType BaseTy = BaseE->getType();
    if (ME->isArrow()) {
      BaseTy = BaseTy->getPointeeType();
      Base = wrap(ExprKind::Deref, rvalue(BaseE), type(BaseTy, E));
    } else if (BaseE->isGLValue()) {
      LValue BaseLV = lvalue(BaseE);
      Base = std::move(BaseLV.Place);
    } else {
      Base = rvalue(BaseE);
    }
    // Accessing through a volatile struct makes the member volatile too.
    LV.Volatile = LV.Volatile || BaseTy.isVolatileQualified();
    try {
      LV.Ty = LC.Types.lowerField(Field->getType());
    } catch (LoweringFailure &F) {
      F.Loc = E->getBeginLoc();
      throw;
    }
    std::string Name = LC.Types.fieldName(Field);
    if (Field->isBitField()) {
      LV.Place = std::move(Base);
      LV.Bitfield = Name;
      return LV;
    }
    auto F = wrap(ExprKind::Field, std::move(Base), LV.Ty);
    F->Name = Name;
    F->Unsafe = Field->getParent()->isUnion();
    LV.Place = std::move(F);
    return LV;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    LV.Ty = type(E->getType(), E);
    ExprPtr Ptr = pointerOffset(rvalue(AS->getBase()), rvalue(AS->getIdx()),
                                AS->getBase()->getType(), false);
    LV.Place = wrap(ExprKind::Deref, std::move(Ptr), LV.Ty);
    return LV;
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    (void)SE;
    reject(E, "unsupported-lvalue", "statement expression used as an lvalue");
  }
  if (const auto *CLE = dyn_cast<CompoundLiteralExpr>(E)) {
    // Read as a value: `(refcount_t){ .refs = ATOMIC_INIT(1) }`.
    if (CLE->isFileScope())
      reject(E, "compound-literal", "file-scope compound literal");
    LV.Ty = type(E->getType(), E);
    LV.Place = initializer(CLE->getInitializer(), CLE->getType());
    return LV;
  }
  reject(E, "unsupported-lvalue",
         std::string("lvalue '") + E->getStmtClassName() + "'");
}

ExprPtr FunctionLowering::load(LValue LV) {
  if (!LV.Bitfield.empty()) {
    auto Get = makeExpr(ExprKind::BitfieldGet, LV.Ty);
    Get->Name = LV.Bitfield;
    Get->Ops.push_back(std::move(LV.Place));
    return Get;
  }
  if (LV.Volatile) {
    ExprPtr Ptr;
    if (LV.Place->Kind == ExprKind::Deref)
      Ptr = std::move(LV.Place->Ops[0]);
    else
      Ptr = wrap(ExprKind::AddrOf, std::move(LV.Place),
                 Type::pointer(LV.Ty, true));
    return wrap(ExprKind::VolatileRead, std::move(Ptr), LV.Ty);
  }
  return std::move(LV.Place);
}

ExprPtr FunctionLowering::store(LValue LV, ExprPtr Value) {
  if (!LV.Bitfield.empty()) {
    auto Set = makeExpr(ExprKind::BitfieldSet, Type::unit());
    Set->Name = LV.Bitfield;
    Set->Ops.push_back(std::move(LV.Place));
    Set->Ops.push_back(std::move(Value));
    return Set;
  }
  if (LV.Volatile) {
    ExprPtr Ptr;
    if (LV.Place->Kind == ExprKind::Deref)
      Ptr = std::move(LV.Place->Ops[0]);
    else {
      Ptr = wrap(ExprKind::AddrOf, std::move(LV.Place),
                 Type::pointer(LV.Ty, false));
      Ptr->Mutable = true;
    }
    auto W = wrap(ExprKind::VolatileWrite, std::move(Ptr), Type::unit());
    W->Ops.push_back(std::move(Value));
    return W;
  }
  return ir::makeAssign(std::move(LV.Place), std::move(Value));
}

FunctionLowering::LValue FunctionLowering::duplicate(const LValue &LV) {
  LValue C;
  C.Place = ir::clone(*LV.Place);
  C.Bitfield = LV.Bitfield;
  C.Ty = LV.Ty;
  C.Volatile = LV.Volatile;
  return C;
}

// Evaluates the place's address once so it can be both read and written.
FunctionLowering::LValue FunctionLowering::stabilize(LValue LV,
                                                     std::vector<ir::Stmt> &Pre) {
  if (ir::isSimplePlace(*LV.Place))
    return LV;
  if (LV.Place->Kind == ExprKind::Block)
    throw LoweringFailure{"compound-literal",
                          "a compound literal is written to", {}};
  TypeRef PlaceTy = LV.Place->Ty;
  TypeRef PtrTy = Type::pointer(PlaceTy, false);
  LValue Whole;
  Whole.Place = std::move(LV.Place);
  Whole.Ty = PlaceTy;
  ir::LocalId Tmp = addLocal("__place", PtrTy);
  Pre.push_back(ir::Stmt::let(Tmp, addressOfPlace(std::move(Whole), true)));
  LV.Place = wrap(ExprKind::Deref, ir::makeLocal(Tmp, PtrTy), PlaceTy);
  return LV;
}

// A compound literal is lowered to a value, which has no address; neither
// do its members.
static bool hasAddress(const ir::Expr &Place) {
  const ir::Expr *P = &Place;
  while (P->Kind == ExprKind::Field)
    P = P->Ops[0].get();
  return P->Kind != ExprKind::Block;
}

// `&place` as a raw pointer; `&*p` is just `p`.
ExprPtr FunctionLowering::addressOfPlace(LValue LV, bool Mutable) {
  TypeRef PtrTy = Type::pointer(LV.Ty, !Mutable);
  if (LV.Place->Kind == ExprKind::Deref)
    return ir::makeCast(std::move(LV.Place->Ops[0]), PtrTy);
  auto Addr = wrap(ExprKind::AddrOf, std::move(LV.Place), PtrTy);
  Addr->Mutable = Mutable;
  return Addr;
}

ExprPtr FunctionLowering::addressOf(const clang::Expr *Sub, QualType PtrTy) {
  Sub = Sub->IgnoreParens();
  if (isa<CompoundLiteralExpr>(Sub))
    reject(Sub, "compound-literal",
           "address of a compound literal (it has no Rust place)");
  TypeRef Ty = type(PtrTy, Sub);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
    if (const auto *Callee = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      auto P = makeExpr(ExprKind::Path, Ty);
      P->Sym = functionSymbol(Callee);
      return P;
    }
  // `&*p` and `&p[i]` compute an address without touching memory.
  if (const auto *UO = dyn_cast<UnaryOperator>(Sub))
    if (UO->getOpcode() == UO_Deref)
      return ir::makeCast(rvalue(UO->getSubExpr()), Ty);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Sub))
    return ir::makeCast(pointerOffset(rvalue(AS->getBase()),
                                      rvalue(AS->getIdx()),
                                      AS->getBase()->getType(), false),
                        Ty);
  LValue LV = lvalue(Sub);
  if (!LV.Bitfield.empty())
    reject(Sub, "unsupported-lvalue", "address of a bitfield");
  if (!hasAddress(*LV.Place))
    reject(Sub, "compound-literal",
           "address into a compound literal (it has no Rust place)");
  bool Mut = !PtrTy->getPointeeType().isConstQualified();
  auto Addr = wrap(ExprKind::AddrOf, std::move(LV.Place),
                   Type::pointer(LV.Ty, !Mut));
  Addr->Mutable = Mut;
  return ir::makeCast(std::move(Addr), Ty);
}

// ---- conversions -----------------------------------------------------------

ExprPtr FunctionLowering::convert(ExprPtr V, QualType From, QualType To,
                                  const clang::Stmt *Where) {
  TypeRef ToTy = type(To, Where);
  if (ToTy->isUnit() || sameType(V->Ty, ToTy))
    return V;
  if (V->Ty->isNewtype())
    V = newtypeValue(std::move(V));
  if (ToTy->isNewtype())
    return newtypeWrap(std::move(V), ToTy);
  const TypeRef FromTy = V->Ty;
  if (ToTy->isBool())
    return toBool(std::move(V));
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

ExprPtr FunctionLowering::lowerCast(const CastExpr *E) {
  const clang::Expr *Sub = E->getSubExpr();
  QualType To = E->getType();
  switch (E->getCastKind()) {
  case CK_LValueToRValue:
    return load(lvalue(Sub));
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
    return convert(rvalue(Sub), Sub->getType(), To, E);
  case CK_NullToPointer: {
    auto N = makeExpr(ExprKind::NullPtr, type(To, E));
    return N;
  }
  case CK_ToVoid: {
    std::vector<ir::Stmt> Stmts;
    effect(Sub, Stmts);
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
    LValue LV = lvalue(Sub);
    if (!hasAddress(*LV.Place))
      reject(E, "compound-literal",
             "array inside a compound literal used as a pointer");
    bool Mut = !To->getPointeeType().isConstQualified();
    auto Addr = wrap(ExprKind::AddrOf, std::move(LV.Place),
                     Type::pointer(LV.Ty, !Mut));
    Addr->Mutable = Mut;
    return ir::makeCast(std::move(Addr), Ty);
  }
  case CK_FunctionToPointerDecay:
    return addressOf(Sub, To);
  default:
    reject(E, "unsupported-cast",
           std::string("cast kind '") + E->getCastKindName() + "'");
  }
}

// ---- operators -------------------------------------------------------------

ExprPtr FunctionLowering::pointerOffset(ExprPtr Ptr, ExprPtr Index,
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

ExprPtr FunctionLowering::arith(BinaryOperatorKind Op, ExprPtr L, ExprPtr R,
                                QualType LTy, QualType RTy, QualType ResTy,
                                const clang::Stmt *Where) {
  TypeRef Ty = type(ResTy, Where);
  bool IsFloat = L->Ty->kind() == Type::Kind::Float;
  bool Arithmetic = !LTy->isPointerType() && !RTy->isPointerType();
  if (Arithmetic && Op != BO_LT && Op != BO_GT && Op != BO_LE &&
      Op != BO_GE && Op != BO_EQ && Op != BO_NE) {
    L = coerce(std::move(L), Ty);
    if (Op != BO_Shl && Op != BO_Shr)
      R = coerce(std::move(R), Ty);
  } else if (Arithmetic) {
    R = coerce(std::move(R), L->Ty);
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
    if (LTy->isPointerType() && RTy->isPointerType()) {
      uint64_t Size = 1;
      QualType Pointee = LTy->getPointeeType();
      if (!Pointee->isVoidType() && !Pointee->isFunctionType())
        Size = Ctx.getTypeSizeInChars(Pointee).getQuantity();
      ExprPtr Diff = method("wrapping_sub",
                            ir::makeCast(std::move(L), isizeType()),
                            ir::makeCast(std::move(R), isizeType()),
                            isizeType());
      if (Size != 1)
        Diff = method("wrapping_div", std::move(Diff),
                      ir::makeInt(Size, isizeType()), isizeType());
      return ir::makeCast(std::move(Diff), Ty);
    }
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
  case BO_NE: {
    ExprPtr Cmp;
    bool Eq = Op == BO_EQ || Op == BO_NE;
    bool AgainstNull =
        L->Kind == ExprKind::NullPtr || R->Kind == ExprKind::NullPtr;
    // `p == NULL` reads better as `p.is_null()` / `f.is_none()`.
    if (Eq && AgainstNull && (L->Ty->isPointer() || isFnPtr(L->Ty))) {
      ExprPtr P = L->Kind == ExprKind::NullPtr ? std::move(R) : std::move(L);
      bool Fn = isFnPtr(P->Ty);
      Cmp = method(Fn ? (Op == BO_EQ ? "is_none" : "is_some") : "is_null",
                   std::move(P), nullptr, Type::boolean());
      if (Op == BO_NE && !Fn)
        Cmp = ir::makeUnary(ir::UnaryOp::Not, std::move(Cmp), Type::boolean());
    } else {
      // C compares function pointers by address; so does this.
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
      Cmp = ir::makeBinary(Sym, std::move(L), std::move(R), Type::boolean());
    }
    return ir::makeCast(std::move(Cmp), Ty);
  }
  default:
    reject(Where, "unsupported-operator", "binary operator");
  }
}

ExprPtr FunctionLowering::binary(const BinaryOperator *E) {
  BinaryOperatorKind Op = E->getOpcode();
  if (Op == BO_Comma) {
    std::vector<ir::Stmt> Pre;
    effect(E->getLHS(), Pre);
    return withStmts(std::move(Pre), rvalue(E->getRHS()));
  }
  if (Op == BO_LAnd || Op == BO_LOr) {
    ExprPtr L = condition(E->getLHS());
    // `0 && x` never evaluates x, so x is not even lowered: it may be a
    // branch only a constant (often __builtin_constant_p) rules out.
    if (L->Kind == ExprKind::BoolLit) {
      bool Decided = (Op == BO_LAnd) ? !L->IntValue : L->IntValue;
      ExprPtr V = Decided ? std::move(L) : condition(E->getRHS());
      return ir::makeCast(std::move(V), type(E->getType(), E));
    }
    ExprPtr B = ir::makeBinary(Op == BO_LAnd ? ir::BinaryOp::And : ir::BinaryOp::Or, std::move(L),
                               condition(E->getRHS()), Type::boolean());
    return ir::makeCast(std::move(B), type(E->getType(), E));
  }
  ExprPtr L = rvalue(E->getLHS());
  ExprPtr R = rvalue(E->getRHS());
  return arith(Op, std::move(L), std::move(R), E->getLHS()->getType(),
               E->getRHS()->getType(), E->getType(), E);
}

ExprPtr FunctionLowering::assignment(const BinaryOperator *E, bool WantValue) {
  std::vector<ir::Stmt> Pre;
  LValue LV = lvalue(E->getLHS());
  QualType LTy = E->getLHS()->getType();
  ExprPtr NewValue;
  bool Compound = isa<CompoundAssignOperator>(E);
  if (Compound || WantValue)
    LV = stabilize(std::move(LV), Pre);
  auto Copy = [&]() { return duplicate(LV); };
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(E)) {
    QualType CompL = CAO->getComputationLHSType();
    QualType CompR = CAO->getComputationResultType();
    BinaryOperatorKind Op = BinaryOperator::getOpForCompoundAssignment(
        E->getOpcode());
    ExprPtr Old = convert(load(Copy()), LTy, CompL, E);
    ExprPtr R = rvalue(E->getRHS());
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
    NewValue = rvalue(E->getRHS());
  }
  NewValue = coerce(std::move(NewValue), LV.Ty);
  if (!WantValue) {
    Pre.push_back(ir::Stmt::expr(store(std::move(LV), std::move(NewValue))));
    return ir::makeBlock(std::move(Pre), nullptr, Type::unit());
  }
  if (!LV.Bitfield.empty()) {
    // The value of a bitfield assignment is the truncated stored value.
    Pre.push_back(ir::Stmt::expr(store(Copy(), std::move(NewValue))));
    return ir::makeBlock(std::move(Pre), load(std::move(LV)), LV.Ty);
  }
  TypeRef Ty = NewValue->Ty;
  ir::LocalId Tmp = addLocal("__value", Ty);
  Pre.push_back(ir::Stmt::let(Tmp, std::move(NewValue)));
  Pre.push_back(ir::Stmt::expr(store(std::move(LV), ir::makeLocal(Tmp, Ty))));
  return ir::makeBlock(std::move(Pre), ir::makeLocal(Tmp, Ty), Ty);
}

ExprPtr FunctionLowering::increment(const UnaryOperator *E, bool WantValue) {
  std::vector<ir::Stmt> Pre;
  LValue LV = stabilize(lvalue(E->getSubExpr()), Pre);
  QualType CTy = E->getSubExpr()->getType();
  TypeRef Ty = LV.Ty;
  bool Inc = E->isIncrementOp();
  auto Copy = [&]() { return duplicate(LV); };
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
    Pre.push_back(ir::Stmt::expr(store(Copy(), Step(load(Copy())))));
    return ir::makeBlock(std::move(Pre), nullptr, Type::unit());
  }
  ir::LocalId Tmp = addLocal(E->isPrefix() ? "__new" : "__old", Ty);
  if (E->isPrefix()) {
    Pre.push_back(ir::Stmt::let(Tmp, Step(load(Copy()))));
    Pre.push_back(ir::Stmt::expr(store(Copy(), ir::makeLocal(Tmp, Ty))));
    if (!LV.Bitfield.empty())
      return ir::makeBlock(std::move(Pre), load(Copy()), Ty);
  } else {
    Pre.push_back(ir::Stmt::let(Tmp, load(Copy())));
    Pre.push_back(ir::Stmt::expr(store(Copy(), Step(ir::makeLocal(Tmp, Ty)))));
  }
  return ir::makeBlock(std::move(Pre), ir::makeLocal(Tmp, Ty), Ty);
}

ExprPtr FunctionLowering::unary(const UnaryOperator *E) {
  const clang::Expr *Sub = E->getSubExpr();
  TypeRef Ty = type(E->getType(), E);
  switch (E->getOpcode()) {
  case UO_Plus:
  case UO_Extension:
    return rvalue(Sub);
  case UO_Minus: {
    ExprPtr V = rvalue(Sub);
    if (V->Ty->kind() == Type::Kind::Float)
      return ir::makeUnary(ir::UnaryOp::Neg, std::move(V), Ty);
    return method("wrapping_neg", std::move(V), nullptr, Ty);
  }
  case UO_Not:
    return ir::makeUnary(ir::UnaryOp::Not, rvalue(Sub), Ty);
  case UO_LNot: {
    ExprPtr C = condition(Sub);
    if (C->Kind == ExprKind::BoolLit) {
      C->IntValue = !C->IntValue; // keeps `!constant` a constant
      return ir::makeCast(std::move(C), Ty);
    }
    return ir::makeCast(ir::makeUnary(ir::UnaryOp::Not, std::move(C), Type::boolean()), Ty);
  }
  case UO_Deref:
    return load(lvalue(E));
  case UO_AddrOf:
    return addressOf(Sub, E->getType());
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

// ---- calls -----------------------------------------------------------------

ExprPtr FunctionLowering::call(const CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (Callee) {
    if (unsigned ID = Callee->getBuiltinID())
      if (!Ctx.BuiltinInfo.isLibFunction(ID) ||
          Callee->getName().starts_with("__builtin_"))
        return builtinCall(E, ID);
    if (!Callee->getType()->getAs<FunctionProtoType>())
      reject(E, "no-prototype",
             "call to '" + Callee->getNameAsString() +
                 "', which has no prototype");
  }
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
    C->Sym = functionSymbol(Callee);
  } else {
    C = makeExpr(ExprKind::CallPtr, Ty);
    C->Ops.push_back(rvalue(E->getCallee()));
  }
  std::vector<TypeRef> ParamTys;
  if (Callee) {
    if (const auto *FPT = Callee->getType()->getAs<FunctionProtoType>())
      for (QualType P : FPT->getParamTypes())
        ParamTys.push_back(type(P, E));
  } else if (isFnPtr(C->Ops[0]->Ty)) {
    ParamTys = C->Ops[0]->Ty->params();
  }
  unsigned I = 0;
  for (const clang::Expr *Arg : E->arguments()) {
    ExprPtr V = rvalue(Arg);
    if (I < ParamTys.size())
      V = coerce(std::move(V), ParamTys[I]);
    C->Ops.push_back(std::move(V));
    ++I;
  }
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
  return C;
}

ExprPtr FunctionLowering::stmtExpr(const CompoundStmt *CS, QualType Ty) {
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
    stmt(S, Body);
  }
  if (T->isUnit())
    return ir::makeBlock(std::move(Body), nullptr, T);
  const auto *Value = dyn_cast<clang::Expr>(Last);
  if (!Value)
    reject(Last, "unsupported-statement",
           "statement expression does not end in an expression");
  return ir::makeBlock(std::move(Body), rvalue(Value), T);
}

// ---- initialisers ----------------------------------------------------------

static bool isZeroInit(const clang::Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (isa<ImplicitValueInitExpr>(E))
    return true;
  if (E->getType()->isIntegerType() || E->getType()->isPointerType()) {
    Expr::EvalResult R;
    if (!E->HasSideEffects(Ctx) && E->getType()->isIntegerType() &&
        E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt() == 0;
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return true;
  }
  return false;
}

ExprPtr FunctionLowering::initializer(const clang::Expr *Init, QualType Ty) {
  const clang::Expr *I = Init->IgnoreParens();
  bool Aggregate = isa<InitListExpr>(I) || isa<ImplicitValueInitExpr>(I) ||
                   (isa<StringLiteral>(I) && Ty->isArrayType());
  if (!Aggregate)
    return coerce(rvalue(Init), type(Ty, Init));
  TypeRef T = type(Ty, Init);
  if (T->isInt() || T->isPointer() || T->isBool() ||
      T->kind() == Type::Kind::FnPtr || T->kind() == Type::Kind::Float) {
    if (isa<ImplicitValueInitExpr>(I) ||
        (isa<InitListExpr>(I) && cast<InitListExpr>(I)->getNumInits() == 0)) {
      if (T->isInt())
        return ir::makeInt(0, T);
      if (T->isBool()) {
        auto B = makeExpr(ExprKind::BoolLit, T);
        return B;
      }
      if (T->kind() == Type::Kind::Float) {
        auto F = makeExpr(ExprKind::FloatLit, T);
        F->Text = "0.0";
        return F;
      }
      return makeExpr(ExprKind::NullPtr, T);
    }
    return coerce(rvalue(cast<InitListExpr>(I)->getInit(0)), T);
  }
  ir::LocalId Tmp = addLocal("__init", T);
  std::vector<ir::Stmt> Body;
  Body.push_back(ir::Stmt::let(Tmp, makeExpr(ExprKind::Zeroed, T)));
  initializePlace(ir::makeLocal(Tmp, T), Init, Ty, Body);
  if (Body.size() == 1)
    return makeExpr(ExprKind::Zeroed, T);
  return ir::makeBlock(std::move(Body), ir::makeLocal(Tmp, T), T);
}

void FunctionLowering::initializePlace(ExprPtr Place, const clang::Expr *Init,
                                       QualType Ty,
                                       std::vector<ir::Stmt> &Out) {
  const clang::Expr *I = Init->IgnoreParens();
  if (isZeroInit(I, Ctx))
    return;
  if (const auto *SL = dyn_cast<StringLiteral>(I)) {
    const auto *AT = Ctx.getAsConstantArrayType(Ty);
    if (!AT || SL->getCharByteWidth() != 1)
      reject(Init, "init-list", "string initialiser of this type");
    uint64_t N = AT->getSize().getZExtValue();
    std::string Bytes = SL->getBytes().str();
    Bytes.resize(N, '\0');
    TypeRef ArrTy = type(Ty, Init);
    auto Str = makeExpr(ExprKind::ByteStr, Type::pointer(ArrTy, true));
    Str->Text = Bytes;
    Out.push_back(ir::Stmt::expr(ir::makeAssign(
        std::move(Place), wrap(ExprKind::Deref, std::move(Str), ArrTy))));
    return;
  }
  const auto *IL = dyn_cast<InitListExpr>(I);
  if (!IL) {
    LValue LV;
    LV.Ty = Place->Ty;
    LV.Place = std::move(Place);
    ExprPtr V = coerce(rvalue(Init), LV.Ty);
    Out.push_back(ir::Stmt::expr(store(std::move(LV), std::move(V))));
    return;
  }
  if (const auto *AT = Ctx.getAsArrayType(Ty)) {
    QualType Elem = AT->getElementType();
    TypeRef ElemTy = type(Elem, Init);
    if (IL->hasArrayFiller() && !isZeroInit(IL->getArrayFiller(), Ctx))
      reject(Init, "init-list", "array filler that is not zero");
    for (unsigned Idx = 0; Idx < IL->getNumInits(); ++Idx) {
      if (isZeroInit(IL->getInit(Idx), Ctx))
        continue;
      auto Addr = wrap(ExprKind::AddrOf, ir::clone(*Place),
                       Type::pointer(Place->Ty, false));
      Addr->Mutable = true;
      ExprPtr Ptr = ir::makeCast(std::move(Addr), Type::pointer(ElemTy, false));
      Ptr = method("wrapping_offset", std::move(Ptr),
                   ir::makeInt(Idx, isizeType()), Ptr->Ty);
      initializePlace(wrap(ExprKind::Deref, std::move(Ptr), ElemTy),
                      IL->getInit(Idx), Elem, Out);
    }
    return;
  }
  if (const auto *RT = Ty->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    auto InitField = [&](const FieldDecl *F, const clang::Expr *Sub) {
      if (isZeroInit(Sub, Ctx))
        return;
      std::string Name = LC.Types.fieldName(F);
      if (F->isBitField()) {
        LValue LV;
        LV.Place = ir::clone(*Place);
        LV.Bitfield = Name;
        LV.Ty = type(F->getType(), Init);
        ExprPtr V = coerce(rvalue(Sub), LV.Ty);
        Out.push_back(ir::Stmt::expr(store(std::move(LV), std::move(V))));
        return;
      }
      auto FE = wrap(ExprKind::Field, ir::clone(*Place), type(F->getType(), Init));
      FE->Name = Name;
      FE->Unsafe = RD->isUnion();
      initializePlace(std::move(FE), Sub, F->getType(), Out);
    };
    if (RD->isUnion()) {
      if (const FieldDecl *F = IL->getInitializedFieldInUnion())
        if (IL->getNumInits() > 0)
          InitField(F, IL->getInit(0));
      return;
    }
    unsigned Idx = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (F->isUnnamedBitField())
        continue;
      if (Idx >= IL->getNumInits())
        break;
      InitField(F, IL->getInit(Idx++));
    }
    return;
  }
  if (IL->getNumInits() == 1) {
    initializePlace(std::move(Place), IL->getInit(0), Ty, Out);
    return;
  }
  reject(Init, "init-list", "initialiser list of this shape");
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

void FunctionLowering::effect(const clang::Expr *E,
                              std::vector<ir::Stmt> &Out) {
  E = E->IgnoreParens();
  if (!E->HasSideEffects(Ctx) && !holdsStatementExpr(E))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp()) {
      ExprPtr B = assignment(BO, false);
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
      ExprPtr B = increment(UO, false);
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
