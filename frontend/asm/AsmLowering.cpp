//===- AsmLowering.cpp - GCC asm statements to asm! -----------------------===//
//
// The target (frontend/asm/target/) says what the architecture's constraints,
// registers and template forms are; the x86-64 one, AT&T syntax, is this
// pipeline's model. Each GCC operand becomes one Rust operand:
//  - registers (r q Q R l) -> in/out/lateout/inout(reg | reg_abcd | reg_byte),
//    with the template's sub-register chosen from the C type or the %k %w %b
//    %h %q modifier;
//  - fixed registers (a c d S D) -> explicit registers, whose names Rust
//    does not let the template mention, so their AT&T name is written in;
//  - memory (m o V) -> the address in a register, `(%reg)` in the template,
//    so the asm keeps its memory effect;
//  - immediates (i n I J K L M N e Z p) -> `const` when Clang evaluates the
//    value, `sym` for the address of a symbol, else the register form when
//    the constraint allows one;
//  - tied inputs ("0") -> the output's `inout`;
//  - flag outputs (=@cc<cond>) -> set<cond> into a byte register, except
//    the zero flag of a lone cmpxchg: a comparison in Rust, and a locked one
//    is no asm at all but core's compare_exchange (AsmCmpxchg.cpp);
//  - asm goto labels -> `label { goto }` blocks.
// Outputs go through temporaries so any C lvalue (bitfield, volatile) works.
// The steps, in asmStmt's order: outputs, inputs (AsmInputs.cpp), labels
// (operands and the values they carry), the template (AsmTemplate.cpp),
// clobbers, options.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/AsmState.h"
#include "frontend/asm/AsmValues.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

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

// The address of a global or a function, as `sym` wants it, with the
// constant offset the expression adds.
std::optional<ir::Symbol> AsmLowering::symbolAddress(const clang::Expr *E,
                                                     int64_t &Offset) {
  // A string literal (`"i"(__FILE__)`): its bytes become a static item.
  if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts())) {
    if (SL->getCharByteWidth() != 1)
      return std::nullopt;
    std::string Bytes = SL->getBytes().str();
    Bytes.push_back('\0');
    TypeRef Ty = Type::array(Type::integer(8, false), Bytes.size());
    std::string Name =
        "__ASM_STRING_" + std::to_string(Scope.StaticItems.size());
    auto Str = std::make_unique<ir::Expr>(ExprKind::ByteStr,
                                          Type::pointer(Ty, true));
    Str->Text = Bytes;
    ir::Stmt Item(ir::Stmt::Kind::Static);
    Item.Item.Name = Name;
    Item.Item.Ty = Ty;
    Item.Item.Init = std::make_unique<ir::Expr>(ExprKind::Deref, Ty);
    Item.Item.Init->Ops.push_back(std::move(Str));
    Scope.StaticItems.push_back(std::move(Item));
    Offset = 0;
    return ir::Symbol{ir::SymbolKind::LocalStatic, Name};
  }
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || !R.Val.isLValue() ||
      R.Val.getLValueBase().isNull())
    return std::nullopt;
  const auto *D =
      R.Val.getLValueBase().dyn_cast<const ValueDecl *>();
  if (!D)
    return std::nullopt;
  Offset = R.Val.getLValueOffset().getQuantity();
  if (isa<FunctionDecl>(D))
    return Specialised.symbolOf(D, E);
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || VD->hasLocalStorage())
    return std::nullopt;
  if (VD->isStaticLocal()) {
    StaticLocals.staticLocal(VD);
    return ir::Symbol{ir::SymbolKind::LocalStatic, Scope.Statics[VD]};
  }
  if (VD->getStorageClass() == SC_Static)
    return std::nullopt;
  return Specialised.symbolOf(VD, E);
}

