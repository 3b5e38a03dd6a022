//===- X86_64.cpp - x86-64 asm, AT&T syntax -------------------------------===//
//
// GCC's x86-64 constraints: registers (r q Q R l) are Rust's reg, reg_abcd
// or reg_byte; fixed registers (a c d S D) are explicit registers, whose
// AT&T names the template writes in; memory (m o V) is the address in a
// register, `(%reg)`; immediates (i n I J K L M N e Z p) are const or sym.
// Modifiers %k %w %b %q %h pick a sub-register, %z the operand's size
// suffix, %a an address, %c and %P a bare constant.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/target/X86_64.h"

namespace h2r::frontend::x86 {

namespace {

// x86's own constraint letters.
bool x86Letter(char Letter, AsmConstraint &C) {
  switch (Letter) {
  case 'l': // index register: any general register on x86-64
    C.AllowsReg = true;
    return true;
  case 'q':
  case 'Q':
  case 'R':
    C.AllowsReg = C.AbcdOnly = true;
    return true;
  case 'a':
    C.ExplicitReg = "ax";
    return true;
  case 'c':
    C.ExplicitReg = "cx";
    return true;
  case 'd':
    C.ExplicitReg = "dx";
    return true;
  case 'S':
    C.ExplicitReg = "si";
    return true;
  case 'D':
    C.ExplicitReg = "di";
    return true;
  case 'I':
  case 'J':
  case 'K':
  case 'L':
  case 'M':
  case 'N':
  case 'e':
  case 'Z':
    C.AllowsImm = true;
    return true;
  default:
    // b (rbx is reserved by LLVM), A (rdx:rax pairs), x/Y/f/t/u (vector
    // and x87 registers), and anything else.
    return false;
  }
}

} // namespace

std::string explicitRegisterName(const std::string &Family, unsigned Bytes,
                                 bool High) {
  bool Legacy = Family == "ax" || Family == "bx" || Family == "cx" ||
                Family == "dx";
  if (High)
    return "%" + Family.substr(0, 1) + "h";
  switch (Bytes) {
  case 1:
    return Legacy ? "%" + Family.substr(0, 1) + "l" : "%" + Family + "l";
  case 2:
    return "%" + Family;
  case 4:
    return "%e" + Family;
  default:
    return "%r" + Family;
  }
}

char operandSizeSuffix(unsigned Bytes) {
  switch (Bytes) {
  case 1:
    return 'b';
  case 2:
    return 'w';
  case 4:
    return 'l';
  default:
    return 'q';
  }
}

char registerModifier(unsigned Bytes) {
  switch (Bytes) {
  case 1:
    return 0;
  case 2:
    return 'x';
  case 4:
    return 'e';
  default:
    return 'r';
  }
}

const char *segmentPrefix(Segment S) {
  switch (S) {
  case Segment::None:
    return "";
  case Segment::Fs:
    return "%fs:";
  case Segment::Gs:
    return "%gs:";
  }
  return "";
}

namespace {

bool isWordRegister(const AsmOperandPlan &P) {
  return P.Kind == AsmOperandKind::Register &&
         P.Class != ir::AsmRegClass::RegByte;
}

// The register width GCC's modifier selects (%k %w %b %q; %h is the high
// byte), the operand's own without one; 0 for any other modifier.
unsigned modifiedWidth(const std::string &Modifier, unsigned Bytes) {
  if (Modifier.empty() || Modifier == "h")
    return Bytes;
  if (Modifier == "k")
    return 4;
  if (Modifier == "w")
    return 2;
  if (Modifier == "b")
    return 1;
  if (Modifier == "q")
    return 8;
  return 0;
}

class X86_64 final : public AsmTarget {
public:
  const char *name() const override { return "x86_64"; }
  ir::Arch arch() const override { return ir::Arch::X86_64; }
  ir::AsmSyntax syntax() const override { return ir::AsmSyntax::Att; }

  AsmConstraint parseConstraint(const std::string &Text) const override {
    return parseGccConstraint(Text, x86Letter);
  }

  ir::AsmRegClass registerClass(const AsmConstraint &C,
                                unsigned Bytes) const override {
    return Bytes == 1    ? ir::AsmRegClass::RegByte
           : C.AbcdOnly ? ir::AsmRegClass::RegAbcd
                        : ir::AsmRegClass::Reg;
  }

  std::string rustExplicitRegister(const std::string &Family,
                                   unsigned Bytes) const override {
    if (Bytes == 1)
      return explicitRegisterName(Family, 1).substr(1);
    return "r" + Family;
  }

