//===- PlaceLowering.cpp - C lvalues to IR places -------------------------===//
//
// An lvalue is a place (a local, a deref, a field path) with what reading
// and writing it takes: a bitfield accessor, a volatile access, an address.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "frontend/types/NamedAddressSpace.h"
#include "ir/ExprTraits.h"

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

std::optional<std::string> globalRegisterVariable(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->getStorageClass() != SC_Register || !VD->hasGlobalStorage())
    return std::nullopt;
  if (const auto *Label = VD->getAttr<AsmLabelAttr>())
    return Label->getLabel().str();
  return std::nullopt;
}

LValue PlaceLowering::lvalue(const clang::Expr *E) {
  LValue LV = place(E);
  LV.SegmentOverride = segmentOf(E->getType());
  LV.Source = E;
  return LV;
}

// A variable: a local, a static local's item, or a C global.
LValue PlaceLowering::variable(const DeclRefExpr *DRE, LValue LV) {
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD)
    reject(DRE, "unsupported-lvalue", "reference to a non-variable");
  LV.Ty = type(VD->getType(), DRE);
  if (VD->hasLocalStorage()) {
    auto It = Scope.Locals.find(VD);
    if (It == Scope.Locals.end())
      reject(DRE, "unsupported-lvalue", "variable used before its declaration");
    LV.Place = ir::makeLocal(It->second, LV.Ty);
    return LV;
  }
  auto P = makeExpr(ExprKind::Path, LV.Ty);
  P->Mutable = !VD->getType().isConstQualified();
  if (std::optional<std::string> Reg = globalRegisterVariable(DRE))
    reject(DRE, "global-register-variable",
           "'" + VD->getNameAsString() + "' is the register '" + *Reg +
               "', which Rust cannot name outside asm!");
  if (VD->isStaticLocal()) {
    StaticLocals.staticLocal(VD);
    P->Sym = {ir::SymbolKind::LocalStatic, Scope.Statics[VD]};
  } else {
    if (VD->getStorageClass() == SC_Static)
      reject(DRE, "static-global",
             "file-scope static variable '" + VD->getNameAsString() + "'");
    P->Sym = LC.externStatic(VD, LV.Ty);
  }
  LV.Place = std::move(P);
  return LV;
}

// A member: a field of the base place, a bitfield accessor's place, or a
// place at the member's offset.
LValue PlaceLowering::member(const MemberExpr *ME, LValue LV) {
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Field)
    reject(ME, "unsupported-lvalue", "member is not a field");
  if (LC.Types.membersByOffset(Field->getParent()) ||
      LC.Types.isMsAnonymousMember(Field))
    return memberByOffset(ME);
  ExprPtr Base;
  const clang::Expr *BaseE = ME->getBase();
  QualType BaseTy = BaseE->getType();
  if (ME->isArrow()) {
    BaseTy = BaseTy->getPointeeType();
    Base = wrap(ExprKind::Deref, Exprs.rvalue(BaseE), type(BaseTy, ME));
  } else if (BaseE->isGLValue()) {
    LValue BaseLV = lvalue(BaseE);
    Base = std::move(BaseLV.Place);
  } else {
    Base = Exprs.rvalue(BaseE);
  }
  // Accessing through a volatile struct makes the member volatile too.
  LV.Volatile = LV.Volatile || BaseTy.isVolatileQualified();
  try {
    LV.Ty = LC.Types.lowerField(Field->getType());
  } catch (LoweringFailure &F) {
    F.Loc = ME->getBeginLoc();
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

LValue PlaceLowering::place(const clang::Expr *E) {
  E = E->IgnoreParens();
  LValue LV;
  LV.Volatile = E->getType().isVolatileQualified();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return variable(DRE, std::move(LV));
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref)
      reject(E, "unsupported-lvalue", "unary operator used as an lvalue");
    if (UO->getType()->isVoidType())
      reject(E, "unsupported-lvalue", "dereference of a void pointer");
    LV.Ty = type(E->getType(), E);
    LV.Place = wrap(ExprKind::Deref, Exprs.rvalue(UO->getSubExpr()), LV.Ty);
    return LV;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return member(ME, std::move(LV));
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    LV.Ty = type(E->getType(), E);
    ExprPtr Ptr = Operators.pointerOffset(Exprs.rvalue(AS->getBase()),
                                          Exprs.rvalue(AS->getIdx()),
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
    LV.Place = Inits.initializer(CLE->getInitializer(), CLE->getType());
    return LV;
  }
  reject(E, "unsupported-lvalue",
         std::string("lvalue '") + E->getStmtClassName() + "'");
}