ExprPtr AsmLowering::asmValue(ExprPtr V, const TypeRef &AsmTy) {
  if (V->Ty->isBool() || (V->Ty->isPointer() && AsmTy->isInt()))
    return ir::makeCast(std::move(V), AsmTy);
  if (V->Ty->kind() == Type::Kind::FnPtr) {
    auto T = std::make_unique<ir::Expr>(ExprKind::Transmute, AsmTy);
    T->Ops.push_back(std::move(V));
    return T;
  }
  return Exprs.coerce(std::move(V), AsmTy);
}

AsmState::AsmState(const GCCAsmStmt *S)
    : S(S), NumOut(S->getNumOutputs()), NumIn(S->getNumInputs()),
      NumLabels(S->getNumLabels()),
      Asm(std::make_unique<ir::Expr>(ExprKind::Asm, Type::unit())),
      Plans(NumOut + NumIn + NumLabels) {}

int AsmState::addOp(ExprPtr E) {
  Asm->Ops.push_back(std::move(E));
  return static_cast<int>(Asm->Ops.size() - 1);
}

int AsmState::addPositional(ir::AsmOperand Op, AsmOperandPlan &P) {
  P.RustIndex = static_cast<int>(Positional.size());
  Positional.push_back(std::move(Op));
  return P.RustIndex;
}

std::string AsmState::operandName(unsigned G) const {
  StringRef N = G < NumOut ? S->getOutputName(G) : S->getInputName(G - NumOut);
  return N.empty() ? "%" + std::to_string(G) : "[" + N.str() + "]";
}

void AsmLowering::asmStmt(const GCCAsmStmt *S, std::vector<ir::Stmt> &Out) {
  if (!LC.Asm)
    reject(S, "asm-target-unsupported",
           "asm for " + Ctx.getTargetInfo().getTriple().getArchName().str() +
               " has no translation");
  if (S->isAsmGoto() && S->getNumOutputs() > 0)
    reject(S, "asm-goto-outputs",
           "asm goto with outputs is unstable in Rust");
  if (S->isAsmGoto() && !LC.hasAsmGoto())
    reject(S, "asm-goto-needs-rust-1.87",
           "asm goto needs Rust's label operands (1.87, or the asm_goto "
           "feature before it); raise --rust-version or pass "
           "--rust-features=asm_goto");
  if (asmAtomic(S, Out))
    return;
  AsmState A(S);
  asmCmpxchgFlag(A, Out);
  asmOutputs(A, Out);
  asmInputs(A);
  asmLabels(A);
  asmTemplate(A);
  asmClobbers(A);
  for (ir::AsmOperand &Op : A.Positional)
    A.Asm->AsmOps.push_back(Op);
  for (ir::AsmOperand &Op : A.Explicit)
    A.Asm->AsmOps.push_back(Op);
  A.Asm->AsmOpts = asmOptions(A);
  Out.push_back(ir::Stmt::expr(std::move(A.Asm)));
  for (auto &St : A.After)
    Out.push_back(std::move(St));
}

AsmConstraint AsmLowering::asmConstraint(const AsmState &A, unsigned G) {
  std::string Text = G < A.NumOut
                         ? A.S->getOutputConstraint(G).str()
                         : A.S->getInputConstraint(G - A.NumOut).str();
  AsmConstraint C = LC.Asm->parseConstraint(Text);
  if (!C.Unsupported.empty())
    reject(A.S, "asm-constraint-unsupported",
           "constraint letter '" + C.Unsupported + "' of operand " +
               A.operandName(G) + " has no Rust asm! form");
  return C;
}

// A register operand: an explicit register (named last, as Rust wants) or
// a register class (positional, referenced by index in the template).
void AsmLowering::asmRegister(AsmState &A, ir::AsmOperand Op,
                              const AsmConstraint &C, unsigned G) {
  AsmOperandPlan &P = A.Plans[G];
  if (!C.ExplicitReg.empty()) {
    P.Kind = AsmOperandKind::Explicit;
    P.Family = C.ExplicitReg;
    Op.Class = ir::AsmRegClass::Explicit;
    Op.Register = LC.Asm->rustExplicitRegister(C.ExplicitReg, P.Bytes);
    P.ExplicitIndex = static_cast<int>(A.Explicit.size());
    A.Explicit.push_back(Op);
    return;
  }
  P.Kind = AsmOperandKind::Register;
  P.Class = LC.Asm->registerClass(C, P.Bytes);
  Op.Class = P.Class;
  A.addPositional(std::move(Op), P);
}

