//===- ir/AsmInstructions.cpp - What an asm statement does ----------------===//

#include "ir/AsmInstructions.h"

#include "ir/KernelCalls.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace h2r::ir {

namespace {

bool startsWith(const std::string &S, const char *Prefix) {
  return S.rfind(Prefix, 0) == 0;
}

// S without leading and trailing blanks.
std::string trimmed(std::string S) {
  S.erase(0, S.find_first_not_of(" \t"));
  S.erase(S.find_last_not_of(" \t") + 1);
  return S;
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

// The value of a const operand named `{N}` in the template, if Slot is one.
std::optional<uint64_t> constOperand(const Expr &E, const std::string &Slot) {
  if (Slot.size() < 3 || Slot.front() != '{' || Slot.back() != '}')
    return std::nullopt;
  size_t N = 0;
  for (char C : Slot.substr(1, Slot.size() - 2)) {
    if (!std::isdigit(static_cast<unsigned char>(C)))
      return std::nullopt;
    N = N * 10 + (C - '0');
  }
  if (N >= E.AsmOps.size() || E.AsmOps[N].Dir != AsmDir::Const)
    return std::nullopt;
  const Expr &Value = *E.Ops[E.AsmOps[N].In];
  if (Value.Kind != ExprKind::IntLit)
    return std::nullopt;
  return Value.IntValue;
}

// An assembler's absolute expression as a bug_entry's `.short` writes it
// (arm64's `(1 << 0)|((1 << 3) | ((9) << 8))`): integers, parentheses,
// `|`, `&`, shifts, `+` and `-`.
class DirectiveExpression {
public:
  explicit DirectiveExpression(const std::string &Text) : Text(Text) {}

  std::optional<uint64_t> evaluate() {
    std::optional<uint64_t> V = binary(0);
    skipSpace();
    return At == Text.size() ? V : std::nullopt;
  }

private:
  // Operators by precedence level, loosest first.
  static constexpr const char *Levels[][2] = {
      {"|", nullptr}, {"&", nullptr}, {"<<", ">>"}, {"+", "-"}};

  std::optional<uint64_t> binary(size_t Level) {
    if (Level == std::size(Levels))
      return primary();
    std::optional<uint64_t> L = binary(Level + 1);
    while (L) {
      skipSpace();
      const char *Op = nullptr;
      for (const char *Candidate : Levels[Level])
        if (Candidate && Text.compare(At, std::strlen(Candidate), Candidate) == 0)
          Op = Candidate;
      if (!Op)
        return L;
      At += std::strlen(Op);
      std::optional<uint64_t> R = binary(Level + 1);
      if (!R)
        return std::nullopt;
      L = apply(Op, *L, *R);
    }
    return L;
  }

  static std::optional<uint64_t> apply(const std::string &Op, uint64_t L,
                                       uint64_t R) {
    if (Op == "|")
      return L | R;
    if (Op == "&")
      return L & R;
    if (Op == "+")
      return L + R;
    if (Op == "-")
      return L - R;
    if (R >= 64)
      return std::nullopt;
    return Op == "<<" ? L << R : L >> R;
  }

  std::optional<uint64_t> primary() {
    skipSpace();
    if (At < Text.size() && Text[At] == '(') {
      ++At;
      std::optional<uint64_t> V = binary(0);
      skipSpace();
      if (!V || At == Text.size() || Text[At] != ')')
        return std::nullopt;
      ++At;
      return V;
    }
    size_t End = At;
    while (End < Text.size() && std::isalnum(static_cast<unsigned char>(Text[End])))
      ++End;
    if (End == At)
      return std::nullopt;
    std::string Digits = Text.substr(At, End - At);
    At = End;
    char *Rest = nullptr;
    uint64_t V = std::strtoull(Digits.c_str(), &Rest, 0);
    if (*Rest != '\0')
      return std::nullopt;
    return V;
  }

  void skipSpace() {
    while (At < Text.size() && std::isspace(static_cast<unsigned char>(Text[At])))
      ++At;
  }

  const std::string &Text;
  size_t At = 0;
};

// The flags of the bug_entry a WARN()/BUG() asm emits, if it can be read:
// on x86 a const operand, `.word {N}\t# bug_entry::flags`; on arm64 the
// entry's last `.short`, a constant expression written out before the
// `brk`.
std::optional<uint64_t> bugFlags(Arch A, const Expr &E) {
  switch (A) {
  case Arch::X86_64: {
    size_t At = E.Text.find("# bug_entry::flags");
    size_t Open = At == std::string::npos ? At : E.Text.rfind('{', At);
    if (Open == std::string::npos)
      return std::nullopt;
    size_t Close = E.Text.find('}', Open);
    if (Close == std::string::npos || Close > At)
      return std::nullopt;
    return constOperand(E, E.Text.substr(Open, Close + 1 - Open));
  }
  case Arch::AArch64: {
    size_t Table = E.Text.find("__bug_table");
    size_t Trap = E.Text.find("brk", Table);
    size_t Short = Trap == std::string::npos ? Trap : E.Text.rfind(".short", Trap);
    if (Table == std::string::npos || Short == std::string::npos || Short < Table)
      return std::nullopt;
    Short += std::strlen(".short");
    size_t End = E.Text.find_first_of(";\n", Short);
    if (End == std::string::npos || End > Trap)
      return std::nullopt;
    std::string Operand = trimmed(E.Text.substr(Short, End - Short));
    if (std::optional<uint64_t> Const = constOperand(E, Operand))
      return Const;
    return DirectiveExpression(Operand).evaluate();
  }
  case Arch::Other:
    return std::nullopt;
  }
  return std::nullopt;
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

// The instruction BUG() and WARN() trap with, whose address the kernel's
// handler looks up in __bug_table: x86's `ud2`, arm64's `brk` with
// BUG_BRK_IMM (other `brk`s are KASAN's, UBSAN's, a debugger's).
bool isBugTrap(Arch A, const std::string &Mnemonic,
               const std::string &Operands) {
  switch (A) {
  case Arch::X86_64:
    return Mnemonic == "ud2";
  case Arch::AArch64:
    return Mnemonic == "brk" && (Operands == "0x800" || Operands == "#0x800");
  case Arch::Other:
    return false;
  }
  return false;
}

// Does the instruction compute its own address, relative to the program
// counter with no offset?
bool readsOwnAddress(Arch A, const std::string &Mnemonic,
                     const std::string &Operands) {
  switch (A) {
  case Arch::X86_64:
    return (Mnemonic == "lea" || Mnemonic == "leaq") &&
           (startsWith(Operands, "0(%rip)") || startsWith(Operands, "(%rip)"));
  case Arch::AArch64:
    return Mnemonic == "adr" && Operands.size() > 2 &&
           Operands.compare(Operands.size() - 2, 2, " .") == 0;
  case Arch::Other:
    return false;
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
      Operands = trimmed(Operands);
      if (isBugTrap(A, Mnemonic, Operands)) {
        // BUG() stops the kernel; a WARN's bug_entry says it is one.
        std::optional<uint64_t> Flags = bugFlags(A, E);
        if (!Flags || !(*Flags & 1)) {
          Effect.Blocking = "raises a kernel BUG (`" + Mnemonic + "`)";
          return Effect;
        }
        Effect.Warns = Mnemonic;
        continue;
      }
      Effect.OwnAddress |= readsOwnAddress(A, Mnemonic, Operands);
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