// A member of a record the bindings make opaque, or of a union bindgen
// wraps: the bindings name no usable field, so the place is reached the way
// C reaches it, at its byte offset from the record's address (a chain
// through anonymous members folds into one offset). The output asserts an
// opaque type's size and alignment.
LValue PlaceLowering::memberByOffset(const MemberExpr *Outer) {
  uint64_t Bits = 0;
  const MemberExpr *ME = Outer;
  for (;;) {
    const auto *Field = cast<FieldDecl>(ME->getMemberDecl());
    if (Field->isBitField())
      reject(ME, "opaque-type",
             "bitfield '" + Field->getNameAsString() + "' of '" +
                 LC.Types.recordName(Field->getParent()) +
                 "', which is opaque in the bindings");
    Bits += Ctx.getFieldOffset(Field);
    if (LC.Types.isOpaque(Field->getParent()))
      LC.Types.noteOffsetAccess(Field->getParent());
    const auto *Base = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParens());
    if (ME->isArrow() || !Base)
      break;
    const auto *BaseField = dyn_cast<FieldDecl>(Base->getMemberDecl());
    if (!BaseField || !LC.Types.membersByOffset(BaseField->getParent()))
      break;
    ME = Base;
  }
  const clang::Expr *BaseE = ME->getBase();
  QualType RecordTy =
      ME->isArrow() ? BaseE->getType()->getPointeeType() : BaseE->getType();
  bool Const = RecordTy.isConstQualified();
  ExprPtr RecordPtr;
  if (ME->isArrow()) {
    RecordPtr = Exprs.rvalue(BaseE);
  } else {
    RecordPtr = addressOfPlace(lvalue(BaseE), !Const);
  }
  LValue LV;
  LV.Volatile = Outer->getType().isVolatileQualified() ||
                RecordTy.isVolatileQualified();
  LV.Ty = type(Outer->getType(), Outer);
  LV.Place = placeAtOffset(std::move(RecordPtr), Bits / 8, LV.Ty, Const);
  return LV;
}

// `*(record.byte_add(Bytes) as *mut T)`.
ExprPtr PlaceLowering::placeAtOffset(ExprPtr RecordPtr, uint64_t Bytes,
                                     const TypeRef &Ty, bool Const) {
  ExprPtr Ptr = std::move(RecordPtr);
  if (Bytes != 0) {
    TypeRef RecordPtrTy = Ptr->Ty;
    Ptr = method("byte_add", std::move(Ptr),
                 ir::makeInt(Bytes, Type::integer(64, false, true)),
                 RecordPtrTy);
  }
  Ptr = ir::makeCast(std::move(Ptr), Type::pointer(Ty, Const));
  return wrap(ExprKind::Deref, std::move(Ptr), Ty);
}