// A tied input of another size or kind shares the output's register: GCC
// gives the register the input's value and the output its low bits. Rust
// wants one type on both sides of an inout, so both go through an integer
// of the wider size (`get_user`'s `"=a"(int) : "0"(ptr)`).
TypeRef AsmLowering::tiedRegisterType(AsmState &A, unsigned G,
                                      const TypeRef &OutTy) {
  for (unsigned I = 0; I < A.NumIn; ++I) {
    if (asmConstraint(A, A.NumOut + I).Tied != static_cast<int>(G))
      continue;
    const clang::Expr *IE = A.S->getInputExpr(I);
    TypeRef InTy = asmType(type(IE->getType(), IE));
    bool Scalar = [](const TypeRef &T) {
      return T->isInt() || T->isPointer();
    }(InTy) && (OutTy->isInt() || OutTy->isPointer());
    if (!Scalar || ir::sameType(InTy, OutTy) ||
        (InTy->isInt() && OutTy->isInt() && InTy->bits() == OutTy->bits()))
      return OutTy;
    unsigned Bytes = std::max(byteSize(InTy), byteSize(OutTy));
    bool Address = InTy->isPointer() || OutTy->isPointer();
    return Type::integer(Bytes * 8, false, /*PointerSized=*/Address);
  }
  return OutTy;
}

void AsmLowering::asmOutputs(AsmState &A, std::vector<ir::Stmt> &Out) {
  for (unsigned G = 0; G < A.NumOut; ++G) {
    if (A.Cmpxchg && (G == A.Cmpxchg->Flag || G == A.Cmpxchg->Accumulator))
      cmpxchgOutput(A, G);
    else
      asmOutput(A, G, Out);
  }
}

// A lone cmpxchg's zero flag, `after == before` of its accumulator, and
// the accumulator itself.
void AsmLowering::cmpxchgOutput(AsmState &A, unsigned G) {
  LValue LV = Places.lvalue(A.S->getOutputExpr(G));
  if (G == A.Cmpxchg->Flag) {
    A.Plans[G].Kind = AsmOperandKind::ComparedFlag;
    const TypeRef &Ty = A.Cmpxchg->Ty;
    ExprPtr Same = ir::makeBinary(
        A.Cmpxchg->Negated ? ir::BinaryOp::Ne : ir::BinaryOp::Eq,
        ir::makeLocal(A.Cmpxchg->After, Ty), ir::makeLocal(A.Cmpxchg->Before, Ty),
        Type::boolean());
    if (!LV.Ty->isBool())
      Same = ir::makeCast(std::move(Same), LV.Ty);
    A.After.push_back(
        ir::Stmt::expr(Places.store(std::move(LV), std::move(Same))));
    return;
  }
  AsmOperandPlan &P = A.Plans[G];
  P.Bytes = byteSize(LV.Ty);
  TypeRef Ty = LV.Ty;
  ir::AsmOperand Op;
  Op.Dir = ir::AsmDir::InOut;
  Op.In = A.addOp(ir::makeLocal(A.Cmpxchg->Before, Ty));
  Op.Out = A.addOp(ir::makeLocal(A.Cmpxchg->After, Ty));
  asmRegister(A, std::move(Op), asmConstraint(A, G), G);
  A.After.push_back(ir::Stmt::expr(
      Places.store(std::move(LV), ir::makeLocal(A.Cmpxchg->After, Ty))));
}

