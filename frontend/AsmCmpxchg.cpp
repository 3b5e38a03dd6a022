//===- frontend/AsmCmpxchg.cpp - cmpxchg whose zero flag is an output -----===//
//
// The kernel's try_cmpxchg asm (`lock cmpxchg` with `=@ccz`) is the one
// place C branches on a flag Rust's asm! cannot output. cmpxchg sets ZF
// exactly when the value it read equals the accumulator, so:
//  - a locked cmpxchg of an integer in plain memory is core's
//    `compare_exchange` (SeqCst, as `lock` is a full barrier; LLVM's own
//    cmpxchg, which branches on ZF as C does and is a compiler barrier like
//    the asm's "memory" clobber) and the flag `current == expected`
//    (asmAtomicCmpxchg). The kernel's .smp_locks entry, which lets a
//    uniprocessor kernel patch the lock prefix away, is not kept;
//  - any other lone cmpxchg (per-CPU memory, no `lock`) stays asm and the
//    flag is that comparison in Rust (asmCmpxchgFlag).
//
//===----------------------------------------------------------------------===//
#include "frontend/AsmState.h"
#include "frontend/IRBuilders.h"

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
  if (Index < 0 || Index >= static_cast<int>(S->getNumOutputs() +
                                             S->getNumInputs()))
    return std::nullopt;
  return Index;
}

bool isIntOfBits(const TypeRef &T, unsigned Bits) {
  return T->isInt() && T->bits() == Bits;
}

} // namespace

bool FunctionLowering::asmAtomicCmpxchg(const GCCAsmStmt *S,
                                        std::vector<ir::Stmt> &Out) {
  static const std::regex Cmpxchg(R"(cmpxchg([bwlq])\s+([^,\s]+)\s*,\s*(\S+))");
  bool Locked = false;
  std::string Insn =
      loneInstruction(S->getAsmString()->getString().str(), Locked);
  std::smatch M;
  if (!Locked || !LC.rustAtLeast(1, 75) || !std::regex_match(Insn, M, Cmpxchg) ||
      S->isAsmGoto() || S->getNumOutputs() != 3 || S->getNumInputs() != 1)
    return false;
  for (unsigned I = 0; I < S->getNumClobbers(); ++I)
    if (S->getClobber(I) != "memory" && S->getClobber(I) != "cc")
      return false;
  unsigned Bits = 8u << std::string("bwlq").find(M[1].str()[0]);
  std::optional<unsigned> NewOp = referencedOperand(S, M[2].str());
  std::optional<unsigned> MemOp = referencedOperand(S, M[3].str());
  if (!NewOp || !MemOp || *NewOp != S->getNumOutputs() ||
      *MemOp >= S->getNumOutputs())
    return false;
  // The roles: the flag, the accumulator, the memory cmpxchg updates, and
  // the new value the template names first.
  std::optional<unsigned> Flag, Accumulator;
  bool Negated = false;
  for (unsigned G = 0; G < S->getNumOutputs(); ++G) {
    AsmConstraint C = parseAsmConstraint(S->getOutputConstraint(G).str());
    if (G == *MemOp) {
      if (!C.ReadWrite || !C.AllowsMem || C.AllowsReg)
        return false;
    } else if (C.FlagCond == "z" || C.FlagCond == "e" || C.FlagCond == "nz" ||
               C.FlagCond == "ne") {
      Flag = G;
      Negated = C.FlagCond[0] == 'n';
    } else if (C.ExplicitReg == "ax" && C.ReadWrite) {
      Accumulator = G;
    } else {
      return false;
    }
  }
  AsmConstraint NewC = parseAsmConstraint(S->getInputConstraint(0).str());
  if (!Flag || !Accumulator || !NewC.AllowsReg || NewC.AllowsMem ||
      !NewC.ExplicitReg.empty() || NewC.Tied >= 0)
    return false;
  const clang::Expr *MemE = S->getOutputExpr(*MemOp);
  const clang::Expr *AccE = S->getOutputExpr(*Accumulator);
  const clang::Expr *NewE = S->getInputExpr(0);
  // Plain memory only: a per-CPU (__seg_gs) place has no Rust pointer.
  if (MemE->getType().getAddressSpace() != LangAS::Default ||
      MemE->refersToBitField())
    return false;
  TypeRef MemTy = type(MemE->getType(), S);
  TypeRef AccTy = type(AccE->getType(), S);
  TypeRef NewTy = type(NewE->getType(), S);
  if (!isIntOfBits(MemTy, Bits) || !isIntOfBits(AccTy, Bits) ||
      !isIntOfBits(NewTy, Bits))
    return false;
  ExprPtr Cell = atomicCellAt(addressOfPlace(lvalue(MemE), true), MemTy);
  if (!Cell)
    return false;

  ir::LocalId Expected = addLocal("__expected", AccTy);
  ir::LocalId Current = addLocal("__current", AccTy);
  Out.push_back(ir::Stmt::let(Expected, load(lvalue(AccE))));
  auto SeqCst = [] { return corePath("core::sync::atomic::Ordering::SeqCst"); };
  std::vector<ExprPtr> Args;
  Args.push_back(coerce(ir::makeLocal(Expected, AccTy), MemTy));
  Args.push_back(coerce(rvalue(NewE), MemTy));
  Args.push_back(SeqCst());
  Args.push_back(SeqCst());
  ExprPtr Result = ir::makeMethod("compare_exchange", std::move(Cell),
                                  std::move(Args), nullptr);
  std::vector<ExprPtr> Identity;
  Identity.push_back(corePath("core::convert::identity"));
  Out.push_back(ir::Stmt::let(
      Current, coerce(ir::makeMethod("unwrap_or_else", std::move(Result),
                                     std::move(Identity), MemTy),
                      AccTy)));
  LValue FlagLV = lvalue(S->getOutputExpr(*Flag));
  ExprPtr Same = ir::makeBinary(Negated ? ir::BinaryOp::Ne : ir::BinaryOp::Eq,
                                ir::makeLocal(Current, AccTy),
                                ir::makeLocal(Expected, AccTy), Type::boolean());
  if (!FlagLV.Ty->isBool())
    Same = ir::makeCast(std::move(Same), FlagLV.Ty);
  Out.push_back(ir::Stmt::expr(store(std::move(FlagLV), std::move(Same))));
  Out.push_back(ir::Stmt::expr(
      store(lvalue(AccE), ir::makeLocal(Current, AccTy))));
  return true;
}