ExprPtr PlaceLowering::load(LValue LV) {
  if (LV.SegmentOverride != Segment::None)
    return segmentLoad(std::move(LV));
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

// A record bindgen gives no Copy (a member holds a flexible array or a
// blocklisted type, as iovec holds __kernel_size_t) is copied as C copies
// it, bit for bit through its address: `p.read()`. A member of a packed
// record may be misaligned: `p.read_unaligned()`. A temporary (a compound
// literal, iov_iter_ubuf's `*i = (struct iov_iter){...}`) is read once:
// it moves.
ExprPtr PlaceLowering::copyRecord(LValue LV, bool MayBeUnaligned) {
  if (LV.SegmentOverride != Segment::None)
    return segmentLoad(std::move(LV));
  const ir::Expr *Base = LV.Place.get();
  while (Base->Kind == ExprKind::Field)
    Base = Base->Ops[0].get();
  if (Base->Kind == ExprKind::Block)
    return load(std::move(LV));
  TypeRef Ty = LV.Ty;
  return ir::makeMethod(MayBeUnaligned ? "read_unaligned" : "read",
                        addressOfPlace(std::move(LV), /*Mutable=*/false), {},
                        Ty);
}

ExprPtr PlaceLowering::store(LValue LV, ExprPtr Value) {
  if (LV.SegmentOverride != Segment::None)
    return segmentStore(std::move(LV), std::move(Value));
  if (!LV.Bitfield.empty()) {
    // `p.set_f(v)` borrows p mutably before v runs (a two-phase borrow
    // allows reads only): a value that writes (`p.f3 = (p.f0 = x, ...)`)
    // runs first.
    std::vector<ir::Stmt> Pre;
    if (ir::mayWrite(*Value)) {
      TypeRef Ty = Value->Ty;
      ir::LocalId Tmp = addLocal("__value", Ty);
      Pre.push_back(ir::Stmt::let(Tmp, std::move(Value)));
      Value = ir::makeLocal(Tmp, Ty);
    }
    auto Set = makeExpr(ExprKind::BitfieldSet, Type::unit());
    Set->Name = LV.Bitfield;
    Set->Ops.push_back(std::move(LV.Place));
    Set->Ops.push_back(std::move(Value));
    if (Pre.empty())
      return Set;
    Pre.push_back(ir::Stmt::expr(std::move(Set)));
    return ir::makeBlock(std::move(Pre), nullptr, Type::unit());
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

LValue LValue::duplicate() const {
  LValue C;
  C.Place = ir::clone(*Place);
  C.Bitfield = Bitfield;
  C.Ty = Ty;
  C.Volatile = Volatile;
  C.SegmentOverride = SegmentOverride;
  C.Source = Source;
  return C;
}

// Evaluates the place's address once so it can be both read and written.
LValue PlaceLowering::stabilize(LValue LV, std::vector<ir::Stmt> &Pre) {
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

// `&place` as a raw pointer; `&*p` is just `p`.
ExprPtr PlaceLowering::addressOfPlace(LValue LV, bool Mutable) {
  TypeRef PtrTy = Type::pointer(LV.Ty, !Mutable);
  if (LV.Place->Kind == ExprKind::Deref)
    return ir::makeCast(std::move(LV.Place->Ops[0]), PtrTy);
  auto Addr = wrap(ExprKind::AddrOf, std::move(LV.Place), PtrTy);
  Addr->Mutable = Mutable;
  return Addr;
}

ExprPtr PlaceLowering::addressOf(const clang::Expr *Sub, QualType PtrTy) {
  Sub = Sub->IgnoreParens();
  if (isa<CompoundLiteralExpr>(Sub))
    reject(Sub, "compound-literal",
           "address of a compound literal (it has no Rust place)");
  TypeRef Ty = type(PtrTy, Sub);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
    if (const auto *Callee = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      // Translated without its `...` (it never reads it), the function has
      // no Rust form a variadic pointer can hold.
      if (ignoresVariadicArguments(Callee) &&
          Scope.functionSymbol(Callee).Kind == ir::SymbolKind::InlineFn)
        reject(Sub, "variadic-function",
               "address of '" + Callee->getNameAsString() +
                   "', a variadic function translated without its variadic "
                   "part");
      auto P = makeExpr(ExprKind::Path, Ty);
      P->Sym = Scope.functionSymbol(Callee);
      // A noreturn function is `-> !` in Rust (bindgen 0.60's declarations
      // aside), which Rust will not cast to C's pointer returning void: the
      // same pointer, transmuted.
      bool DeclaredNever =
          Callee->isNoReturn() &&
          (P->Sym.Kind != ir::SymbolKind::BindingsFn ||
           LC.BindingsNoreturnAsNever);
      if (DeclaredNever && Ty->kind() == Type::Kind::FnPtr &&
          !Ty->returnType()->isNever()) {
        P->Ty = Type::fnPtr(Type::never(), Ty->params(), Ty->isVariadic());
        auto T = makeExpr(ExprKind::Transmute, Ty);
        T->Ops.push_back(std::move(P));
        return T;
      }
      return P;
    }
  // `&*p` and `&p[i]` compute an address without touching memory.
  if (const auto *UO = dyn_cast<UnaryOperator>(Sub))
    if (UO->getOpcode() == UO_Deref)
      return ir::makeCast(Exprs.rvalue(UO->getSubExpr()), Ty);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Sub))
    return ir::makeCast(Operators.pointerOffset(Exprs.rvalue(AS->getBase()),
                                                Exprs.rvalue(AS->getIdx()),
                                                AS->getBase()->getType(),
                                                false),
                        Ty);
  LValue LV = lvalue(Sub);
  if (!LV.Bitfield.empty())
    reject(Sub, "unsupported-lvalue", "address of a bitfield");
  if (!hasAddress(*LV.Place))
    reject(Sub, "compound-literal",
           "address into a compound literal (it has no Rust place)");
  return pointerTo(std::move(LV), PtrTy, Ty);
}

// `addr_of(_mut)!(place) as Ty`, mutable unless C points to const.
ExprPtr PlaceLowering::pointerTo(LValue LV, QualType PtrTy, const TypeRef &Ty) {
  if (LV.Place->Kind == ExprKind::Deref) // an opaque record's member
    return ir::makeCast(std::move(LV.Place->Ops[0]), Ty);
  bool Mut = !PtrTy->getPointeeType().isConstQualified();
  auto Addr = wrap(ExprKind::AddrOf, std::move(LV.Place),
                   Type::pointer(LV.Ty, !Mut));
  Addr->Mutable = Mut;
  return ir::makeCast(std::move(Addr), Ty);
}

} // namespace h2r::frontend
