//===- SpecialisationLowering.cpp - Constants from the call site ----------===//
//
// C inlines `arch_static_branch(key, false)` into its caller, where `key` is
// `&some_key`: only there is its asm's `"i"(key)` a constant. A closure
// function whose parameters reach an asm immediate is translated once per
// distinct tuple of constant arguments its callers pass, with those
// parameters replaced by the constants (a `const` or `sym` operand), named
// after them, and called without them. Where no caller passes a constant,
// the function is lowered as usual and the asm rejected with its reason.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

std::string ConstArg::describe() const {
  if (K == Kind::Int)
    return llvm::toString(Int, 10);
  std::string S = "&" + Base->getNameAsString();
  if (Offset > 0)
    S += " + " + std::to_string(Offset);
  else if (Offset < 0)
    S += " - " + std::to_string(-Offset);
  return S;
}

namespace {

// A local of F's that is never written after its initialiser (arm64's
// `char *k = &((char *)key)[branch];` before `"i"(k)`): its uses mean the
// initialiser, which is returned.
const clang::Expr *readOnlyLocalInit(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage() || !V->getInit() ||
      V->getType()->isArrayType() || V->getType()->isRecordType())
    return nullptr;
  const auto *F =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!F || writesLocal(F->getBody(), V))
    return nullptr;
  return V->getInit();
}

// The parameters of F that S mentions; with ThroughLocals, also those a
// read-only local's initialiser mentions.
void paramsIn(const Stmt *S, const FunctionDecl *F, std::set<unsigned> &Out,
              bool ThroughLocals = false) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      if (P->getDeclContext() == F)
        Out.insert(P->getFunctionScopeIndex());
    if (ThroughLocals)
      if (const clang::Expr *Init = readOnlyLocalInit(DRE))
        paramsIn(Init, F, Out, ThroughLocals);
  }
  for (const Stmt *Child : S->children())
    paramsIn(Child, F, Out, ThroughLocals);
}

// A name part for a constant: `k_8`, `0`, `m1`.
std::string namePart(const ConstArg &A) {
  if (A.K == ConstArg::Kind::Int) {
    std::string V = llvm::toString(A.Int, 10);
    return V[0] == '-' ? "m" + V.substr(1) : V;
  }
  std::string S = A.Base->getNameAsString();
  if (A.Offset != 0)
    S += "_" + std::to_string(A.Offset < 0 ? -A.Offset : A.Offset);
  return S;
}

// Where a parameter's value must be known: an asm immediate (no register
// or memory alternative) ...
void immediateParams(const AsmTarget &Target, const Stmt *S,
                     const FunctionDecl *F, std::set<unsigned> &Out) {
  if (const auto *Asm = dyn_cast<GCCAsmStmt>(S))
    for (unsigned I = 0; I < Asm->getNumInputs(); ++I) {
      AsmConstraint C =
          Target.parseConstraint(Asm->getInputConstraint(I).str());
      if (C.AllowsImm && !C.AllowsReg && !C.AllowsMem && C.ExplicitReg.empty())
        paramsIn(Asm->getInputExpr(I), F, Out, /*ThroughLocals=*/true);
    }
}

// ... or where knowing it changes the answer: __builtin_constant_p.
void constantPParamsOf(const Stmt *S, const FunctionDecl *F,
                       std::set<unsigned> &Out) {
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (Call->getBuiltinCallee() == Builtin::BI__builtin_constant_p &&
        Call->getNumArgs() == 1)
      paramsIn(Call->getArg(0), F, Out);
}

// Does S call a function that must never be called (BUILD_BUG())?
bool callsErrorFunction(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->hasAttr<ErrorAttr>())
        return true;
  for (const Stmt *Child : S->children())
    if (callsErrorFunction(Child))
      return true;
  return false;
}

// ... or pick a switch's case where one calls BUILD_BUG() (the size
// switches of arm64's xchg and cmpxchg): a constant picks one case, and the
// others are dead. (An if's BUILD_BUG is left to what decides it already:
// binding its condition too would copy functions C's own folding serves.)
void buildBugParamsOf(const Stmt *S, const FunctionDecl *F,
                      std::set<unsigned> &Out) {
  if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    if (callsErrorFunction(Switch->getBody()))
      paramsIn(Switch->getCond(), F, Out);
}

} // namespace

