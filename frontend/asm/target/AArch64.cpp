//===- AArch64.cpp - AArch64 asm ------------------------------------------===//
//
// GCC's AArch64 constraints: general registers (r) are Rust's reg, written
// as an x register (`{0:x}`, as GCC prints `%0`) or a w register under
// `%w`; `rZ` (a register, or the zero register for 0) passes the value in a
// register, which means the same; memory (Q, a base register alone; m o V)
// is the address in a register, `[{0:x}]`; immediates (i n I J K L M N S)
// are const or sym, written bare. Rust's one AArch64 syntax is GCC's.
// The floating-point and SIMD registers (w x y) and flag outputs have no
// form here yet.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/target/AArch64.h"


namespace h2r::frontend::aarch64 {

namespace {

// AArch64's own constraint letters.
bool aarch64Letter(char Letter, AsmConstraint &C) {
  switch (Letter) {
  case 'Z': // the zero register for 0: a register holding 0 is the same
    C.AllowsReg = true;
    return true;
  case 'Q': // memory at a base register alone
    C.AllowsMem = true;
    return true;
  case 'I':
  case 'J':
  case 'K':
  case 'L':
  case 'M':
  case 'N':
  case 'S':
    C.AllowsImm = true;
    return true;
  default:
    // w x y (floating-point and SIMD registers), U* (memory forms of
    // SVE and SIMD), and anything else.
    return false;
  }
}

// "x7", "w7" -> 7; -1 for any other name.
int generalRegisterNumber(llvm::StringRef Name) {
  if (Name.size() < 2 || (Name[0] != 'x' && Name[0] != 'w'))
    return -1;
  unsigned N;
  if (Name.drop_front().getAsInteger(10, N) || N > 30)
    return -1;
  return static_cast<int>(N);
}

class AArch64 final : public AsmTarget {
public:
  const char *name() const override { return "aarch64"; }
  ir::Arch arch() const override { return ir::Arch::AArch64; }
  ir::AsmSyntax syntax() const override { return ir::AsmSyntax::Default; }

  AsmConstraint parseConstraint(const std::string &Text) const override {
    AsmConstraint C = parseGccConstraint(Text, aarch64Letter);
    if (!C.FlagCond.empty()) { // flag outputs have no form here yet
      C.FlagCond.clear();
      C.Unsupported = "@cc";
    }
    return C;
  }

  ir::AsmRegClass registerClass(const AsmConstraint &,
                                unsigned) const override {
    return ir::AsmRegClass::Reg;
  }

  std::string rustExplicitRegister(const std::string &Family,
                                   unsigned) const override {
    return "x" + Family; // no constraint letter names one
  }

  std::string clobberRegister(const std::string &Name) const override {
    if (Name == "lr")
      return "x30";
    int N = generalRegisterNumber(Name);
    // x18 is the platform register (the shadow call stack's), x19 LLVM's
    // base pointer, x29 the frame pointer: Rust names none of them.
    if (N >= 0 && N != 18 && N != 19 && N != 29)
      return "x" + std::to_string(N);
    return "";
  }

  bool isStackPointerRegister(llvm::StringRef Name) const override {
    return Name == "sp";
  }

  std::optional<std::string>
  operandText(const AsmOperandPlan &P, const std::string &Modifier,
              const PlaceholderFn &Placeholder) const override {
    switch (P.Kind) {
    case AsmOperandKind::Register:
      if (Modifier.empty() || Modifier == "x")
        return Placeholder('x');
      if (Modifier == "w")
        return Placeholder('w');
      return std::nullopt;
    case AsmOperandKind::Memory:
      if (!Modifier.empty())
        return std::nullopt;
      return "[" + Placeholder('x') + "]";
    case AsmOperandKind::Const:
    case AsmOperandKind::Sym: {
      // `%w`/`%x` of a constant: the zero register for 0, else the number
      // (an "rZ" or "Ir" operand Clang evaluated).
      bool Width = Modifier == "w" || Modifier == "x";
      if (Width && P.Kind == AsmOperandKind::Const && P.ZeroConst)
        return Modifier + "zr";
      if (!Modifier.empty() && Modifier != "c" &&
          !(Width && P.Kind == AsmOperandKind::Const))
        return std::nullopt;
      return Placeholder(0) + symbolOffset(P);
    }
    case AsmOperandKind::Label:
      return Placeholder(0);
    case AsmOperandKind::Explicit:
    case AsmOperandKind::Flag:
    case AsmOperandKind::ComparedFlag:
    case AsmOperandKind::StackPointer:
    case AsmOperandKind::StackRead:
      break;
    }
    return std::nullopt;
  }

  std::string unusedOperandText(const AsmOperandPlan &P) const override {
    bool Register = P.Kind == AsmOperandKind::Register ||
                    P.Kind == AsmOperandKind::Memory;
    return placeholder(P.RustIndex, Register ? 'x' : 0);
  }

  std::string flagOutputText(const AsmOperandPlan &) const override {
    return ""; // parseConstraint refuses flag outputs
  }

  // GCC's __builtin_trap() on AArch64.
  const char *trapInstruction() const override { return "brk #0x3e8"; }

  const char *currentAddressInstruction() const override {
    return "adr {0:x}, .";
  }

  bool pushesToStack(llvm::StringRef Mnemonic) const override {
    return Mnemonic == "bl" || Mnemonic == "blr";
  }

  bool addressesWithOffsets() const override { return false; }
  bool hasLockedAtomics() const override { return false; }
};

} // namespace

const AsmTarget &target() {
  static const AArch64 Target;
  return Target;
}

} // namespace h2r::frontend::aarch64
