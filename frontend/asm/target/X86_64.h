//===- X86_64.h - x86-64 asm, AT&T syntax -----------------------*- C++ -*-===//
//
// The x86-64 target of the asm lowering, and the x86 spellings the per-CPU
// places of `__seg_gs` (SegmentLowering.cpp, x86 alone) write their asm in.
// docs/constructs.md tabulates every constraint letter.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_TARGET_X86_64_H
#define H2R_FRONTEND_ASM_TARGET_X86_64_H

#include "frontend/asm/target/AsmTarget.h"

namespace h2r::frontend::x86 {

const AsmTarget &target();

// The AT&T name of an explicit register family at a width in bytes, with
// '%': ("ax", 4) -> "%eax"; High selects the high byte ("%ah").
std::string explicitRegisterName(const std::string &Family, unsigned Bytes,
                                 bool High = false);

// AT&T's instruction suffix for an operand of Bytes bytes ('b', 'w', 'l',
// 'q').
char operandSizeSuffix(unsigned Bytes);

// Rust's template modifier for a general-register operand of Bytes bytes
// ('l', 'x', 'e', 'r'), or 0 when none is needed (byte registers).
char registerModifier(unsigned Bytes);

// The AT&T override prefix of a segment ("%gs:").
const char *segmentPrefix(Segment S);

} // namespace h2r::frontend::x86

#endif