// The parameters of F that reach a place Direct marks, in F's body or as
// the arguments of closure callees whose parameters do.
const std::set<unsigned> &
LoweringContext::paramsReaching(const FunctionDecl *F, ParamSets &Memo,
                                const DirectParams &Direct) {
  static const std::set<unsigned> None;
  F = F->getDefinition();
  if (!F)
    return None;
  auto It = Memo.find(F);
  if (It != Memo.end())
    return It->second;
  Memo[F]; // empty while being computed: recursion finds nothing
  std::set<unsigned> Out;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    Direct(S, F, Out);
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *G = Call->getDirectCallee())
        if (Inlines.count(G->getCanonicalDecl()))
          for (unsigned Index : paramsReaching(G, Memo, Direct))
            if (Index < Call->getNumArgs())
              paramsIn(Call->getArg(Index), F, Out);
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(F->getBody());
  return Memo[F] = std::move(Out);
}

const std::set<unsigned> &LoweringContext::constParams(const FunctionDecl *F) {
  return paramsReaching(
      F, ConstParams,
      [this](const Stmt *S, const FunctionDecl *Fn, std::set<unsigned> &Out) {
        if (Asm) // else the asm stays in C
          immediateParams(*Asm, S, Fn, Out);
      });
}

const std::set<unsigned> &
LoweringContext::constantPParams(const FunctionDecl *F) {
  return paramsReaching(F, ConstantPParams, constantPParamsOf);
}

const std::set<unsigned> &
LoweringContext::buildBugParams(const FunctionDecl *F) {
  return paramsReaching(F, BuildBugParams, buildBugParamsOf);
}

// E's value if it is known here: a constant expression, a parameter this
// lowering is specialised for, or arithmetic and `&p->member` over them.
std::optional<ConstArg> SpecialisationLowering::constArg(const clang::Expr *E) {
  E = E->IgnoreParens();
  if (const ConstArg *A = boundArgument(E))
    return *A;
  if (const clang::Expr *Init = readOnlyLocalInit(E))
    return constArg(Init);
  if (!E->HasSideEffects(Ctx) && !E->isValueDependent()) {
    Expr::EvalResult R;
    if (E->getType()->isIntegerType() && E->EvaluateAsInt(R, Ctx)) {
      ConstArg A;
      A.Int = R.Val.getInt();
      return A;
    }
    if (E->getType()->isPointerType() && E->EvaluateAsRValue(R, Ctx) &&
        R.Val.isLValue() && !R.Val.getLValueBase().isNull())
      if (const auto *D = R.Val.getLValueBase().dyn_cast<const ValueDecl *>()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        if (isa<FunctionDecl>(D) ||
            (VD && VD->hasGlobalStorage() && !VD->isStaticLocal() &&
             VD->getStorageClass() != SC_Static)) {
          ConstArg A;
          A.K = ConstArg::Kind::Address;
          A.Base = D;
          A.Offset = R.Val.getLValueOffset().getQuantity();
          return A;
        }
      }
  }
  if (Scope.Bound.empty())
    return std::nullopt;
  return constArgOfBound(E);
}

