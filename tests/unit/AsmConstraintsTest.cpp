// The asm targets, x86-64 and AArch64: constraint parsing, register naming
// and operand forms (no Clang needed).
#include "frontend/asm/target/AArch64.h"
#include "frontend/asm/target/X86_64.h"

#include <catch2/catch.hpp>

using namespace h2r::frontend;
using namespace h2r::frontend::x86;

namespace {

AsmConstraint parseAsmConstraint(const std::string &Text) {
  return target().parseConstraint(Text);
}

std::string rustExplicitRegister(const std::string &Family, unsigned Bytes) {
  return target().rustExplicitRegister(Family, Bytes);
}

std::string clobberRegister(const std::string &Name) {
  return target().clobberRegister(Name);
}

} // namespace

TEST_CASE("constraint strings parse into what asm! can express", "[asm]") {
  AsmConstraint RW = parseAsmConstraint("+r");
  CHECK(RW.Output);
  CHECK(RW.ReadWrite);
  CHECK(RW.AllowsReg);

  AsmConstraint Early = parseAsmConstraint("=&q");
  CHECK(Early.EarlyClobber);
  CHECK(Early.AbcdOnly);

  CHECK(parseAsmConstraint("=a").ExplicitReg == "ax");
  CHECK(parseAsmConstraint("D").ExplicitReg == "di");
  CHECK(parseAsmConstraint("+m").AllowsMem);
  CHECK(parseAsmConstraint("0").Tied == 0);
  CHECK(parseAsmConstraint("=@ccz").FlagCond == "z");
  CHECK(parseAsmConstraint("=@ccnc").FlagCond == "nc");

  AsmConstraint Ir = parseAsmConstraint("Ir");
  CHECK(Ir.AllowsImm);
  CHECK(Ir.AllowsReg);
  AsmConstraint G = parseAsmConstraint("g");
  CHECK((G.AllowsImm && G.AllowsReg && G.AllowsMem));

  CHECK(parseAsmConstraint("b").Unsupported == "b"); // rbx is LLVM's
  CHECK(parseAsmConstraint("=x").Unsupported == "x"); // SSE registers
  CHECK(parseAsmConstraint("A").Unsupported == "A");
}

TEST_CASE("registers are named at every width", "[asm]") {
  CHECK(explicitRegisterName("ax", 1) == "%al");
  CHECK(explicitRegisterName("ax", 1, true) == "%ah");
  CHECK(explicitRegisterName("si", 1) == "%sil");
  CHECK(explicitRegisterName("dx", 4) == "%edx");
  CHECK(explicitRegisterName("di", 8) == "%rdi");
  CHECK(rustExplicitRegister("cx", 1) == "cl");
  CHECK(rustExplicitRegister("cx", 4) == "rcx");
  CHECK(registerModifier(4) == 'e');
  CHECK(registerModifier(2) == 'x');
  CHECK(registerModifier(1) == 0);
}

TEST_CASE("clobbers map to the registers Rust can name", "[asm]") {
  CHECK(clobberRegister("eax") == "rax");
  CHECK(clobberRegister("cl") == "rcx");
  CHECK(clobberRegister("r10d") == "r10");
  CHECK(clobberRegister("xmm3") == "xmm3");
  CHECK(clobberRegister("rbx").empty());
  CHECK(clobberRegister("rsp").empty());
  CHECK(clobberRegister("st(1)").empty());
}

TEST_CASE("AArch64's constraints, registers and operand forms", "[asm]") {
  const AsmTarget &A64 = h2r::frontend::aarch64::target();
  CHECK(A64.syntax() == h2r::ir::AsmSyntax::Default);
  CHECK(A64.parseConstraint("+Q").AllowsMem);
  CHECK(A64.parseConstraint("=&r").EarlyClobber);
  AsmConstraint Zero = A64.parseConstraint("rZ");
  CHECK((Zero.AllowsReg && !Zero.AllowsImm)); // 0 in a register is xzr's 0
  AsmConstraint Imm = A64.parseConstraint("Ir");
  CHECK((Imm.AllowsImm && Imm.AllowsReg));
  CHECK(A64.parseConstraint("w").Unsupported == "w"); // SIMD registers
  CHECK(A64.parseConstraint("=@cceq").Unsupported == "@cc");

  CHECK(A64.clobberRegister("x16") == "x16");
  CHECK(A64.clobberRegister("w3") == "x3");
  CHECK(A64.clobberRegister("lr") == "x30");
  CHECK(A64.clobberRegister("x18").empty()); // the platform register
  CHECK(A64.clobberRegister("x29").empty());

  auto Text = [&](AsmOperandKind Kind, const std::string &Modifier,
                  bool Zero = false) {
    AsmOperandPlan P;
    P.Kind = Kind;
    P.ZeroConst = Zero;
    std::optional<std::string> T = A64.operandText(
        P, Modifier, [](char M) { return placeholder(2, M); });
    return T ? *T : std::string("(none)");
  };
  // GCC prints a general register as its x name; %w and %x choose.
  CHECK(Text(AsmOperandKind::Register, "") == "{2:x}");
  CHECK(Text(AsmOperandKind::Register, "w") == "{2:w}");
  CHECK(Text(AsmOperandKind::Register, "h") == "(none)");
  CHECK(Text(AsmOperandKind::Memory, "") == "[{2:x}]");
  CHECK(Text(AsmOperandKind::Const, "c") == "{2}");
  CHECK(Text(AsmOperandKind::Const, "w") == "{2}");
  CHECK(Text(AsmOperandKind::Const, "w", true) == "wzr");
  CHECK(Text(AsmOperandKind::Label, "l") == "{2}");
  CHECK(A64.pushesToStack("bl"));
  CHECK(!A64.pushesToStack("b"));
}
