//===- frontend/target/AsmTarget.cpp - One architecture's asm -------------===//

#include "frontend/target/AsmTarget.h"

#include "frontend/target/AArch64.h"
#include "frontend/target/X86_64.h"

#include "llvm/TargetParser/Triple.h"

namespace h2r::frontend {

size_t constraintModifiers(const std::string &Text, AsmConstraint &C) {
  size_t I = 0;
  for (; I < Text.size(); ++I) {
    char Ch = Text[I];
    if (Ch != '=' && Ch != '+' && Ch != '&' && Ch != '%')
      break;
    C.Output |= Ch == '=' || Ch == '+';
    C.ReadWrite |= Ch == '+';
    C.EarlyClobber |= Ch == '&';
  }
  return I;
}

std::string placeholder(int RustIndex, char Modifier) {
  std::string S = "{" + std::to_string(RustIndex);
  if (Modifier)
    S += std::string(":") + Modifier;
  return S + "}";
}

std::string symbolOffset(const AsmOperandPlan &P) {
  if (P.Kind != AsmOperandKind::Sym || !P.SymOffset)
    return "";
  return (P.SymOffset > 0 ? "+" : "") + std::to_string(P.SymOffset);
}

const AsmTarget *asmTargetFor(const llvm::Triple &T) {
  if (T.getArch() == llvm::Triple::x86_64)
    return &x86::target();
  if (T.getArch() == llvm::Triple::aarch64)
    return &aarch64::target();
  return nullptr;
}

} // namespace h2r::frontend
