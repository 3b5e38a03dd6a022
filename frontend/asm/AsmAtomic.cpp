//===- AsmAtomic.cpp - One locked instruction as core atomics -------------===//
//
// An asm that is one locked read-modify-write of an integer in plain memory
// (the kernel's atomic_t, refcount and xchg/cmpxchg primitives) is the
// operation core::sync::atomic names, SeqCst, since `lock` is a full
// barrier (asmAtomic):
//  - lock inc/dec/add/sub/and/or/xor -> fetch_add .. fetch_xor, the zero and
//    sign flags of inc/dec/add/sub of a constant from the new value;
//  - lock xadd -> fetch_add, xchg (locked without the prefix) -> swap;
//  - lock cmpxchg with its zero flag as an output (try_cmpxchg) ->
//    compare_exchange, the flag `current == expected`.
// LLVM emits the same locked instruction, folds the place's offset into its
// addressing and branches on its flags, which Rust's asm! (a register
// operand, no flag outputs) cannot; and it treats an ordered atomic as
// reading and writing all memory, as the asm's "memory" clobber says. Not
// kept: the .smp_locks entry that lets a uniprocessor kernel patch the lock
// prefix away. Anything else stays asm; a lone unlocked (per-CPU) cmpxchg's
// zero flag is then a comparison in Rust (asmCmpxchgFlag). Under KASAN it
// all stays asm: KASAN checks a core atomic's access, not an asm's.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/AsmState.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringExtras.h"

#include <regex>

namespace h2r::frontend {

using namespace clang;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

namespace {

// The instruction of a template that holds one, past the kernel's
// LOCK_PREFIX (its .smp_locks entry and label), comments and a `lock`
// prefix (Locked says whether there was one); empty otherwise.
std::string loneInstruction(std::string Text, bool &Locked) {
  static const std::regex Section(R"(\.pushsection[\s\S]*?\.popsection)");
  static const std::regex Comment(R"(/\*[\s\S]*?\*/)");
  static const std::regex Label(R"((^|[\n;])\s*[0-9]+:)");
  Text = std::regex_replace(Text, Section, "");
  Text = std::regex_replace(Text, Comment, "");
  Text = std::regex_replace(Text, Label, "$1");
  std::vector<std::string> Statements;
  llvm::SmallVector<llvm::StringRef, 8> Pieces;
  llvm::SplitString(Text, Pieces, "\n;");
  for (llvm::StringRef Piece : Pieces)
    if (!Piece.trim().empty())
      Statements.push_back(Piece.trim().str());
  Locked = false;
  if (!Statements.empty() && Statements.front() == "lock") {
    Statements.erase(Statements.begin());
    Locked = true;
  } else if (!Statements.empty() &&
             llvm::StringRef(Statements.front()).starts_with("lock ")) {
    Statements.front() =
        llvm::StringRef(Statements.front()).drop_front(5).trim().str();
    Locked = true;
  }
  return Statements.size() == 1 ? Statements.front() : "";
}

// The GCC operand a template reference (`%2`, `%[new]`, `%k[new]`) names.
std::optional<unsigned> referencedOperand(const GCCAsmStmt *S,
                                          const std::string &Ref) {
  static const std::regex Form(R"(%[a-zA-Z]?(?:\[(\w+)\]|(\d+)))");
  std::smatch M;
  if (!std::regex_match(Ref, M, Form))
    return std::nullopt;
  int Index = M[1].matched ? S->getNamedOperand(M[1].str()) : std::stoi(M[2]);
  if (Index < 0 ||
      Index >= static_cast<int>(S->getNumOutputs() + S->getNumInputs()))
    return std::nullopt;
  return Index;
}

bool isIntOfBits(const TypeRef &T, unsigned Bits) {
  return T->isInt() && T->bits() == Bits;
}

// Whether two operand expressions name one place: the same expression,
// with no side effect that could make the two evaluations differ.
bool samePlace(const clang::Expr *A, const clang::Expr *B,
               const ASTContext &Ctx) {
  if (A->HasSideEffects(Ctx) || B->HasSideEffects(Ctx))
    return false;
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, Ctx, /*Canonical=*/true);
  B->Profile(IdB, Ctx, /*Canonical=*/true);
  return IdA == IdB;
}

} // namespace