void FunctionLowering::asmCmpxchgFlag(AsmState &A, std::vector<ir::Stmt> &Out) {
  static const std::regex Cmpxchg(R"(cmpxchg([bwlq])\s.*)");
  std::smatch M;
  bool Locked = false;
  std::string Insn =
      loneInstruction(A.S->getAsmString()->getString().str(), Locked);
  if (!std::regex_match(Insn, M, Cmpxchg))
    return;
  unsigned Width = std::string("bwlq").find(M[1].str()[0]);
  std::optional<unsigned> Flag, Accumulator;
  bool Negated = false;
  TypeRef Ty;
  for (unsigned G = 0; G < A.NumOut; ++G) {
    AsmConstraint C = parseAsmConstraint(A.S->getOutputConstraint(G).str());
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
      if (!Ty->isInt() || Ty->bits() != 8u << Width)
        return; // the comparison must be at the instruction's width
      Accumulator = G;
    }
  }
  if (!Flag || !Accumulator)
    return;
  ir::LocalId Before = addLocal("__expected", Ty);
  ir::LocalId After = addLocal("__asm_out", Ty);
  Out.push_back(ir::Stmt::let(
      Before, load(lvalue(A.S->getOutputExpr(*Accumulator)))));
  Out.push_back(ir::Stmt::let(After, nullptr));
  A.Cmpxchg =
      AsmState::CmpxchgFlag{*Flag, *Accumulator, Negated, Before, After, Ty};
}

} // namespace h2r::frontend