  std::string clobberRegister(const std::string &Name) const override {
    static const char *const Families[] = {"ax", "cx", "dx", "si", "di"};
    for (const char *F : Families) {
      std::string Fam = F;
      for (unsigned Bytes : {1u, 2u, 4u, 8u})
        if (Name == explicitRegisterName(Fam, Bytes).substr(1))
          return "r" + Fam;
      if (Fam.size() == 2 && Fam[1] == 'x' && Name == Fam.substr(0, 1) + "h")
        return "r" + Fam;
    }
    for (int N = 8; N <= 15; ++N) {
      std::string R = "r" + std::to_string(N);
      if (Name == R || Name == R + "d" || Name == R + "w" || Name == R + "b")
        return R;
    }
    if (Name.rfind("xmm", 0) == 0 && Name.size() > 3 &&
        Name.find_first_not_of("0123456789", 3) == std::string::npos)
      return Name;
    return "";
  }

  bool isStackPointerRegister(llvm::StringRef Name) const override {
    Name.consume_front("%");
    return Name == "rsp" || Name == "esp" || Name == "sp";
  }

  std::optional<std::string>
  operandText(const AsmOperandPlan &P, const std::string &Modifier,
              const PlaceholderFn &Placeholder) const override {
    std::string Mod = Modifier;
    if (Mod == "z")
      return std::string(1, operandSizeSuffix(P.Bytes));
    if (Mod == "a") {
      // An address: `(%reg)` for a register, the bare value otherwise.
      if (isWordRegister(P))
        return "(" + Placeholder('r') + ")";
      if (P.Kind != AsmOperandKind::Const && P.Kind != AsmOperandKind::Sym)
        return std::nullopt;
      Mod = "c";
    }
    bool High = Mod == "h";
    switch (P.Kind) {
    case AsmOperandKind::Register: {
      unsigned Bytes = modifiedWidth(Mod, P.Bytes);
      if (!Bytes)
        return std::nullopt;
      if (P.Class == ir::AsmRegClass::RegByte) {
        if (Bytes != 1 || High)
          return std::nullopt;
        return Placeholder(0);
      }
      if (High) {
        if (P.Class != ir::AsmRegClass::RegAbcd)
          return std::nullopt;
        return Placeholder('h');
      }
      return Placeholder(Bytes == 1 ? 'l' : registerModifier(Bytes));
    }
    case AsmOperandKind::Explicit: {
      unsigned Bytes = modifiedWidth(Mod, P.Bytes);
      if (!Bytes)
        return std::nullopt;
      return explicitRegisterName(P.Family, Bytes, High);
    }
    case AsmOperandKind::Memory:
      if (!Mod.empty())
        return std::nullopt;
      if (P.RipRelative)
        return segmentPrefix(P.SegmentOverride) + Placeholder(0) +
               (P.Displacement > 0 ? "+" : "") +
               (P.Displacement ? std::to_string(P.Displacement) : "") +
               "(%rip)";
      return segmentPrefix(P.SegmentOverride) +
             (P.Displacement ? std::to_string(P.Displacement)
                             : std::string()) +
             "(" + Placeholder(0) + ")";
    case AsmOperandKind::Const:
    case AsmOperandKind::Sym: {
      bool Bare = Mod == "c" || Mod == "P";
      if (!Mod.empty() && !Bare)
        return std::nullopt;
      return (Bare ? "" : "$") + Placeholder(0) + symbolOffset(P);
    }
    case AsmOperandKind::Label:
      return Placeholder(0);
    case AsmOperandKind::Flag:
    case AsmOperandKind::ComparedFlag:
    case AsmOperandKind::StackPointer:
    case AsmOperandKind::StackRead:
      break;
    }
    return std::nullopt;
  }

  std::string unusedOperandText(const AsmOperandPlan &P) const override {
    return placeholder(P.RustIndex,
                       isWordRegister(P) ? registerModifier(P.Bytes) : 0);
  }

  std::string flagOutputText(const AsmOperandPlan &P) const override {
    return "set" + P.FlagCond + " " + placeholder(P.RustIndex, 0);
  }

  const char *trapInstruction() const override { return "ud2"; }

  const char *currentAddressInstruction() const override {
    return "leaq 0(%rip), {0}";
  }

  bool pushesToStack(llvm::StringRef Mnemonic) const override {
    return Mnemonic.starts_with("call") || Mnemonic.starts_with("push") ||
           Mnemonic == "enter" || Mnemonic == "enterq";
  }

  bool addressesWithOffsets() const override { return true; }
  bool hasLockedAtomics() const override { return true; }
};

} // namespace

const AsmTarget &target() {
  static const X86_64 Target;
  return Target;
}

} // namespace h2r::frontend::x86
