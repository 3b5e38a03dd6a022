//===- AsmInputs.cpp - GCC asm inputs to asm! operands --------------------===//
//
// The inputs of a GCC asm statement (AsmLowering.cpp's second step): a
// register or memory operand, an immediate Rust evaluates (`const`) or a
// symbol's address (`sym`), an input tied to an output.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/AsmState.h"
#include "frontend/asm/AsmValues.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "frontend/types/NamedAddressSpace.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/TargetInfo.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

// The pointer a place is reached through, or the global it lies in, and the
// place's constant byte offset from it (`p->a.b[2]`: p and the offset of
// a.b[2]; `pcpu_hot.cpu_number`: pcpu_hot and the member's offset), or
// null when the place is not at a constant offset from either.
static const clang::Expr *pointerAndDisplacement(const clang::Expr *E,
                                                 ASTContext &Ctx,
                                                 int64_t &Displacement) {
  Displacement = 0;
  for (E = E->IgnoreParens();; E = E->IgnoreParens()) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!Field || Field->isBitField())
        return nullptr;
      Displacement += Ctx.getFieldOffset(Field) / Ctx.getCharWidth();
      if (ME->isArrow())
        return ME->getBase();
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      const clang::Expr *Base = AS->getBase()->IgnoreParenImpCasts();
      Expr::EvalResult Index;
      if (!Base->getType()->isArrayType() ||
          !AS->getIdx()->EvaluateAsInt(Index, Ctx))
        return nullptr;
      Displacement += Index.Val.getInt().getExtValue() *
                      Ctx.getTypeSizeInChars(AS->getType()).getQuantity();
      E = Base;
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref) {
      return UO->getSubExpr();
    } else if (isa<DeclRefExpr>(E)) {
      return E;
    } else {
      return nullptr;
    }
  }
}

// A global variable the output can name as a `sym` operand: one that is a
// symbol (not a register, not a copy the output would make).
static const VarDecl *symbolVariable(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasGlobalStorage() || VD->isStaticLocal() ||
      VD->getStorageClass() == SC_Static ||
      VD->getStorageClass() == SC_Register)
    return nullptr;
  return VD;
}

// A memory operand ("m"): its address in a register, `(%reg)` in the
// template. Where the place sits at a constant offset from a pointer
// (`"+m"(v->counter)`), the pointer goes in and the offset into the
// template, `88(%reg)`; in a global (`"m"(pcpu_hot.cpu_number)`), the
// global is a `sym` operand, `{sym}+16(%rip)`: the addressing GCC's "m"
// gives.
void AsmLowering::asmMemory(AsmState &A, unsigned G, const clang::Expr *E,
                            bool Written) {
  AsmOperandPlan &P = A.Plans[G];
  P.Kind = AsmOperandKind::Memory;
  P.SegmentOverride = segmentOf(E->getType());
  A.MemoryOperand = true;
  ir::AsmOperand Op;
  Op.Class = ir::AsmRegClass::Reg;
  int64_t Displacement = 0;
  const clang::Expr *Pointer = pointerAndDisplacement(E, Ctx, Displacement);
  if (!Pointer || !llvm::isInt<32>(Displacement) ||
      !LC.Asm->addressesWithOffsets()) {
    Op.In = A.addOp(Places.addressOfPlace(Places.lvalue(E), Written));
  } else if (const VarDecl *Global = symbolVariable(Pointer)) {
    P.Displacement = Displacement;
    P.RipRelative = true;
    Op.Dir = ir::AsmDir::Sym;
    Op.Class = ir::AsmRegClass::None;
    Op.Sym = Specialised.symbolOf(Global, E);
  } else if (isa<DeclRefExpr>(Pointer) || Displacement == 0) {
    Op.In = A.addOp(Places.addressOfPlace(Places.lvalue(E), Written));
  } else {
    P.Displacement = Displacement;
    Op.In = A.addOp(Exprs.rvalue(Pointer));
  }
  A.addPositional(std::move(Op), P);
}