// One x86 instruction of an asm template: its mnemonic without the size
// suffix, its operand size and its AT&T operands (source first).
struct Instruction {
  std::string Op;
  unsigned Bits = 0;
  std::vector<std::string> Operands;
};

namespace {

std::optional<Instruction> atomicInstruction(const std::string &Text) {
  static const std::regex Form(
      R"((cmpxchg|xadd|xchg|inc|dec|add|sub|and|or|xor)([bwlq])(?:\s+(.*))?)");
  std::smatch M;
  if (!std::regex_match(Text, M, Form))
    return std::nullopt;
  Instruction I{M[1].str(), 8u << std::string("bwlq").find(M[2].str()[0]), {}};
  llvm::SmallVector<llvm::StringRef, 2> Pieces;
  std::string Operands = M[3].str(); // Pieces point into it
  llvm::StringRef(Operands).split(Pieces, ',');
  for (llvm::StringRef Piece : Pieces)
    if (!Piece.trim().empty())
      I.Operands.push_back(Piece.trim().str());
  return I;
}

// The read-modify-write core names for an instruction (atomicRmw's `add`
// for fetch_add, `swap`).
std::string rmwOperation(const std::string &Op) {
  if (Op == "inc" || Op == "add" || Op == "xadd")
    return "add";
  if (Op == "dec" || Op == "sub")
    return "sub";
  if (Op == "and" || Op == "or" || Op == "xor")
    return Op;
  return "swap";
}

// Flags of the new value an asm may output: the zero and sign flags.
bool valueFlag(const std::string &Cond) {
  return Cond == "z" || Cond == "e" || Cond == "nz" || Cond == "ne" ||
         Cond == "s" || Cond == "ns";
}

} // namespace

// An asm that is one locked instruction on integer memory, as asmAtomic
// reads it: everything is decided before any IR is built, so a rejected
// asm is left to asmStmt untouched.
struct AtomicAsm {
  Instruction I;
  unsigned MemOp = 0; // the destination, a read-write memory output
  const clang::Expr *MemE = nullptr;
  std::optional<unsigned> MemIn; // the same place as an "m" input
  TypeRef MemTy;
  const clang::Expr *SrcE = nullptr; // null: inc and dec
  bool SrcIsOutput = false;          // xadd and xchg: gets the old value
  // Flags of the new value the asm outputs, and cmpxchg's accumulator.
  std::vector<std::pair<unsigned, std::string>> Flags;
  std::optional<unsigned> Accumulator;
};

