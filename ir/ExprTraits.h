//===- ir/ExprTraits.h - What each expression kind is -----------*- C++ -*-===//
//
// The yes/no questions about an ExprKind, answered in one table: a new
// kind is one row here (the compiler names it), not a case in every
// analysis that only asks whether a node calls, stores or branches.
// Questions whose answer depends on more than the kind (a mutable
// address-of, a call that never returns) combine a trait with the node.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_EXPRTRAITS_H
#define H2R_IR_EXPRTRAITS_H

#include "ir/Module.h"

namespace h2r::ir {

struct ExprTraits {
  bool Literal = false;  // a constant without operands
  bool NamesPlace = false; // a place by name: a local, a static's path
  bool Calls = false;    // runs code of its own: a call
  bool Stores = false;   // writes memory itself: assignment, bitfield or
                         // volatile store
  bool Volatile = false; // a volatile access
  bool Asm = false;      // inline assembly
  bool Control = false;  // a block or a transfer of control
  // Rust prints it with an operand first (`a + b`, `x as T`, `f.m()`).
  bool OperandFirst = false;
};

const ExprTraits &traits(ExprKind K);

// Evaluating it neither calls, stores, accesses volatile memory, runs
// inline assembly nor transfers control, nor does any operand's: a dead
// store of its value may drop it.
bool isPure(const Expr &E);

// Evaluating it may write memory or borrow a place mutably.
bool mayWrite(const Expr &E);

} // namespace h2r::ir

#endif