// `set<cond>` into a byte register, appended to the template.
void AsmLowering::flagOutput(AsmState &A, unsigned G, const AsmConstraint &C,
                             LValue LV, std::vector<ir::Stmt> &Out) {
  AsmOperandPlan &P = A.Plans[G];
  P.Kind = AsmOperandKind::Flag;
  P.FlagCond = C.FlagCond;
  TypeRef U8 = Type::integer(8, false);
  ir::LocalId Tmp = addLocal("__flag", U8);
  Out.push_back(ir::Stmt::let(Tmp, nullptr));
  ir::AsmOperand Op;
  Op.Dir = ir::AsmDir::LateOut;
  Op.Class = ir::AsmRegClass::RegByte;
  Op.Out = A.addOp(ir::makeLocal(Tmp, U8));
  A.addPositional(std::move(Op), P);
  // `set<cond>` writes exactly 0 or 1: a bool as it stands, no compare.
  ExprPtr Value = ir::makeLocal(Tmp, U8);
  Value = LV.Ty->isBool() ? wrap(ExprKind::Transmute, std::move(Value), LV.Ty)
                          : ir::makeCast(std::move(Value), LV.Ty);
  A.After.push_back(
      ir::Stmt::expr(Places.store(std::move(LV), std::move(Value))));
}

void AsmLowering::asmOutput(AsmState &A, unsigned G,
                            std::vector<ir::Stmt> &Out) {
  AsmConstraint C = asmConstraint(A, G);
  const clang::Expr *OE = A.S->getOutputExpr(G);
  if (std::optional<std::string> Reg = globalRegisterVariable(OE)) {
    // GCC's idiom for "this asm calls": the stack pointer as an in-out
    // operand keeps the call after the frame is set up. Rust gives an
    // asm! without `nostack` an aligned stack it may push to.
    if (!LC.Asm->isStackPointerRegister(*Reg) || !C.ReadWrite)
      reject(OE, "global-register-variable",
             "operand " + A.operandName(G) + " is the register variable '" +
                 *Reg + "', which Rust cannot bind");
    A.Plans[G].Kind = AsmOperandKind::StackPointer;
    A.StackPointerOperand = true;
    return;
  }
  LValue LV = Places.lvalue(OE);
  AsmOperandPlan &P = A.Plans[G];
  if (!isAsmValueType(LV.Ty))
    reject(OE, "asm-operand-type",
           "operand " + A.operandName(G) + " is not a scalar");
  TypeRef AT = asmType(LV.Ty);
  P.Bytes = byteSize(AT);
  if (!C.FlagCond.empty()) {
    flagOutput(A, G, C, std::move(LV), Out);
    return;
  }
  if (!C.AllowsReg && C.ExplicitReg.empty() && C.AllowsMem) {
    // The address goes in; the asm writes through it.
    A.MemoryOutput = true;
    if (!LV.Bitfield.empty())
      reject(OE, "asm-operand-type", "memory operand is a bitfield");
    asmMemory(A, G, OE, /*Written=*/true);
    return;
  }
  if (!C.AllowsReg && C.ExplicitReg.empty())
    reject(OE, "asm-constraint-unsupported",
           "output " + A.operandName(G) + " allows no register");
  TypeRef RegTy = tiedRegisterType(A, G, AT);
  ir::LocalId Tmp = addLocal("__asm_out", RegTy);
  Out.push_back(ir::Stmt::let(Tmp, nullptr));
  ir::AsmOperand Op;
  Op.Dir = C.ReadWrite      ? ir::AsmDir::InOut
           : C.EarlyClobber ? ir::AsmDir::Out
                            : ir::AsmDir::LateOut;
  Op.Out = A.addOp(ir::makeLocal(Tmp, RegTy));
  if (C.ReadWrite)
    Op.In = A.addOp(asmValue(Places.load(LV.duplicate()), AT));
  asmRegister(A, std::move(Op), C, G);
  ExprPtr Value = ir::makeLocal(Tmp, RegTy);
  if (!ir::sameType(RegTy, AT))
    Value = ir::makeCast(std::move(Value), AT);
  if (LV.Ty->isBool())
    Value = Exprs.toBool(std::move(Value));
  else if (LV.Ty->kind() == Type::Kind::FnPtr) {
    auto T = std::make_unique<ir::Expr>(ExprKind::Transmute, LV.Ty);
    T->Ops.push_back(std::move(Value));
    Value = std::move(T);
  }
  A.After.push_back(
      ir::Stmt::expr(Places.store(std::move(LV), std::move(Value))));
}