std::optional<AtomicAsm> AsmLowering::lockedInstruction(const GCCAsmStmt *S) {
  if (!LC.Asm->hasLockedAtomics() || LC.SanitizedAccesses)
    return std::nullopt;
  bool Locked = false;
  std::optional<Instruction> I = atomicInstruction(
      loneInstruction(S->getAsmString()->getString().str(), Locked));
  if (!I || (!Locked && I->Op != "xchg") || S->isAsmGoto() ||
      !LC.Rust.atLeast(1, 75) || I->Operands.empty() || I->Operands.size() > 2)
    return std::nullopt;
  for (unsigned C = 0; C < S->getNumClobbers(); ++C)
    if (S->getClobber(C) != "memory" && S->getClobber(C) != "cc")
      return std::nullopt;
  std::vector<unsigned> Refs;
  for (const std::string &Text : I->Operands) {
    std::optional<unsigned> R = referencedOperand(S, Text);
    if (!R)
      return std::nullopt;
    Refs.push_back(*R);
  }
  AtomicAsm A;
  A.I = *I;
  // The destination: read-write integer memory of the instruction's size,
  // in the default address space (a per-CPU place has no Rust pointer).
  const unsigned NumOut = S->getNumOutputs();
  A.MemOp = Refs.back();
  if (A.MemOp >= NumOut)
    return std::nullopt;
  AsmConstraint MemC =
      LC.Asm->parseConstraint(S->getOutputConstraint(A.MemOp).str());
  A.MemE = S->getOutputExpr(A.MemOp);
  if (!MemC.AllowsMem || MemC.AllowsReg ||
      A.MemE->getType().getAddressSpace() != LangAS::Default ||
      A.MemE->refersToBitField())
    return std::nullopt;
  // `"=m"(v->counter) : "m"(v->counter)` (atomic64_64.h) says "+m" in two.
  for (unsigned In = 0; In < S->getNumInputs(); ++In) {
    AsmConstraint C = LC.Asm->parseConstraint(S->getInputConstraint(In).str());
    if (C.AllowsMem && !C.AllowsReg && !C.AllowsImm &&
        samePlace(S->getInputExpr(In), A.MemE, Ctx))
      A.MemIn = NumOut + In;
  }
  if (!MemC.ReadWrite && !A.MemIn)
    return std::nullopt;
  A.MemTy = type(A.MemE->getType(), S);
  if (!isIntOfBits(A.MemTy, I->Bits) || !atomicOperands(S, Refs, A))
    return std::nullopt;
  return A;
}

// The source (an input: cmpxchg's new value, add's operand; or, for xadd
// and xchg, a read-write register that receives the old value), and every
// other operand: flags of the new value, or cmpxchg's accumulator.
bool AsmLowering::atomicOperands(const GCCAsmStmt *S,
                                 const std::vector<unsigned> &Refs,
                                 AtomicAsm &A) {
  const unsigned NumOut = S->getNumOutputs();
  const std::string &Op = A.I.Op;
  bool HasSrc = Refs.size() == 2;
  unsigned Src = HasSrc ? Refs.front() : 0;
  A.SrcIsOutput = Op == "xadd" || Op == "xchg";
  bool Unary = Op == "inc" || Op == "dec";
  if (Unary == HasSrc || (HasSrc && (Src < NumOut) != A.SrcIsOutput) ||
      (HasSrc && A.MemIn && Src == *A.MemIn))
    return false;
  if (HasSrc) {
    bool Output = Src < NumOut;
    AsmConstraint C =
        LC.Asm->parseConstraint(Output ? S->getOutputConstraint(Src).str()
                                  : S->getInputConstraint(Src - NumOut).str());
    const clang::Expr *E = A.SrcE =
        Output ? S->getOutputExpr(Src) : S->getInputExpr(Src - NumOut);
    if ((Output && (!C.ReadWrite || !C.AllowsReg || C.AllowsMem ||
                    !C.ExplicitReg.empty())) ||
        (!Output && (C.Tied >= 0 || (C.AllowsMem && !C.AllowsReg))) ||
        !isIntOfBits(type(E->getType(), S), A.I.Bits))
      return false;
  }
  for (unsigned G = 0; G < NumOut; ++G) {
    if (G == A.MemOp || (HasSrc && G == Src))
      continue;
    AsmConstraint C = LC.Asm->parseConstraint(S->getOutputConstraint(G).str());
    if (valueFlag(C.FlagCond))
      A.Flags.emplace_back(G, C.FlagCond);
    else if (Op == "cmpxchg" && C.ExplicitReg == "ax" && C.ReadWrite &&
             !A.Accumulator)
      A.Accumulator = G;
    else
      return false;
  }
  return S->getNumInputs() ==
         (HasSrc && Src >= NumOut ? 1u : 0u) + (A.MemIn ? 1u : 0u);
}

