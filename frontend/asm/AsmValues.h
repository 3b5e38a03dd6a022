//===- AsmValues.h - C values as asm! operands ------------------*- C++ -*-===//
//
// What the steps of asm lowering ask of an operand's value: whether asm!
// takes a value of its type in a register, as which type, how many bytes
// it has; and whether a memory operand is where the stack pointer register
// variable points.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_ASMVALUES_H
#define H2R_FRONTEND_ASM_ASMVALUES_H

#include "frontend/asm/target/AsmTarget.h"
#include "ir/Type.h"

namespace clang {
class Expr;
} // namespace clang

namespace h2r::frontend {

// An integer, pointer, float, bool or function pointer.
bool isAsmValueType(const ir::TypeRef &T);
// The type Rust's asm! accepts for a C value of type T.
ir::TypeRef asmType(const ir::TypeRef &T);
// The bytes of a value of type T in a register.
unsigned byteSize(const ir::TypeRef &T);
// Is a memory operand `*(T *)sp_var`: the place the stack pointer register
// variable points at?
bool readsStackPointerVariable(const clang::Expr *E, const AsmTarget &Target);

} // namespace h2r::frontend

#endif
