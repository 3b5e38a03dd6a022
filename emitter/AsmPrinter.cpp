//===- emitter/AsmPrinter.cpp - IR asm expressions to asm! ----------------===//
//
// Operands print in the IR's order (positional first, explicit registers
// last, as Rust requires), then the options, `att_syntax` first where the
// template is AT&T's.
//
//===----------------------------------------------------------------------===//
#include "emitter/Printer.h"

namespace h2r::emit {

using namespace ir;

static const char *spelling(AsmDir D) {
  switch (D) {
  case AsmDir::In:
    return "in";
  case AsmDir::Out:
    return "out";
  case AsmDir::LateOut:
    return "lateout";
  case AsmDir::InOut:
    return "inout";
  case AsmDir::InLateOut:
    return "inlateout";
  case AsmDir::Const:
    return "const";
  case AsmDir::Sym:
    return "sym";
  case AsmDir::Label:
    return "label";
  }
  return "";
}

static std::string registerSpec(const AsmOperand &Op) {
  switch (Op.Class) {
  case AsmRegClass::None:
    return "";
  case AsmRegClass::Reg:
    return "(reg)";
  case AsmRegClass::RegAbcd:
    return "(reg_abcd)";
  case AsmRegClass::RegByte:
    return "(reg_byte)";
  case AsmRegClass::Explicit:
    return "(\"" + Op.Register + "\")";
  }
  return "";
}

static std::string optionList(const AsmOptions &O) {
  std::string S;
  bool Att = false;
  switch (O.Syntax) {
  case AsmSyntax::Default:
    break;
  case AsmSyntax::Att:
    Att = true;
    break;
  }
  for (auto [On, Name] :
       {std::pair{Att, "att_syntax"}, {O.Pure, "pure"}, {O.NoMem, "nomem"},
        {O.ReadOnly, "readonly"}, {O.NoReturn, "noreturn"},
        {O.NoStack, "nostack"}})
    if (On)
      S += (S.empty() ? "" : ", ") + std::string(Name);
  return S;
}

std::string Printer::asmOperand(const Expr &E, const AsmOperand &Op) {
  std::string S = spelling(Op.Dir) + registerSpec(Op) + " ";
  switch (Op.Dir) {
  case AsmDir::Sym:
    return S + Spell.itemPath(Op.Sym);
  case AsmDir::Label: {
    ++Indent;
    S += block(*E.Ops[Op.In], Indent);
    --Indent;
    return S;
  }
  case AsmDir::Const:
  case AsmDir::In:
    return S + expr(*E.Ops[Op.In], PrecAssign);
  case AsmDir::Out:
  case AsmDir::LateOut:
  case AsmDir::InOut:
  case AsmDir::InLateOut: {
    if (Op.In >= 0)
      S += expr(*E.Ops[Op.In], PrecAssign);
    if (Op.In >= 0 && Op.In == Op.Out)
      return S;
    if (Op.In >= 0)
      S += " => ";
    return S + (Op.Out >= 0 ? expr(*E.Ops[Op.Out], PrecAssign) : "_");
  }
  }
  return S;
}

std::string Printer::asmExpr(const Expr &E) {
  std::string S = "core::arch::asm!(\n";
  std::string Pad = indent(Indent + 1);
  S += Pad + rustStringLiteral(E.Text) + ",\n";
  for (const AsmOperand &Op : E.AsmOps)
    S += Pad + asmOperand(E, Op) + ",\n";
  if (std::string Options = optionList(E.AsmOpts); !Options.empty())
    S += Pad + "options(" + Options + ")\n";
  return S + indent(Indent) + ")";
}

} // namespace h2r::emit