namespace {

// A cast of a constant, or none where the cast makes it no constant.
std::optional<ConstArg> castConstant(const CastExpr *CE, ConstArg In,
                                     ASTContext &Ctx) {
  switch (CE->getCastKind()) {
  case CK_LValueToRValue:
  case CK_NoOp:
  case CK_BitCast:
    return In;
  case CK_IntegralCast:
  case CK_IntegralToBoolean: {
    if (In.K != ConstArg::Kind::Int)
      return std::nullopt;
    QualType To = CE->getType();
    llvm::APSInt V = In.Int;
    if (CE->getCastKind() == CK_IntegralToBoolean)
      V = llvm::APSInt(llvm::APInt(1, V != 0), true);
    V = V.extOrTrunc(Ctx.getIntWidth(To));
    V.setIsSigned(To->isSignedIntegerOrEnumerationType());
    In.Int = V;
    return In;
  }
  default:
    return std::nullopt;
  }
}

// `~`, `-` or `!` of an integer constant.
std::optional<ConstArg> unaryConstant(const UnaryOperator *UO, ConstArg V,
                                      ASTContext &Ctx) {
  switch (UO->getOpcode()) {
  case UO_Not:
    V.Int = ~V.Int;
    return V;
  case UO_Minus:
    V.Int = -V.Int;
    return V;
  case UO_LNot:
    V.Int = llvm::APSInt::get(V.Int == 0)
                .extOrTrunc(Ctx.getIntWidth(UO->getType()));
    return V;
  default:
    return std::nullopt;
  }
}

// A bitwise, additive, multiplicative or shift operator on two integer
// constants.
std::optional<ConstArg> binaryConstant(const BinaryOperator *BO, ConstArg L,
                                       const ConstArg &R) {
  switch (BO->getOpcode()) {
  case BO_Or:
    L.Int = L.Int | R.Int;
    return L;
  case BO_And:
    L.Int = L.Int & R.Int;
    return L;
  case BO_Xor:
    L.Int = L.Int ^ R.Int;
    return L;
  case BO_Add:
    L.Int = L.Int + R.Int;
    return L;
  case BO_Sub:
    L.Int = L.Int - R.Int;
    return L;
  case BO_Mul:
    L.Int = L.Int * R.Int;
    return L;
  case BO_Shl:
    L.Int = L.Int << R.Int.getLimitedValue(L.Int.getBitWidth() - 1);
    return L;
  case BO_Shr:
    L.Int = L.Int >> R.Int.getLimitedValue(L.Int.getBitWidth() - 1);
    return L;
  default:
    return std::nullopt;
  }
}

} // namespace

// `&((char *)key)[branch]`, `&key->member`: a bound address plus a
// constant offset.
std::optional<ConstArg>
SpecialisationLowering::addressOfBound(const UnaryOperator *UO) {
  int64_t Offset = 0;
  const clang::Expr *Cur = UO->getSubExpr()->IgnoreParens();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Cur)) {
    std::optional<ConstArg> Base = constArg(AS->getBase());
    std::optional<ConstArg> Index = constArg(AS->getIdx());
    if (!Base || Base->K != ConstArg::Kind::Address || !Index ||
        Index->K != ConstArg::Kind::Int)
      return std::nullopt;
    Base->Offset += Index->Int.getExtValue() *
                    Ctx.getTypeSizeInChars(AS->getType()).getQuantity();
    return Base;
  }
  while (const auto *ME = dyn_cast<MemberExpr>(Cur)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field || Field->isBitField())
      return std::nullopt;
    Offset += Ctx.getFieldOffset(Field) / 8;
    if (ME->isArrow()) {
      std::optional<ConstArg> Base = constArg(ME->getBase());
      if (!Base || Base->K != ConstArg::Kind::Address)
        return std::nullopt;
      Base->Offset += Offset;
      return Base;
    }
    Cur = ME->getBase()->IgnoreParens();
  }
  return std::nullopt;
}

// The forms over bound parameters Clang cannot evaluate by itself.
std::optional<ConstArg>
SpecialisationLowering::constArgOfBound(const clang::Expr *E) {
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    std::optional<ConstArg> In = constArg(CE->getSubExpr());
    return In ? castConstant(CE, std::move(*In), Ctx) : std::nullopt;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return addressOfBound(UO);
    std::optional<ConstArg> V = constArg(UO->getSubExpr());
    if (!V || V->K != ConstArg::Kind::Int)
      return std::nullopt;
    return unaryConstant(UO, std::move(*V), Ctx);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    std::optional<ConstArg> L = constArg(BO->getLHS());
    std::optional<ConstArg> R = constArg(BO->getRHS());
    if (!L || !R || L->K != ConstArg::Kind::Int ||
        R->K != ConstArg::Kind::Int ||
        (!BO->isShiftOp() && L->Int.getBitWidth() != R->Int.getBitWidth()))
      return std::nullopt;
    return binaryConstant(BO, std::move(*L), *R);
  }
  return std::nullopt;
}