// Labels: each is a block that performs the goto.
void AsmLowering::asmLabels(AsmState &A) {
  for (unsigned L = 0; L < A.NumLabels; ++L) {
    unsigned G = A.NumOut + A.NumIn + L;
    std::vector<ir::Stmt> Jump;
    Sections.gotoStmt(A.S->getLabelExpr(L)->getLabel(), A.S, Jump);
    A.Plans[G].Kind = AsmOperandKind::Label;
    ir::AsmOperand Op;
    Op.Dir = ir::AsmDir::Label;
    Op.In = A.addOp(ir::makeBlock(std::move(Jump), nullptr, Type::unit()));
    A.addPositional(std::move(Op), A.Plans[G]);
  }
}

// Registers the asm overwrites become `lateout(..) _`; condition codes are
// clobbered by every Rust asm! unless it says `preserves_flags`.
void AsmLowering::asmClobbers(AsmState &A) {
  std::set<std::string> Used;
  for (const ir::AsmOperand &Op : A.Explicit)
    Used.insert(LC.Asm->clobberRegister(Op.Register));
  for (unsigned I = 0; I < A.S->getNumClobbers(); ++I) {
    std::string Clobber = A.S->getClobber(I).str();
    if (!Clobber.empty() && Clobber[0] == '%')
      Clobber = Clobber.substr(1);
    if (Clobber == "memory") {
      A.MemoryClobber = true;
      continue;
    }
    if (Clobber == "cc" || Clobber == "dirflag" || Clobber == "fpsr" ||
        Clobber == "flags")
      continue;
    std::string Reg = LC.Asm->clobberRegister(Clobber);
    if (Reg.empty())
      reject(A.S, "asm-constraint-unsupported",
             "clobber '" + Clobber + "' has no Rust form");
    if (!Used.insert(Reg).second)
      continue;
    ir::AsmOperand Op;
    Op.Dir = ir::AsmDir::LateOut;
    Op.Class = ir::AsmRegClass::Explicit;
    Op.Register = Reg;
    A.Explicit.push_back(Op);
  }
}

// Does the template push to the stack itself (an instruction the target
// says pushes: x86's `call`, `push*`, `enter`; not directives such as
// `.pushsection`)? Such an asm needs the ABI's stack alignment, which
// `nostack` gives up; the kernel marks these with ASM_CALL_CONSTRAINT.
// Anything else leaves the stack alone: the kernel has no red zone, and a
// trap (`ud2`, `int3`) gets a frame the CPU aligns itself.
static bool templateUsesStack(const AsmTarget &Target,
                              const std::string &Text) {
  for (size_t I = 0; I < Text.size();) {
    if (!isalpha(static_cast<unsigned char>(Text[I])) && Text[I] != '_') {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Text.size() &&
           (isalnum(static_cast<unsigned char>(Text[J])) || Text[J] == '_'))
      ++J;
    StringRef Word(Text.data() + I, J - I);
    bool Directive = I > 0 && Text[I - 1] == '.'; // .pushsection
    if (Directive) {
      I = J;
      continue;
    }
    if (Target.pushesToStack(Word))
      return true;
    I = J;
  }
  return false;
}

ir::AsmOptions AsmLowering::asmOptions(const AsmState &A) {
  ir::AsmOptions O;
  O.Syntax = LC.Asm->syntax();
  O.NoStack =
      !A.StackPointerOperand && !templateUsesStack(*LC.Asm, A.Asm->Text);
  // GCC may drop or merge a non-volatile asm with outputs: Rust's `pure`.
  bool HasOutputs = A.NumOut > 0 && !A.MemoryOutput;
  if (!A.S->isVolatile() && HasOutputs && !A.MemoryClobber) {
    O.Pure = true;
    (A.MemoryOperand ? O.ReadOnly : O.NoMem) = true;
  }
  return O;
}

} // namespace h2r::frontend
