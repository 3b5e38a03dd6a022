#include "frontend/AsmConstraints.h"

#include <cctype>

namespace h2r::frontend {

AsmConstraint parseAsmConstraint(const std::string &Text) {
  AsmConstraint C;
  size_t I = 0;
  for (; I < Text.size(); ++I) {
    char Ch = Text[I];
    if (Ch == '=')
      C.Output = true;
    else if (Ch == '+')
      C.Output = C.ReadWrite = true;
    else if (Ch == '&')
      C.EarlyClobber = true;
    else if (Ch == '%')
      continue; // commutative with the next operand: no effect here
    else
      break;
  }
  if (Text.compare(I, 3, "@cc") == 0) {
    C.FlagCond = Text.substr(I + 3);
    return C;
  }
  for (; I < Text.size(); ++I) {
    char Ch = Text[I];
    switch (Ch) {
    case 'r':
    case 'l': // index register: any general register on x86-64
      C.AllowsReg = true;
      break;
    case 'q':
    case 'Q':
    case 'R':
      C.AllowsReg = true;
      C.AbcdOnly = true;
      break;
    case 'a':
      C.ExplicitReg = "ax";
      break;
    case 'c':
      C.ExplicitReg = "cx";
      break;
    case 'd':
      C.ExplicitReg = "dx";
      break;
    case 'S':
      C.ExplicitReg = "si";
      break;
    case 'D':
      C.ExplicitReg = "di";
      break;
    case 'm':
    case 'o':
    case 'V':
      C.AllowsMem = true;
      break;
    case 'i':
    case 'n':
    case 'I':
    case 'J':
    case 'K':
    case 'L':
    case 'M':
    case 'N':
    case 'e':
    case 'Z':
    case 'p': // an address: a symbol (immediate) or a register
      C.AllowsImm = true;
      if (Ch == 'p')
        C.AllowsReg = true;
      break;
    case 'g':
      C.AllowsReg = C.AllowsMem = C.AllowsImm = true;
      break;
    case 'X':
      C.AllowsReg = C.AllowsImm = true;
      break;
    case ',':
      break; // alternatives: the union of what each allows
    default:
      if (std::isdigit(static_cast<unsigned char>(Ch))) {
        C.Tied = Ch - '0';
        break;
      }
      // b (rbx is reserved by LLVM), A (rdx:rax pairs), x/Y/f/t/u (vector
      // and x87 registers), and anything else.
      C.Unsupported = std::string(1, Ch);
      return C;
    }
  }
  return C;
}

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

std::string rustExplicitRegister(const std::string &Family, unsigned Bytes) {
  if (Bytes == 1)
    return explicitRegisterName(Family, 1).substr(1);
  return "r" + Family;
}

std::string clobberRegister(const std::string &Name) {
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

std::string placeholder(int RustIndex, char Modifier) {
  std::string S = "{" + std::to_string(RustIndex);
  if (Modifier)
    S += std::string(":") + Modifier;
  return S + "}";
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

bool isStackPointerRegister(llvm::StringRef Name) {
  Name.consume_front("%");
  return Name == "rsp" || Name == "esp" || Name == "sp";
}

} // namespace h2r::frontend
