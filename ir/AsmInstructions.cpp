//===- ir/AsmInstructions.cpp - What an asm statement does ----------------===//

#include "ir/AsmInstructions.h"

#include "ir/KernelCalls.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

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

// The flags of the bug_entry a WARN()/BUG() asm emits (`.word {N}\t#
// bug_entry::flags`), if it names them by a const operand.
std::optional<uint64_t> bugFlags(const Expr &E) {
  size_t At = E.Text.find("# bug_entry::flags");
  if (At == std::string::npos)
    return std::nullopt;
  size_t Open = E.Text.rfind('{', At);
  if (Open == std::string::npos)
    return std::nullopt;
  size_t Slot = 0, Digit = Open + 1;
  for (; Digit < At && std::isdigit(static_cast<unsigned char>(E.Text[Digit]));
       ++Digit)
    Slot = Slot * 10 + (E.Text[Digit] - '0');
  if (Digit == Open + 1 || E.Text[Digit] != '}' || Slot >= E.AsmOps.size() ||
      E.AsmOps[Slot].Dir != AsmDir::Const)
    return std::nullopt;
  const Expr &Value = *E.Ops[E.AsmOps[Slot].In];
  if (Value.Kind != ExprKind::IntLit)
    return std::nullopt;
  return Value.IntValue;
}

// Does the instruction write what its operand text names as Slot, in an
// architecture's syntax: AT&T's destination is the last operand; on
// AArch64 a store's or an atomic's memory operand, or any other
// instruction's first.
bool writesSlot(Arch A, const std::string &Mnemonic,
                const std::string &Operands, const std::string &Slot) {
  switch (A) {
  case Arch::X86_64: {
    size_t LastComma = Operands.rfind(',');
    std::string Destination =
        LastComma == std::string::npos ? Operands : Operands.substr(LastComma);
    return Destination.find(Slot) != std::string::npos;
  }
  case Arch::AArch64:
  case Arch::Other:
    return Operands.find(Slot) != std::string::npos &&
           Mnemonic.rfind("ld", 0) != 0 && Mnemonic.rfind("adr", 0) != 0;
  }
  return true;
}

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

} // namespace

AsmEffect asmEffect(Arch A, const Expr &E) {
  AsmEffect Effect;
  std::map<std::string, std::string> SymSlots; // "{1}" -> its symbol
  for (size_t I = 0; I != E.AsmOps.size(); ++I)
    if (E.AsmOps[I].Dir == AsmDir::Sym)
      SymSlots["{" + std::to_string(I) + "}"] = E.AsmOps[I].Sym.Name;
  std::string Text = E.Text;
  for (size_t Open; (Open = Text.find("/*")) != std::string::npos;) {
    size_t Close = Text.find("*/", Open);
    Text.erase(Open, Close == std::string::npos ? Close : Close + 2 - Open);
  }
  std::string Line;
  std::istringstream Lines(Text);
  while (std::getline(Lines, Line, '\n')) {
    Line = Line.substr(0, Line.find(lineComment(A))); // to the line's end
    std::istringstream Stmts(Line);
    std::string Stmt;
    while (std::getline(Stmts, Stmt, ';')) {
      std::istringstream Words(Stmt);
      std::string Mnemonic;
      Words >> Mnemonic;
      // Labels and prefixes come before the mnemonic.
      while (!Mnemonic.empty() && (Mnemonic.back() == ':' ||
                                   Mnemonic == "lock" || Mnemonic == "rep")) {
        Mnemonic.clear();
        Words >> Mnemonic;
      }
      if (Mnemonic.empty() || Mnemonic[0] == '.')
        continue; // directives
      std::string Operands;
      std::getline(Words, Operands);
      Operands.erase(0, Operands.find_first_not_of(" \t"));
      Operands.erase(Operands.find_last_not_of(" \t") + 1);
      if (isTrap(A, Mnemonic)) {
        // BUG() stops the kernel; a WARN's bug_entry says it is one.
        std::optional<uint64_t> Flags = bugFlags(E);
        if (!Flags || !(*Flags & 1)) {
          Effect.Blocking = "raises a kernel BUG (`" + Mnemonic + "`)";
          return Effect;
        }
        Effect.Warns = true;
        continue;
      }
      if (Mnemonic == "call" && kernelCall(Operands) == KernelCall::Inert)
        continue; // preempt_schedule()'s static call, __sw_hweight64()
      if (!isDataInstruction(A, Mnemonic, Operands)) {
        Effect.Blocking = "runs `" + Mnemonic + "`";
        return Effect;
      }
      bool Reads = Mnemonic.rfind("cmp", 0) == 0 ||
                   Mnemonic.rfind("test", 0) == 0 ||
                   (Mnemonic.rfind("bt", 0) == 0 && Mnemonic.size() <= 3);
      if (Reads)
        continue;
      if (writesSlot(A, Mnemonic, Operands, "%gs:") ||
          writesSlot(A, Mnemonic, Operands, "%fs:")) {
        Effect.Blocking = "writes per-CPU data (`" + Mnemonic + "`)";
        return Effect;
      }
      for (const auto &[Slot, Symbol] : SymSlots)
        if (writesSlot(A, Mnemonic, Operands, Slot))
          Effect.GlobalsWritten.push_back({Symbol, Mnemonic});
    }
  }
  return Effect;
}

} // namespace h2r::ir