// An immediate operand whose value Clang knows: `const`, or `sym` for the
// address of a symbol. False if it is neither.
bool AsmLowering::asmImmediate(AsmState &A, unsigned G,
                               const AsmConstraint &C) {
  const clang::Expr *IE = A.S->getInputExpr(G - A.NumOut);
  AsmOperandPlan &P = A.Plans[G];
  TypeRef VT = type(IE->getType(), IE);
  // A parameter this lowering is specialised for, or arithmetic on one.
  if (!Scope.Bound.empty())
    if (std::optional<ConstArg> Known = Specialised.constArg(IE)) {
      ir::AsmOperand Op;
      if (Known->K == ConstArg::Kind::Int) {
        P.Kind = AsmOperandKind::Const;
        P.ZeroConst = Known->Int.isZero();
        Op.Dir = ir::AsmDir::Const;
        Op.In = A.addOp(ir::makeInt(
            Known->Int.extOrTrunc(64).getZExtValue(),
            VT->isInt() ? VT : Type::integer(64, true)));
      } else {
        P.Kind = AsmOperandKind::Sym;
        P.SymOffset = Known->Offset;
        Op.Dir = ir::AsmDir::Sym;
        Op.Sym = Specialised.symbolOf(Known->Base, IE);
      }
      A.addPositional(std::move(Op), P);
      return true;
    }
  Expr::EvalResult R;
  std::optional<llvm::APSInt> Local = Conditions.constantLocal(IE);
  if (Local)
    R.Val = APValue(*Local);
  if (IE->getType()->isIntegerType() && !IE->HasSideEffects(Ctx) &&
      (Local || IE->EvaluateAsInt(R, Ctx))) {
    P.Kind = AsmOperandKind::Const;
    P.ZeroConst = R.Val.getInt().isZero();
    ir::AsmOperand Op;
    Op.Dir = ir::AsmDir::Const;
    Op.In = A.addOp(ir::makeInt(R.Val.getInt().extOrTrunc(64).getZExtValue(),
                                VT->isInt() ? VT : Type::integer(64, true)));
    A.addPositional(std::move(Op), P);
    return true;
  }
  if (std::optional<ir::Symbol> Sym = symbolAddress(IE, P.SymOffset)) {
    P.Kind = AsmOperandKind::Sym;
    ir::AsmOperand Op;
    Op.Dir = ir::AsmDir::Sym;
    Op.Sym = *Sym;
    A.addPositional(std::move(Op), P);
    return true;
  }
  if (!C.AllowsReg && C.ExplicitReg.empty() && !C.AllowsMem)
    reject(IE, "asm-immediate-not-constant",
           "immediate operand " + A.operandName(G) +
               " is not a constant in this function");
  return false;
}

void AsmLowering::asmInputs(AsmState &A) {
  for (unsigned I = 0; I < A.NumIn; ++I) {
    unsigned G = A.NumOut + I;
    AsmConstraint C = asmConstraint(A, G);
    const clang::Expr *IE = A.S->getInputExpr(I);
    AsmOperandPlan &P = A.Plans[G];
    if (C.Tied >= 0) {
      if (static_cast<unsigned>(C.Tied) >= A.NumOut ||
          (A.Plans[C.Tied].Kind != AsmOperandKind::Register &&
           A.Plans[C.Tied].Kind != AsmOperandKind::Explicit))
        reject(IE, "asm-constraint-unsupported",
               "input " + A.operandName(G) + " is tied to an operand that is "
               "not a register");
      P = A.Plans[C.Tied];
      // The output's operand becomes an inout carrying this value.
      const AsmOperandPlan &Tied = A.Plans[C.Tied];
      ir::AsmOperand *Target = Tied.Kind == AsmOperandKind::Explicit
                                   ? &A.Explicit[Tied.ExplicitIndex]
                                   : &A.Positional[Tied.RustIndex];
      TypeRef OutTy = A.Asm->Ops[Target->Out]->Ty;
      Target->In = A.addOp(asmValue(Exprs.rvalue(IE), OutTy));
      Target->Dir = ir::AsmDir::InOut;
      continue;
    }
    TypeRef VT = type(IE->getType(), IE);
    P.Bytes = isAsmValueType(VT) ? byteSize(asmType(VT)) : 8;
    if (C.AllowsImm && asmImmediate(A, G, C))
      continue;
    if (C.AllowsReg || !C.ExplicitReg.empty()) {
      if (!isAsmValueType(VT))
        reject(IE, "asm-operand-type",
               "operand " + A.operandName(G) + " is not a scalar");
      ir::AsmOperand Op;
      Op.In = A.addOp(asmValue(Exprs.rvalue(IE), asmType(VT)));
      asmRegister(A, std::move(Op), C, G);
      continue;
    }
    if (C.AllowsMem) {
      if (!IE->isGLValue())
        reject(IE, "asm-operand-type",
               "memory operand " + A.operandName(G) + " is not an lvalue");
      if (IE->refersToBitField())
        reject(IE, "asm-operand-type", "memory operand is a bitfield");
      if (readsStackPointerVariable(IE, *LC.Asm)) {
        A.Plans[G].Kind = AsmOperandKind::StackRead;
        A.MemoryOperand = true;
        continue;
      }
      asmMemory(A, G, IE, /*Written=*/false);
      continue;
    }
    reject(IE, "asm-constraint-unsupported",
           "input " + A.operandName(G) + " has no form Rust can pass");
  }
}

} // namespace h2r::frontend
