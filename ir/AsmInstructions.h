//===- ir/AsmInstructions.h - What an asm instruction does -----*- C++ -*-===//
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

namespace h2r::ir {

// Does the instruction (mnemonic and operand text) act on its operands,
// the memory they point to and the flags alone?
bool isDataInstruction(Arch A, const std::string &Mnemonic,
                       const std::string &Operands);

// Is it the architecture's trap (x86's ud2), which BUG() and WARN() are?
bool isTrap(Arch A, const std::string &Mnemonic);

// What starts a comment to the line's end: "#" on x86; "//" on AArch64,
// whose '#' is an immediate's prefix.
const char *lineComment(Arch A);

} // namespace h2r::ir

#endif
