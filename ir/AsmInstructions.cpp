//===- ir/AsmInstructions.cpp - What an asm instruction does --------------===//

#include "ir/AsmInstructions.h"

#include <set>

namespace h2r::ir {

namespace {

bool startsWith(const std::string &S, const char *Prefix) {
  return S.rfind(Prefix, 0) == 0;
}

bool x86Data(const std::string &M) {
  static const std::set<std::string> Fences = {"mfence", "lfence", "sfence",
                                               "pause"};
  if (Fences.count(M))
    return true;
  // Each base with an operand-size suffix (addl, movzbl, xaddq,
  // cmpxchg16b) or none, and condition codes (sete, jne, cmovz).
  for (const char *Base : {"add", "adc", "sub", "sbb", "and", "or", "xor",
                           "inc", "dec", "neg", "not", "xadd", "xchg",
                           "cmpxchg", "bt", "bts", "btr", "btc", "bsf", "bsr",
                           "tzcnt", "lzcnt", "popcnt", "cmp", "test", "lea",
                           "shl", "shr", "sar", "sal", "rol", "ror", "nop",
                           "bswap", "mov", "imul", "mul"})
    if (startsWith(M, Base) && M.size() - std::string(Base).size() <= 3)
      return true;
  return startsWith(M, "set") || startsWith(M, "cmov") ||
         (M.size() <= 4 && M[0] == 'j' && M != "jmpq");
}

bool aarch64Data(const std::string &M, const std::string &Operands) {
  static const std::set<std::string> Alu = {
      "add",  "adds", "adc",  "adcs", "sub",   "subs",  "sbc",   "sbcs",
      "and",  "ands", "orr",  "orn",  "eor",   "eon",   "bic",   "bics",
      "mvn",  "neg",  "negs", "mov",  "movz",  "movk",  "movn",  "lsl",
      "lsr",  "asr",  "ror",  "cmp",  "cmn",   "tst",   "csel",  "csinc",
      "csinv", "csneg", "cset", "csetm", "cinc", "cinv", "cneg", "mul",
      "madd", "msub", "mneg", "udiv", "sdiv",  "umulh", "smulh", "umull",
      "smull", "ubfx", "sbfx", "ubfm", "sbfm", "bfi",   "bfxil", "bfm",
      "ubfiz", "sbfiz", "sxtb", "sxth", "sxtw", "uxtb",  "uxth",  "rbit",
      "rev",  "rev16", "rev32", "clz", "cls",  "extr",  "adr",   "adrp",
      // Local branches, and barriers and hints that wait for nothing.
      "b", "cbz", "cbnz", "tbz", "tbnz", "dmb", "dsb", "isb", "nop",
      "yield", "prfm", "prfum"};
  if (Alu.count(M) || startsWith(M, "b."))
    return true;
  // Loads and stores of every width and ordering (ldr, ldxr, stlr, ldp),
  // and the LSE atomics (ldadd, stset, cas, swp).
  if (startsWith(M, "ld") || startsWith(M, "st") || startsWith(M, "cas") ||
      startsWith(M, "swp"))
    return true;
  // System registers read alike on both sides: `current` and the per-CPU
  // offset; a counter (cntvct_el0) reads differently each time.
  if (M == "mrs")
    for (const char *Register : {"sp_el0", "tpidr_el1", "tpidr_el2"})
      if (Operands.find(Register) != std::string::npos)
        return true;
  return false;
}

} // namespace

bool isDataInstruction(Arch A, const std::string &Mnemonic,
                       const std::string &Operands) {
  switch (A) {
  case Arch::X86_64:
    return x86Data(Mnemonic);
  case Arch::AArch64:
    return aarch64Data(Mnemonic, Operands);
  case Arch::Other:
    return false;
  }
  return false;
}

bool isTrap(Arch A, const std::string &Mnemonic) {
  switch (A) {
  case Arch::X86_64:
    return Mnemonic == "ud2";
  case Arch::AArch64:
  case Arch::Other:
    return false; // arm64's brk: not read as WARN yet, so not data either
  }
  return false;
}

const char *lineComment(Arch A) {
  switch (A) {
  case Arch::X86_64:
    return "#";
  case Arch::AArch64:
  case Arch::Other:
    return "//";
  }
  return "//";
}

} // namespace h2r::ir
