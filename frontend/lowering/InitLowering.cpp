//===- InitLowering.cpp - C initialisers ----------------------------------===//
//
// Initialisers, zero-filled first where C leaves members out, stored member
// by member into their place.
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

ExprPtr InitLowering::initializer(const clang::Expr *Init, QualType Ty) {
  const clang::Expr *I = Init->IgnoreParens();
  bool Aggregate = isa<InitListExpr>(I) || isa<ImplicitValueInitExpr>(I) ||
                   (isa<StringLiteral>(I) && Ty->isArrayType());
  if (!Aggregate)
    return Exprs.coerce(Exprs.rvalue(Init), type(Ty, Init));
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
    return Exprs.coerce(Exprs.rvalue(cast<InitListExpr>(I)->getInit(0)), T);
  }
  ir::LocalId Tmp = addLocal("__init", T);
  std::vector<ir::Stmt> Body;
  Body.push_back(ir::Stmt::let(Tmp, makeExpr(ExprKind::Zeroed, T)));
  initializePlace(ir::makeLocal(Tmp, T), Init, Ty, Body);
  if (Body.size() == 1)
    return makeExpr(ExprKind::Zeroed, T);
  return ir::makeBlock(std::move(Body), ir::makeLocal(Tmp, T), T);
}

// A member of a record the bindings make opaque (or of a union bindgen
// wraps), stored at its offset (PlaceLowering's memberByOffset).
void InitLowering::fieldInitByOffset(const ir::Expr &RecordPlace,
                                     const FieldDecl *F, const clang::Expr *Sub,
                                     std::vector<ir::Stmt> &Out) {
  if (F->isBitField())
    reject(Sub, "opaque-type",
           "bitfield '" + F->getNameAsString() + "' of '" +
               LC.Types.recordName(F->getParent()) +
               "', which is opaque in the bindings");
  if (LC.Types.isOpaque(F->getParent()))
    LC.Types.noteOffsetAccess(F->getParent());
  ExprPtr RecordPtr;
  if (RecordPlace.Kind == ExprKind::Deref) {
    RecordPtr = ir::clone(*RecordPlace.Ops[0]);
  } else {
    RecordPtr = wrap(ExprKind::AddrOf, ir::clone(RecordPlace),
                     Type::pointer(RecordPlace.Ty, false));
    RecordPtr->Mutable = true;
  }
  TypeRef FieldTy = type(F->getType(), Sub);
  initializePlace(Places.placeAtOffset(std::move(RecordPtr),
                                       Ctx.getFieldOffset(F) / 8, FieldTy,
                                       false),
                  Sub, F->getType(), Out);
}

// An array's elements, one place each; a filler must be zero.
void InitLowering::initializeArray(const ir::Expr &Place,
                                   const InitListExpr *IL, QualType Elem,
                                   const clang::Expr *Init,
                                   std::vector<ir::Stmt> &Out) {
    TypeRef ElemTy = type(Elem, Init);
  if (IL->hasArrayFiller() && !isZeroInit(IL->getArrayFiller(), Ctx))
    reject(Init, "init-list", "array filler that is not zero");
  for (unsigned Idx = 0; Idx < IL->getNumInits(); ++Idx) {
    if (isZeroInit(IL->getInit(Idx), Ctx))
      continue;
    auto Addr = wrap(ExprKind::AddrOf, ir::clone(Place),
                     Type::pointer(Place.Ty, false));
    Addr->Mutable = true;
    ExprPtr Ptr = ir::makeCast(std::move(Addr), Type::pointer(ElemTy, false));
    Ptr = method("wrapping_offset", std::move(Ptr),
                 ir::makeInt(Idx, isizeType()), Ptr->Ty);
    initializePlace(wrap(ExprKind::Deref, std::move(Ptr), ElemTy),
                    IL->getInit(Idx), Elem, Out);
  }
}

// A record's fields (a union's one), each into its place.
void InitLowering::initializeRecord(const ir::Expr &Place,
                                    const InitListExpr *IL,
                                    const RecordDecl *RD,
                                    const clang::Expr *Init,
                                    std::vector<ir::Stmt> &Out) {
    bool ByOffset = LC.Types.membersByOffset(RD);
  auto InitField = [&](const FieldDecl *F, const clang::Expr *Sub) {
    if (isZeroInit(Sub, Ctx))
      return;
    if (ByOffset || LC.Types.isMsAnonymousMember(F)) {
      fieldInitByOffset(Place, F, Sub, Out);
      return;
    }
    std::string Name = LC.Types.fieldName(F);
    if (F->isBitField()) {
      LValue LV;
      LV.Place = ir::clone(Place);
      LV.Bitfield = Name;
      LV.Ty = type(F->getType(), Init);
      ExprPtr V = Exprs.coerce(Exprs.rvalue(Sub), LV.Ty);
      Out.push_back(
          ir::Stmt::expr(Places.store(std::move(LV), std::move(V))));
      return;
    }
    auto FE = wrap(ExprKind::Field, ir::clone(Place), type(F->getType(), Init));
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
}

void InitLowering::initializePlace(ExprPtr Place, const clang::Expr *Init,
                                   QualType Ty, std::vector<ir::Stmt> &Out) {
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
    const UnaryOperator *Address =
        LV.Ty->isPointer() ? staticAddress(I) : nullptr;
    ExprPtr V = Address ? StaticLocals.staticAddressValue(Address, LV.Ty)
                        : Exprs.coerce(Exprs.rvalue(Init), LV.Ty);
    Out.push_back(ir::Stmt::expr(Places.store(std::move(LV), std::move(V))));
    return;
  }
  if (const auto *AT = Ctx.getAsArrayType(Ty)) {
    initializeArray(*Place, IL, AT->getElementType(), Init, Out);
    return;
  }
  if (const auto *RT = Ty->getAs<RecordType>()) {
    initializeRecord(*Place, IL, RT->getDecl()->getDefinition(), Init, Out);
    return;
  }
  if (IL->getNumInits() == 1) {
    initializePlace(std::move(Place), IL->getInit(0), Ty, Out);
    return;
  }
  reject(Init, "init-list", "initialiser list of this shape");
}

} // namespace h2r::frontend
