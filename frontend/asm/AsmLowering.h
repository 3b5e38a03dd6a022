//===- AsmLowering.h - GCC asm statements to asm! ---------------*- C++ -*-===//
//
// Inline assembly, one statement at a time: `asmStmt` is the one entry.
// What an architecture's constraints, registers and template forms mean is
// the target's (frontend/asm/target/); the pure conversions of C values to
// operands are AsmValues.h's. The steps below share one AsmState, in
// asmStmt's order: an asm that is one locked read-modify-write becomes core's
// atomic before any of them (AsmAtomic.cpp); then outputs (AsmLowering.cpp),
// inputs (AsmInputs.cpp), labels, the template (AsmTemplate.cpp), clobbers
// and options.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_ASMLOWERING_H
#define H2R_FRONTEND_ASM_ASMLOWERING_H

#include "frontend/asm/target/AsmTarget.h"
#include "frontend/lowering/FunctionScope.h"

#include <optional>
#include <set>

namespace clang {
class GCCAsmStmt;
} // namespace clang

namespace h2r::frontend {

struct AsmState;
struct AtomicAsm;
struct LValue;

class AsmLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  void asmStmt(const clang::GCCAsmStmt *S, std::vector<ir::Stmt> &Out);

private:
  // One locked instruction as core atomics (AsmAtomic.cpp).
  bool asmAtomic(const clang::GCCAsmStmt *S, std::vector<ir::Stmt> &Out);
  std::optional<AtomicAsm> lockedInstruction(const clang::GCCAsmStmt *S);
  bool atomicOperands(const clang::GCCAsmStmt *S,
                      const std::vector<unsigned> &Refs, AtomicAsm &A);
  void atomicFlags(const clang::GCCAsmStmt *S, const AtomicAsm &A,
                   ir::ExprPtr Rmw, ir::ExprPtr Operand,
                   std::vector<ir::Stmt> &Out);
  void atomicCmpxchg(const clang::GCCAsmStmt *S, ir::ExprPtr Cell,
                     const ir::TypeRef &MemTy, unsigned Accumulator,
                     const std::pair<unsigned, std::string> &Flag,
                     std::vector<ir::Stmt> &Out);
  void asmCmpxchgFlag(AsmState &A, std::vector<ir::Stmt> &Out);
  // Operands (AsmLowering.cpp; the inputs in AsmInputs.cpp).
  AsmConstraint asmConstraint(const AsmState &A, unsigned G);
  void asmOutputs(AsmState &A, std::vector<ir::Stmt> &Out);
  void asmOutput(AsmState &A, unsigned G, std::vector<ir::Stmt> &Out);
  void cmpxchgOutput(AsmState &A, unsigned G);
  void flagOutput(AsmState &A, unsigned G, const AsmConstraint &C, LValue LV,
                  std::vector<ir::Stmt> &Out);
  ir::TypeRef tiedRegisterType(AsmState &A, unsigned G,
                               const ir::TypeRef &OutTy);
  void asmInputs(AsmState &A);
  bool asmImmediate(AsmState &A, unsigned G, const AsmConstraint &C);
  void asmLabels(AsmState &A);
  void asmRegister(AsmState &A, ir::AsmOperand Op, const AsmConstraint &C,
                   unsigned G);
  void asmMemory(AsmState &A, unsigned G, const clang::Expr *E, bool Written);
  ir::ExprPtr asmValue(ir::ExprPtr V, const ir::TypeRef &AsmTy);
  std::optional<ir::Symbol> symbolAddress(const clang::Expr *E,
                                          int64_t &Offset);
  // The template (AsmTemplate.cpp).
  void asmTemplate(AsmState &A);
  std::string asmTemplateOperand(AsmState &A, unsigned G, char Modifier,
                                 std::set<int> &Referenced);
  // Clobbers and options.
  void asmClobbers(AsmState &A);
  ir::AsmOptions asmOptions(const AsmState &A);
};

} // namespace h2r::frontend

#endif
