//===- frontend/AsmConstraints.h - GCC x86 asm constraints -----*- C++ -*-===//
//
// Parses one GCC inline-asm constraint string (x86-64) into what Rust's
// asm! can express: a register class, an explicit register, a memory
// operand (passed as an address), an immediate, a tied operand or a flag
// output. Plain string logic; docs/constructs.md tabulates every letter.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASMCONSTRAINTS_H
#define H2R_FRONTEND_ASMCONSTRAINTS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace h2r::frontend {

struct AsmConstraint {
  bool Output = false;       // '=' or '+'
  bool ReadWrite = false;    // '+'
  bool EarlyClobber = false; // '&'
  bool AllowsReg = false;    // r q Q R l g, an explicit register
  bool AllowsMem = false;    // m o V g
  bool AllowsImm = false;    // i n I J K L M N e Z g p
  bool AbcdOnly = false;     // q Q R: a register with a byte form
  std::string ExplicitReg;   // "ax", "cx", "dx", "si", "di" (a c d S D)
  int Tied = -1;             // "0".."9": shares output N's location
  std::string FlagCond;      // "=@ccz" -> "z"
  std::string Unsupported;   // the letter Rust cannot express, if any
};

AsmConstraint parseAsmConstraint(const std::string &Text);

// The AT&T name of an explicit register family at a width in bytes, with
// '%': ("ax", 4) -> "%eax"; High selects the high byte ("%ah").
std::string explicitRegisterName(const std::string &Family, unsigned Bytes,
                                 bool High = false);

// Rust's name for an explicit register operand: "al" for one byte,
// otherwise the 64-bit name ("rax").
std::string rustExplicitRegister(const std::string &Family, unsigned Bytes);

// The Rust name (64-bit, e.g. "rax", "r8", "xmm0") of a register a clobber
// list or an operand names in any width ("eax", "r8d", "al"); empty for
// registers Rust cannot name as operands (rbx, rbp, rsp) or does not know.
std::string clobberRegister(const std::string &Name);

// AT&T's instruction suffix for an operand of Bytes bytes ('b', 'w', 'l',
// 'q').
char operandSizeSuffix(unsigned Bytes);

// Rust's template modifier for a general-register operand of Bytes bytes
// ('l', 'x', 'e', 'r'), or 0 when none is needed (byte registers).
char registerModifier(unsigned Bytes);

// Operand RustIndex in a Rust asm! template, with its modifier if any
// (`{0}`, `{1:e}`).
std::string placeholder(int RustIndex, char Modifier);

// Is a register name ("rsp", "%esp", "sp") the stack pointer?
bool isStackPointerRegister(llvm::StringRef Name);

} // namespace h2r::frontend

#endif
