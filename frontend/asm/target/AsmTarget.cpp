//===- AsmTarget.cpp - One architecture's asm -----------------------------===//

#include "frontend/asm/target/AsmTarget.h"

#include "frontend/asm/target/AArch64.h"
#include "frontend/asm/target/X86_64.h"

#include "llvm/TargetParser/Triple.h"

#include <cctype>

namespace h2r::frontend {

namespace {

// GCC's machine-independent constraint letters; false for any other.
bool genericLetter(char Letter, AsmConstraint &C) {
  switch (Letter) {
  case 'r':
    C.AllowsReg = true;
    return true;
  case 'm':
  case 'o':
  case 'V':
    C.AllowsMem = true;
    return true;
  case 'i':
  case 'n':
    C.AllowsImm = true;
    return true;
  case 'p': // an address: a symbol (immediate) or a register
    C.AllowsImm = C.AllowsReg = true;
    return true;
  case 'g':
    C.AllowsReg = C.AllowsMem = C.AllowsImm = true;
    return true;
  case 'X':
    C.AllowsReg = C.AllowsImm = true;
    return true;
  case ',': // alternatives: the union of what each allows
    return true;
  default:
    if (!std::isdigit(static_cast<unsigned char>(Letter)))
      return false;
    C.Tied = Letter - '0';
    return true;
  }
}

} // namespace

AsmConstraint parseGccConstraint(const std::string &Text,
                                 ConstraintLetterFn TargetLetter) {
  AsmConstraint C;
  size_t I = 0;
  for (; I < Text.size(); ++I) {
    char Ch = Text[I];
    if (Ch != '=' && Ch != '+' && Ch != '&' && Ch != '%')
      break;
    C.Output |= Ch == '=' || Ch == '+';
    C.ReadWrite |= Ch == '+';
    C.EarlyClobber |= Ch == '&';
  }
  if (Text.compare(I, 3, "@cc") == 0) {
    C.FlagCond = Text.substr(I + 3);
    return C;
  }
  for (; I < Text.size(); ++I)
    if (!TargetLetter(Text[I], C) && !genericLetter(Text[I], C)) {
      C.Unsupported = std::string(1, Text[I]);
      return C;
    }
  return C;
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