bool AsmLowering::asmAtomic(const GCCAsmStmt *S, std::vector<ir::Stmt> &Out) {
  std::optional<AtomicAsm> A = lockedInstruction(S);
  if (!A)
    return false;
  const std::string &Op = A->I.Op;
  const TypeRef &MemTy = A->MemTy;
  if (Op == "cmpxchg") {
    if (!A->Accumulator || A->Flags.size() != 1 ||
        A->Flags[0].second.find('s') != std::string::npos ||
        !isIntOfBits(type(S->getOutputExpr(*A->Accumulator)->getType(), S),
                     A->I.Bits))
      return false;
    atomicCmpxchg(S,
                  Atomics.atomicCellAt(
                      Places.addressOfPlace(Places.lvalue(A->MemE), true),
                      MemTy),
                  MemTy, *A->Accumulator, A->Flags[0], Out);
    return true;
  }
  // Flags say what the new value is: for inc/dec and add/sub of a constant
  // LLVM reads them off the locked instruction; otherwise the asm stays.
  bool Unary = Op == "inc" || Op == "dec";
  if (!A->Flags.empty() &&
      (!(Unary || Op == "add" || Op == "sub") ||
       (A->SrcE && !A->SrcE->isIntegerConstantExpr(Ctx))))
    return false;
  const clang::Expr *SrcE = A->SrcE;
  ExprPtr Cell = Atomics.atomicCellAt(
      Places.addressOfPlace(Places.lvalue(A->MemE), true), MemTy);
  ExprPtr Operand =
      SrcE ? Exprs.coerce(A->SrcIsOutput ? Places.load(Places.lvalue(SrcE))
                                         : Exprs.rvalue(SrcE),
                          MemTy)
           : ir::makeInt(1, MemTy);
  ExprPtr Rmw = Atomics.atomicRmw(
      std::move(Cell), rmwOperation(Op),
      A->Flags.empty() ? std::move(Operand) : ir::clone(*Operand), seqCst(),
      /*NewValue=*/false, MemTy);
  if (A->SrcIsOutput) {
    Out.push_back(ir::Stmt::expr(
        Places.store(Places.lvalue(SrcE),
                     Exprs.coerce(std::move(Rmw), type(SrcE->getType(), S)))));
    return true;
  }
  if (A->Flags.empty()) {
    Out.push_back(ir::Stmt::expr(std::move(Rmw)));
    return true;
  }
  atomicFlags(S, *A, std::move(Rmw), std::move(Operand), Out);
  return true;
}

// The new value computed from the old one the atomic returns, and each flag
// the asm outputs read off it.
void AsmLowering::atomicFlags(const GCCAsmStmt *S, const AtomicAsm &A,
                              ExprPtr Rmw, ExprPtr Operand,
                              std::vector<ir::Stmt> &Out) {
  const TypeRef &MemTy = A.MemTy;
  ir::LocalId Old = addLocal("__old", MemTy);
  ir::LocalId New = addLocal("__new", MemTy);
  Out.push_back(ir::Stmt::let(Old, std::move(Rmw)));
  ExprPtr Next = ir::makeMethod(
      A.I.Op == "dec" || A.I.Op == "sub" ? "wrapping_sub" : "wrapping_add",
      ir::makeLocal(Old, MemTy), {}, MemTy);
  Next->Ops.push_back(std::move(Operand));
  Out.push_back(ir::Stmt::let(New, std::move(Next)));
  for (const auto &[G, Cond] : A.Flags) {
    TypeRef Signed = Type::integer(A.I.Bits, true);
    bool Sign = Cond == "s" || Cond == "ns";
    bool Negated = Cond[0] == 'n';
    ExprPtr Value = ir::makeLocal(New, MemTy);
    if (Sign)
      Value = Exprs.coerce(std::move(Value), Signed);
    ExprPtr Test =
        ir::makeBinary(Sign ? (Negated ? ir::BinaryOp::Ge : ir::BinaryOp::Lt)
                            : (Negated ? ir::BinaryOp::Ne : ir::BinaryOp::Eq),
                       std::move(Value), ir::makeInt(0, Sign ? Signed : MemTy),
                       Type::boolean());
    LValue FlagLV = Places.lvalue(S->getOutputExpr(G));
    if (!FlagLV.Ty->isBool())
      Test = ir::makeCast(std::move(Test), FlagLV.Ty);
    Out.push_back(
        ir::Stmt::expr(Places.store(std::move(FlagLV), std::move(Test))));
  }
}