// Def lowered with Bindings for its parameters, once per name in the unit;
// null while that lowering is under way (a recursive call).
const LoweringContext::Specialisation *SpecialisationLowering::specialisation(
    const FunctionDecl *Def, const ConstBindings &Bindings,
    const std::string &Name, const std::string &Arguments) {
  if (LC.SpecialisationsInProgress.count(Name))
    return nullptr;
  auto Found = LC.Specialisations.find(Name);
  if (Found != LC.Specialisations.end())
    return &Found->second;
  LC.SpecialisationsInProgress.insert(Name);
  FunctionLowering Nested(LC, Def, Bindings);
  auto Result = Nested.run();
  LC.SpecialisationsInProgress.erase(Name);
  LoweringContext::Specialisation S;
  S.Of = Def;
  S.Arguments = Arguments;
  // Not translatable even with constants: the usual lowering says why.
  if (auto *Fn = std::get_if<ir::Function>(&Result)) {
    Fn->RustName = Name;
    Fn->SpecialisedFor = Arguments;
    S.Fn = std::move(*Fn);
    S.Reached = Nested.reached();
    S.Calls = Nested.specialisationsCalled();
    S.Notes = Nested.notes();
    S.Shims = Nested.shims();
  }
  return &LC.Specialisations.emplace(Name, std::move(S)).first->second;
}

// A call to a closure function whose parameters reach an asm immediate,
// with constants for all of them: a call to its specialisation, without
// those arguments. Null if the call is not of that shape.
ExprPtr SpecialisationLowering::specialisedCall(const CallExpr *E,
                                                const FunctionDecl *Callee) {
  if (!LC.Inlines.count(Callee->getCanonicalDecl()))
    return nullptr;
  // Asm immediates need every such argument constant; __builtin_constant_p
  // and a BUILD_BUG's branch take whichever are.
  const std::set<unsigned> &Immediates = LC.constParams(Callee);
  std::set<unsigned> Needed;
  for (unsigned Index : Immediates) {
    if (Index >= E->getNumArgs() || !constArg(E->getArg(Index)))
      return nullptr;
    Needed.insert(Index);
  }
  for (const std::set<unsigned> *Decided :
       {&LC.constantPParams(Callee), &LC.buildBugParams(Callee)})
    for (unsigned Index : *Decided)
      if (Index < E->getNumArgs() && constArg(E->getArg(Index)))
        Needed.insert(Index);
  if (Needed.empty())
    return nullptr;
  const FunctionDecl *Def = Callee->getDefinition();
  ConstBindings Bindings;
  std::string Name = ir::rustIdent(Def->getNameAsString()) + "_";
  std::string Arguments;
  for (unsigned Index : Needed) {
    std::optional<ConstArg> A = constArg(E->getArg(Index));
    const ParmVarDecl *P = Def->getParamDecl(Index);
    Bindings[P] = *A;
    Name += "_" + namePart(*A);
    Arguments += (Arguments.empty() ? "" : ", ") + P->getNameAsString() +
                 " = " + A->describe();
  }
  Name = ir::rustIdent(Name);
  const LoweringContext::Specialisation *Made =
      specialisation(Def, Bindings, Name, Arguments);
  if (!Made || !Made->Fn)
    return nullptr;
  const LoweringContext::Specialisation &S = *Made;
  Scope.Reached.insert(S.Reached.begin(), S.Reached.end());
  Scope.SpecialisationsCalled.insert(Name);
  Scope.Notes.insert(Scope.Notes.end(), S.Notes.begin(), S.Notes.end());
  Scope.Shims.insert(Scope.Shims.end(), S.Shims.begin(), S.Shims.end());
  Scope.Notes.push_back({"call-site-specialisation",
                         "'" + Def->getNameAsString() + "' specialised for " +
                             S.Arguments + " as '" + Name + "'",
                         E->getBeginLoc()});

  TypeRef Ty = Callee->isNoReturn() ? Type::never() : type(E->getType(), E);
  auto C = makeExpr(ExprKind::Call, Ty);
  C->Sym = {ir::SymbolKind::InlineFn, Name};
  const auto *FPT = Callee->getType()->getAs<FunctionProtoType>();
  for (unsigned I = 0; I < E->getNumArgs(); ++I) {
    if (Needed.count(I))
      continue;
    ExprPtr V = Exprs.rvalue(E->getArg(I));
    if (FPT && I < FPT->getNumParams())
      V = Exprs.coerce(std::move(V), type(FPT->getParamType(I), E));
    C->Ops.push_back(std::move(V));
  }
  return C;
}

