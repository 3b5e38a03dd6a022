//===- ir/KernelCheck.cpp - Which helpers the in-kernel suite calls -------===//

#include "ir/KernelCheck.h"

#include "ir/PointerOrigins.h"
#include "ir/passes/Walk.h"

#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace h2r::ir {

namespace {

// x86 instructions that act on their operands and the flags only. Anything
// else (popf, sti, ud2, call, wrmsr...) acts on the CPU or the kernel.
bool isDataInstruction(const std::string &M) {
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
    if (M.rfind(Base, 0) == 0 && M.size() - std::string(Base).size() <= 3)
      return true;
  return M.rfind("set", 0) == 0 || M.rfind("cmov", 0) == 0 ||
         (M.size() <= 4 && M[0] == 'j' && M != "jmpq");
}

// The first asm instruction of Text that is not data-only, or one that
// writes through a segment register (per-CPU data) or a symbol operand
// (a global). Nothing if the asm touches only its operands.
std::optional<std::string> asmEffect(const Expr &E) {
  std::set<std::string> SymSlots;
  for (size_t I = 0; I != E.AsmOps.size(); ++I)
    if (E.AsmOps[I].Dir == AsmDir::Sym)
      SymSlots.insert("{" + std::to_string(I) + "}");
  std::string Text = E.Text;
  for (size_t Open; (Open = Text.find("/*")) != std::string::npos;) {
    size_t Close = Text.find("*/", Open);
    Text.erase(Open, Close == std::string::npos ? Close : Close + 2 - Open);
  }
  std::string Line;
  std::istringstream Lines(Text);
  while (std::getline(Lines, Line, '\n')) {
    Line = Line.substr(0, Line.find('#')); // a comment to the line's end
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
      if (Mnemonic == "ud2")
        return "raises a kernel warning or BUG (`ud2`)";
      if (!isDataInstruction(Mnemonic))
        return "runs `" + Mnemonic + "`";
      std::string Operands;
      std::getline(Words, Operands);
      size_t LastComma = Operands.rfind(',');
      std::string Destination =
          LastComma == std::string::npos ? Operands : Operands.substr(LastComma);
      bool Reads = Mnemonic.rfind("cmp", 0) == 0 ||
                   Mnemonic.rfind("test", 0) == 0 ||
                   (Mnemonic.rfind("bt", 0) == 0 && Mnemonic.size() <= 3);
      if (Reads)
        continue;
      if (Destination.find("%gs:") != std::string::npos ||
          Destination.find("%fs:") != std::string::npos)
        return "writes per-CPU data (`" + Mnemonic + "`)";
      for (const std::string &Slot : SymSlots)
        if (Destination.find(Slot) != std::string::npos)
          return "writes a C global (`" + Mnemonic + "`)";
    }
  }
  return std::nullopt;
}

// The static a place expression writes, if its root is one.
const Symbol *staticRoot(const Expr &Place) {
  const Expr *P = &Place;
  while (P->Kind == ExprKind::Field || P->Kind == ExprKind::BitfieldGet) {
    if (P->Ops.empty())
      return nullptr;
    P = P->Ops[0].get();
  }
  return P->Kind == ExprKind::Path && isStatic(P->Sym.Kind) ? &P->Sym
                                                             : nullptr;
}

// C functions of the kernel that read nothing an argument points to and
// change nothing the kernel keeps, so running them twice is as safe as
// running a translation twice. Calls to any other C function keep a helper
// out of the suite, memcpy() and memset() too: a length computed from the
// arguments (bitmap_copy_and_extend() with a size below the count) runs
// past any object a test builds.
bool touchesOnlyItsArguments(const std::string &Name) {
  static const std::set<std::string> Names = {
      // Read-only lookups: a range check on the address, a name table.
      "is_vmalloc_addr", "errname",
      // might_sleep()'s static call to __cond_resched(): may yield the CPU,
      // which a KUnit case in process context may always do.
      "__SCT__might_resched"};
  return Names.count(Name) != 0;
}

class EffectFinder {
public:
  explicit EffectFinder(const Module &M) : Functions(M) {}

  // Why calling helper F twice may not leave the kernel as it was; empty if
  // it touches only what its arguments point to.
  std::string helperEffect(const Function &F) {
    Seen.clear();
    return effectOf(F);
  }

private:
  std::string effectOf(const Function &F) {
    if (!Seen.insert(&F).second)
      return ""; // reported where it was first reached
    return F.Body ? effectIn(*F.Body) : "";
  }

