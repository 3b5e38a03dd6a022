//===- StaticLocalLowering.cpp - C static locals to Rust statics ----------===//
//
// A function's `static` locals become `static mut` items of the Rust
// function, initialised by a constant: integers, strings, zeros, addresses
// of statics and records of those, stored member by member. One the linker
// discards and nothing reads is left out.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::TypeRef;

// `&v`, a variable of static storage, through any casts (`__ADDRESSABLE`'s
// `(void *)(uintptr_t)&sym`), or null: an address a static's constant
// initialiser can hold.
const UnaryOperator *staticAddress(const clang::Expr *Init) {
  const clang::Expr *E = Init->IgnoreParenCasts();
  const auto *UO = dyn_cast<UnaryOperator>(E);
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasGlobalStorage() ? UO : nullptr;
}

// The address AddrOf takes, as a pointer of type Ty: a cast through an
// integer in C is none here, since a constant cannot turn an address into
// an integer.
ExprPtr StaticLocalLowering::staticAddressValue(const UnaryOperator *AddrOf,
                                                const TypeRef &Ty) {
  return ir::makeCast(Exprs.rvalue(AddrOf), Ty);
}

// Is an aggregate initialiser made of what a Rust constant can store member
// by member: integers, string literals (`__func__`, `__FILE__`), zeros,
// addresses of statics, and aggregates of those, with no bitfield (whose
// setters are not `const`) and no member bindgen hides (stored by offset)?
bool StaticLocalLowering::constantRecord(const clang::Expr *Init) {
  const clang::Expr *I = Init->IgnoreParenImpCasts();
  if (const auto *IL = dyn_cast<InitListExpr>(I)) {
    if (const RecordDecl *RD = I->getType()->getAsRecordDecl()) {
      if (LC.Types.membersByOffset(RD))
        return false;
      for (const FieldDecl *F : RD->fields())
        if (F->isBitField() || LC.Types.isMsAnonymousMember(F))
          return false;
    }
    for (const clang::Expr *Sub : IL->inits())
      if (!constantRecord(Sub))
        return false;
    return !IL->hasArrayFiller() ||
           isa<ImplicitValueInitExpr>(IL->getArrayFiller());
  }
  if (isa<ImplicitValueInitExpr>(I) || isa<StringLiteral>(I) ||
      isa<PredefinedExpr>(I) || staticAddress(I))
    return true;
  Expr::EvalResult R;
  if (I->getType()->isIntegerType())
    return I->EvaluateAsInt(R, Ctx);
  return I->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

void StaticLocalLowering::staticLocal(const VarDecl *VD) {
  if (Scope.Statics.count(VD))
    return;
  // A static in a section the linker discards that nothing reads
  // (`__ADDRESSABLE(sym)`) only names a symbol for the compile and objtool.
  // The bindings' statics are exported to modules, and an export of one
  // the linker discarded does not link: such a static is left out.
  if (const auto *S = VD->getAttr<SectionAttr>())
    if (S->getName().starts_with(".discard.") && !VD->isReferenced())
      return;
  std::string Base = ir::rustIdent(VD->getNameAsString());
  std::string Name = Base;
  for (unsigned N = 1;; ++N) {
    bool Taken = false;
    for (const auto &[D, Existing] : Scope.Statics)
      Taken |= Existing == Name;
    if (!Taken)
      break;
    Name = Base + "_" + std::to_string(N);
  }
  TypeRef Ty = type(VD->getType(), nullptr);
  ExprPtr Init;
  const clang::Expr *IE = VD->getInit();
  if (!IE) {
    Init = Stmts.zeroValue(Ty);
  } else if (const APValue *V = VD->evaluateValue()) {
    if (V->isInt() && Ty->isInt())
      Init = ir::makeInt(V->getInt().extOrTrunc(64).getZExtValue(), Ty);
    else if (V->isInt() && Ty->isBool()) {
      Init = std::make_unique<ir::Expr>(ExprKind::BoolLit, Ty);
      Init->IntValue = V->getInt().getBoolValue();
    } else if (V->isLValue() && V->isNullPointer())
      Init = Stmts.zeroValue(Ty);
  }
  if (!Init && IE && Ty->isPointer())
    if (const UnaryOperator *Address = staticAddress(IE))
      Init = staticAddressValue(Address, Ty);
  if (!Init && IE && isa<InitListExpr>(IE->IgnoreParens()) &&
      constantRecord(IE)) {
    // Member by member into a zeroed value, in the static's constant
    // initialiser (branch profiling's `{ .func = __func__, .file =
    // __FILE__, .line = __LINE__ }`).
    Init = Inits.initializer(IE, VD->getType());
  }
  if (!Init && IE) {
    // A zero aggregate initialiser (`= {0}` or `= {}`) is `zeroed()`.
    const auto *IL = dyn_cast<InitListExpr>(IE->IgnoreParens());
    bool AllZero = IL != nullptr;
    if (IL)
      for (const clang::Expr *Sub : IL->inits()) {
        Expr::EvalResult R;
        AllZero &= Sub->getType()->isIntegerType() &&
                   Sub->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 0;
      }
    if (AllZero)
      Init = Stmts.zeroValue(Ty);
  }
  if (!Init)
    reject(IE, "static-local-initializer",
           "static '" + VD->getNameAsString() +
               "' has an initialiser that is not made of integers, strings, "
               "zeros and addresses of statics");
  if (Ctx.getDeclAlign(VD) > Ctx.getTypeAlignInChars(VD->getType()))
    reject(IE, "static-local-alignment",
           "static '" + VD->getNameAsString() +
               "' is aligned beyond its type's alignment");
  Scope.Statics[VD] = Name;
  ir::Stmt Item(ir::Stmt::Kind::Static);
  Item.Item.Name = Name;
  Item.Item.Ty = Ty;
  Item.Item.Init = std::move(Init);
  if (const auto *S = VD->getAttr<SectionAttr>())
    Item.Item.Section = S->getName().str();
  Item.Item.Used = VD->hasAttr<UsedAttr>();
  Scope.StaticItems.push_back(std::move(Item));
}

} // namespace h2r::frontend