// The constant a reference to a parameter of this specialisation names.
const ConstArg *
SpecialisationLowering::boundArgument(const clang::Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  auto It = P ? Scope.Bound.find(P) : Scope.Bound.end();
  return It == Scope.Bound.end() ? nullptr : &It->second;
}

ir::Symbol SpecialisationLowering::symbolOf(const ValueDecl *D,
                                            const clang::Expr *Where) {
  if (const auto *F = dyn_cast<FunctionDecl>(D))
    return Scope.functionSymbol(F);
  const auto *VD = cast<VarDecl>(D);
  return LC.externStatic(VD, type(VD->getType(), Where));
}

// A bound parameter read as a value: the constant itself.
ExprPtr SpecialisationLowering::boundValue(const ConstArg &A, QualType T,
                                           const clang::Expr *Where) {
  TypeRef Ty = type(T, Where);
  if (A.K == ConstArg::Kind::Int) {
    if (Ty->isBool()) {
      auto B = makeExpr(ExprKind::BoolLit, Ty);
      B->IntValue = A.Int != 0;
      return B;
    }
    return ir::makeInt(A.Int.extOrTrunc(64).getZExtValue(), Ty);
  }
  const auto *VD = dyn_cast<VarDecl>(A.Base);
  if (!VD || !Ty->isPointer())
    reject(Where, "call-site-specialisation",
           "a constant function address used as a value");
  TypeRef VarTy = type(VD->getType(), Where);
  ExprPtr Place = makeExpr(ExprKind::Path, VarTy);
  Place->Sym = symbolOf(VD, Where);
  Place->Mutable = true;
  // `&key->inner` names a member, `&__tracepoint_x.key`: say it by name.
  int64_t Offset = A.Offset;
  QualType Want = T->getPointeeType().getCanonicalType().getUnqualifiedType();
  QualType Cur = VD->getType();
  while (Cur.getCanonicalType().getUnqualifiedType() != Want || Offset != 0) {
    const auto *RT = Cur->getAs<RecordType>();
    const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
    const FieldDecl *Inner = nullptr;
    if (RD && !RD->isUnion() && !LC.Types.membersByOffset(RD))
      for (const FieldDecl *F : RD->fields()) {
        int64_t At = static_cast<int64_t>(Ctx.getFieldOffset(F) / 8);
        int64_t Size = static_cast<int64_t>(
            Ctx.getTypeSizeInChars(F->getType()).getQuantity());
        if (!F->isBitField() && At <= Offset && Offset < At + Size) {
          Inner = F;
          break;
        }
      }
    if (!Inner)
      break;
    Offset -= static_cast<int64_t>(Ctx.getFieldOffset(Inner) / 8);
    auto Member =
        wrap(ExprKind::Field, std::move(Place), type(Inner->getType(), Where));
    Member->Name = LC.Types.fieldName(Inner);
    Place = std::move(Member);
    Cur = Inner->getType();
  }
  TypeRef PlaceTy = Place->Ty;
  ExprPtr Ptr =
      wrap(ExprKind::AddrOf, std::move(Place), Type::pointer(PlaceTy, false));
  Ptr->Mutable = true;
  if (Offset != 0) {
    TypeRef PtrTy = Ptr->Ty;
    Ptr = method("wrapping_byte_add", std::move(Ptr),
                 ir::makeInt(static_cast<uint64_t>(Offset),
                             Type::integer(64, false, true)),
                 PtrTy);
  }
  return ir::makeCast(std::move(Ptr), Ty);
}

} // namespace h2r::frontend
