//===- AsmState.h - One asm statement being lowered -------------*- C++ -*-===//
//
// What the steps of asm lowering (AsmLowering.cpp: operands, clobbers,
// options; AsmTemplate.cpp: the template) share about one GCC asm statement.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_ASMSTATE_H
#define H2R_FRONTEND_ASM_ASMSTATE_H

#include "frontend/asm/AsmLowering.h"

#include "clang/AST/Stmt.h"

namespace h2r::frontend {

struct AsmState {
  const clang::GCCAsmStmt *S;
  unsigned NumOut, NumIn, NumLabels;
  ir::ExprPtr Asm;
  // GCC's operands in GCC's order: outputs, inputs, labels.
  std::vector<AsmOperandPlan> Plans;
  // Rust wants explicit registers after every positional operand.
  std::vector<ir::AsmOperand> Positional, Explicit;
  std::vector<ir::Stmt> After; // stores of outputs, after the asm
  bool MemoryOperand = false, MemoryOutput = false, MemoryClobber = false;
  bool StackPointerOperand = false;
  // A lone `cmpxchg` whose zero flag is an output: cmpxchg sets ZF exactly
  // when the value it read equals the accumulator, and leaves the value it
  // read in the accumulator, so the flag is `after == before` in Rust.
  struct CmpxchgFlag {
    unsigned Flag, Accumulator; // GCC operand indices
    bool Negated;               // =@ccnz
    ir::LocalId Before, After;  // the accumulator's value around the asm
    ir::TypeRef Ty;             // theirs, the instruction's width
  };
  std::optional<CmpxchgFlag> Cmpxchg;

  explicit AsmState(const clang::GCCAsmStmt *S);
  int addOp(ir::ExprPtr E);
  int addPositional(ir::AsmOperand Op, AsmOperandPlan &P);
  std::string operandName(unsigned G) const;
};

} // namespace h2r::frontend

#endif