  std::string effectIn(const Expr &E) {
    switch (E.Kind) {
    case ExprKind::Call:
      if (std::string Why = callEffect(E.Sym); !Why.empty())
        return Why;
      break;
    case ExprKind::CallPtr:
      return "calls through a function pointer";
    case ExprKind::Asm:
      if (E.AsmOpts.NoReturn)
        return "does not return (asm)";
      if (std::optional<std::string> Why = asmEffect(E))
        return "asm " + *Why;
      for (const AsmOperand &Op : E.AsmOps)
        if (isOutput(Op.Dir) && Op.Out >= 0)
          if (const Symbol *S = staticRoot(*E.Ops[Op.Out]))
            return "writes the C global `" + S->Name + "`";
      break;
    case ExprKind::Assign:
    case ExprKind::VolatileWrite:
    case ExprKind::BitfieldSet:
      if (const Symbol *S = staticRoot(*E.Ops[0]))
        return "writes the C global `" + S->Name + "`";
      break;
    case ExprKind::AddrOf:
      if (const Symbol *S = staticRoot(*E.Ops[0]); S && E.Mutable)
        return "takes the mutable address of the C global `" + S->Name + "`";
      break;
    case ExprKind::IntLit:
    case ExprKind::BoolLit:
    case ExprKind::FloatLit:
    case ExprKind::ByteStr:
    case ExprKind::NullPtr:
    case ExprKind::Zeroed:
    case ExprKind::Unit:
    case ExprKind::Local:
    case ExprKind::Path:
    case ExprKind::Unary:
    case ExprKind::Binary:
    case ExprKind::Method:
    case ExprKind::Cast:
    case ExprKind::NewtypeWrap:
    case ExprKind::NewtypeValue:
    case ExprKind::Transmute:
    case ExprKind::Deref:
    case ExprKind::Field:
    case ExprKind::BitfieldGet:
    case ExprKind::Block:
    case ExprKind::If:
    case ExprKind::Loop:
    case ExprKind::While:
    case ExprKind::Match:
    case ExprKind::Break:
    case ExprKind::Continue:
    case ExprKind::Return:
    case ExprKind::VolatileRead:
      break;
    }
    std::string Why;
    forEachChild(E, [&](const Expr &C) {
      if (Why.empty())
        Why = effectIn(C);
    });
    return Why;
  }

  std::string callEffect(const Symbol &S) {
    switch (S.Kind) {
    case SymbolKind::InlineFn:
    case SymbolKind::HelperFn:
      if (const Function *F = Functions.callee(S))
        return effectOf(*F);
      return "calls the C function `" + S.Name + "`";
    case SymbolKind::BindingsFn:
    case SymbolKind::ExternFn:
      if (touchesOnlyItsArguments(S.Name))
        return "";
      return "calls the C function `" + S.Name + "`";
    case SymbolKind::ShimFn:
    case SymbolKind::Core:
      return "";
    case SymbolKind::BindingsStatic:
    case SymbolKind::ExternStatic:
    case SymbolKind::LocalStatic:
      return "calls through the C global `" + S.Name + "`";
    }
    return "";
  }

  FunctionIndex Functions;
  std::set<const Function *> Seen;
};

// Why the suite cannot build this argument, or empty.
std::string argumentProblem(const std::string &Name, const ValueShape &S) {
  std::string Arg = "argument `" + Name + "` ";
  if (S.Kind == "int" || S.Kind == "bool")
    return "";
  if (S.Kind == "pointer") {
    // A `void *` or an incomplete type gets the smallest object; pointers
    // the object holds are checked by PointerOrigins.
    if (S.PointeeSize > KernelCheckMaxObject)
      return Arg + "points to " + std::to_string(S.PointeeSize) +
             " bytes, more than the suite builds";
    return "";
  }
  if (S.Kind == "fnptr")
    return ""; // null: the effects keep out a helper that calls it
  return Arg + "is a `" + S.CType + "` passed by value";
}

} // namespace

void planKernelChecks(const Module &M, std::vector<HelperRecord> &Helpers) {
  std::map<std::string, const Function *> HelperFns = helpersByCName(M);
  EffectFinder Effects(M);
  PointerOrigins Origins(M);
  for (HelperRecord &H : Helpers) {
    H.Check.V = KernelCheck::Verdict::NotCheckable;
    auto It = HelperFns.find(H.Name);
    if (H.St == HelperRecord::Status::Fallback || It == HelperFns.end()) {
      H.Check.Reason = "left to C";
      continue;
    }
    const Function &F = *It->second;
    if (F.Ret && F.Ret->kind() == Type::Kind::Never) {
      H.Check.Reason = "does not return";
      continue;
    }
    if (H.Sig.Ret.Kind == "record" || H.Sig.Ret.Kind == "float") {
      H.Check.Reason = "returns a `" + H.Sig.Ret.CType + "` by value";
      continue;
    }
    unsigned Pointers = 0;
    for (const auto &[Name, Shape] : H.Sig.Params) {
      if (H.Check.Reason.empty())
        H.Check.Reason = argumentProblem(Name, Shape);
      Pointers += Shape.Kind == "pointer";
    }
    if (H.Check.Reason.empty() && Pointers > KernelCheckMaxPointers)
      H.Check.Reason = "takes " + std::to_string(Pointers) +
                       " pointers, more than the suite builds";
    if (H.Check.Reason.empty())
      H.Check.Reason = Effects.helperEffect(F);
    if (H.Check.Reason.empty())
      H.Check.Reason = Origins.strayDereference(F);
    if (H.Check.Reason.empty())
      H.Check.V = KernelCheck::Verdict::InSuite;
  }
}

} // namespace h2r::ir
