//===- AArch64.h - AArch64 asm ----------------------------------*- C++ -*-===//
//
// The AArch64 target of the asm lowering. docs/constructs.md tabulates its
// constraint letters and modifiers beside x86-64's.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_TARGET_AARCH64_H
#define H2R_FRONTEND_ASM_TARGET_AARCH64_H

#include "frontend/asm/target/AsmTarget.h"

namespace h2r::frontend::aarch64 {

const AsmTarget &target();

} // namespace h2r::frontend::aarch64

#endif