// cmpxchg sets ZF exactly when the value it read equals the accumulator, and
// leaves that value in it.
void AsmLowering::atomicCmpxchg(const GCCAsmStmt *S, ExprPtr Cell,
                                const TypeRef &MemTy, unsigned Accumulator,
                                const std::pair<unsigned, std::string> &Flag,
                                std::vector<ir::Stmt> &Out) {
  const clang::Expr *AccE = S->getOutputExpr(Accumulator);
  const clang::Expr *NewE = S->getInputExpr(0);
  TypeRef AccTy = type(AccE->getType(), S);
  ir::LocalId Expected = addLocal("__expected", AccTy);
  ir::LocalId Current = addLocal("__current", AccTy);
  Out.push_back(ir::Stmt::let(Expected, Places.load(Places.lvalue(AccE))));
  Out.push_back(ir::Stmt::let(
      Current,
      Exprs.coerce(Atomics.compareExchangeValue(
                       std::move(Cell),
                       Exprs.coerce(ir::makeLocal(Expected, AccTy), MemTy),
                       Exprs.coerce(Exprs.rvalue(NewE), MemTy), seqCst(),
                       seqCst(), MemTy),
                   AccTy)));
  LValue FlagLV = Places.lvalue(S->getOutputExpr(Flag.first));
  ExprPtr Same = ir::makeBinary(
      Flag.second[0] == 'n' ? ir::BinaryOp::Ne : ir::BinaryOp::Eq,
      ir::makeLocal(Current, AccTy), ir::makeLocal(Expected, AccTy),
      Type::boolean());
  if (!FlagLV.Ty->isBool())
    Same = ir::makeCast(std::move(Same), FlagLV.Ty);
  Out.push_back(
      ir::Stmt::expr(Places.store(std::move(FlagLV), std::move(Same))));
  Out.push_back(ir::Stmt::expr(
      Places.store(Places.lvalue(AccE), ir::makeLocal(Current, AccTy))));
}

void AsmLowering::asmCmpxchgFlag(AsmState &A, std::vector<ir::Stmt> &Out) {
  if (!LC.Asm->hasLockedAtomics())
    return;
  bool Locked = false;
  std::optional<Instruction> I = atomicInstruction(
      loneInstruction(A.S->getAsmString()->getString().str(), Locked));
  if (!I || I->Op != "cmpxchg" || I->Operands.empty())
    return;
  std::optional<unsigned> Flag, Accumulator;
  bool Negated = false;
  TypeRef Ty;
  for (unsigned G = 0; G < A.NumOut; ++G) {
    AsmConstraint C = LC.Asm->parseConstraint(A.S->getOutputConstraint(G).str());
    if (C.FlagCond == "z" || C.FlagCond == "e" || C.FlagCond == "nz" ||
        C.FlagCond == "ne") {
      if (Flag)
        return;
      Flag = G;
      Negated = C.FlagCond[0] == 'n';
    } else if (!C.FlagCond.empty()) {
      return; // another flag: the asm keeps its set<cond>
    } else if (C.ExplicitReg == "ax" && C.ReadWrite) {
      Ty = type(A.S->getOutputExpr(G)->getType(), A.S);
      if (!isIntOfBits(Ty, I->Bits))
        return; // the comparison must be at the instruction's width
      Accumulator = G;
    }
  }
  if (!Flag || !Accumulator)
    return;
  ir::LocalId Before = addLocal("__expected", Ty);
  ir::LocalId After = addLocal("__asm_out", Ty);
  Out.push_back(ir::Stmt::let(
      Before, Places.load(Places.lvalue(A.S->getOutputExpr(*Accumulator)))));
  Out.push_back(ir::Stmt::let(After, nullptr));
  A.Cmpxchg =
      AsmState::CmpxchgFlag{*Flag, *Accumulator, Negated, Before, After, Ty};
}

} // namespace h2r::frontend
