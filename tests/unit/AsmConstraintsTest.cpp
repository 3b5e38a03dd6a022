// The x86-64 asm target: constraint parsing and register naming (no Clang
// needed).
#include "frontend/target/X86_64.h"

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
