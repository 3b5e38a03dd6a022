//===- ir/AsmInstructions.h - What an asm statement does -------*- C++ -*-===//
//
// The in-kernel differential suite runs a helper twice: an asm instruction
// that acts only on its operands, memory its operands point to and the
// flags leaves the kernel as it was; anything else (a call, a system
// register write, an interrupt flag, a trap) keeps the helper out. Said per
// architecture, by mnemonic, conservatively: what is not listed acts on
// the CPU or the kernel.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_ASMINSTRUCTIONS_H
#define H2R_IR_ASMINSTRUCTIONS_H

#include "ir/Module.h"

#include <string>
#include <utility>
#include <vector>

namespace h2r::ir {

// What an asm statement does beyond its operands and the flags.
struct AsmEffect {
  // Why running it twice may not leave the kernel as it was, or empty.
  std::string Blocking;
  // The trap of a WARN (x86's `ud2`, arm64's `brk`), if it raises one.
  std::string Warns;
  // The C globals it writes through sym operands, with the instruction.
  std::vector<std::pair<std::string, std::string>> GlobalsWritten;
  // It computes the address of its own code (x86's `lea 0(%rip)`, arm64's
  // `adr x, .`: `_THIS_IP_`, the translation of `_RET_IP_`).
  bool OwnAddress = false;
};

// Reads an asm statement of architecture A instruction by instruction.
AsmEffect asmEffect(Arch A, const Expr &E);

} // namespace h2r::ir

#endif
