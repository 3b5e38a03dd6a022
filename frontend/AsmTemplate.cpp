//===- frontend/AsmTemplate.cpp - GCC asm templates to asm! ---------------===//
//
// The template step of asm lowering: GCC's `%0`, `%k[name]`, `%c1`, `%a2`
// become Rust's `{0:e}`, `{1}`, `$`-less constants, `(%reg)` addresses, or
// the written-in name of an explicit register, by the operand's plan.
//
//===----------------------------------------------------------------------===//
#include "frontend/AsmState.h"

#include "clang/AST/ASTContext.h"

namespace h2r::frontend {

using namespace clang;

namespace {

std::string escapeTemplateText(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    // LLVM's form escapes `$` as `$$` and the dialect characters `{`, `|`,
    // `}` as `$(`, `$|`, `$)` (the kernel's ALTERNATIVE flags `A | B`);
    // Rust's template escapes only braces, as `{{` and `}}`.
    char Next = I + 1 < S.size() ? S[I + 1] : 0;
    if (C == '$' && (Next == '$' || Next == '|')) {
      Out += Next;
      ++I;
    } else if (C == '$' && (Next == '(' || Next == ')')) {
      Out += Next == '(' ? "{{" : "}}";
      ++I;
    } else if (C == '{') {
      Out += "{{";
    } else if (C == '}') {
      Out += "}}";
    } else {
      Out += C;
    }
  }
  return Out;
}

bool isWordRegister(const AsmOperandPlan &P) {
  return P.Kind == AsmOperandKind::Register &&
         P.Class != ir::AsmRegClass::RegByte;
}

} // namespace

void FunctionLowering::asmTemplate(AsmState &A) {
  SmallVector<GCCAsmStmt::AsmStringPiece, 16> Pieces;
  unsigned DiagOffset = 0;
  if (A.S->AnalyzeAsmString(Pieces, Ctx, DiagOffset))
    reject(A.S, "asm-template", "the asm template cannot be analysed");
  std::string Text;
  std::set<int> Referenced;
  for (const GCCAsmStmt::AsmStringPiece &Piece : Pieces) {
    if (!Piece.isString()) {
      Text += asmTemplateOperand(A, Piece.getOperandNo(), Piece.getModifier(),
                                 Referenced);
      continue;
    }
    if (Piece.getString().find("${:uid}") != std::string::npos)
      reject(A.S, "asm-constraint-unsupported",
             "modifier '%=' (a number unique per asm instance) has no Rust "
             "form: Rust inlining duplicates the asm text");
    Text += escapeTemplateText(Piece.getString());
  }
  // GCC lets the template ignore an operand (a dependency only); Rust wants
  // each mentioned, so the unused ones go into a comment.
  for (const AsmOperandPlan &P : A.Plans) {
    if (P.RustIndex < 0 || P.Kind == AsmOperandKind::Flag ||
        !Referenced.insert(P.RustIndex).second)
      continue;
    Text += "\n\t/* " +
            placeholder(P.RustIndex,
                        isWordRegister(P) ? registerModifier(P.Bytes) : 0) +
            " */";
  }
  for (const AsmOperandPlan &P : A.Plans)
    if (P.Kind == AsmOperandKind::Flag)
      Text += "\n\tset" + P.FlagCond + " " + placeholder(P.RustIndex, 0);
  A.Asm->Text = Text;
}

// One `%<modifier><operand>` of the template.
std::string FunctionLowering::asmTemplateOperand(AsmState &A, unsigned G,
                                                 char Modifier,
                                                 std::set<int> &Referenced) {
  std::string Mod = Modifier ? std::string(1, Modifier) : std::string();
  const AsmOperandPlan &P = A.Plans[G];
  auto Placeholder = [&](char M) {
    Referenced.insert(P.RustIndex);
    return placeholder(P.RustIndex, M);
  };
  auto Unsupported = [&]() {
    reject(A.S, "asm-constraint-unsupported",
           "modifier '%" + Mod + "' on operand " + A.operandName(G) +
               " has no Rust form");
  };
  if (Mod == "z")
    return std::string(1, operandSizeSuffix(P.Bytes));
  if (Mod == "a") {
    // An address: `(%reg)` for a register, the bare value otherwise.
    if (isWordRegister(P))
      return "(" + Placeholder('r') + ")";
    if (P.Kind != AsmOperandKind::Const && P.Kind != AsmOperandKind::Sym)
      Unsupported();
    Mod = "c";
  }
  // The register width a modifier selects (%k %w %b %q), or the high byte
  // (%h); the operand's own width without one.
  bool High = Mod == "h";
  auto RegisterWidth = [&]() {
    if (Mod == "k")
      return 4u;
    if (Mod == "w")
      return 2u;
    if (Mod == "b")
      return 1u;
    if (Mod == "q")
      return 8u;
    if (!Mod.empty() && !High)
      Unsupported();
    return P.Bytes;
  };
  switch (P.Kind) {
  case AsmOperandKind::Register: {
    unsigned Bytes = RegisterWidth();
    if (P.Class == ir::AsmRegClass::RegByte) {
      if (Bytes != 1 || High)
        Unsupported();
      return Placeholder(0);
    }
    if (High) {
      if (P.Class != ir::AsmRegClass::RegAbcd)
        Unsupported();
      return Placeholder('h');
    }
    return Placeholder(Bytes == 1 ? 'l' : registerModifier(Bytes));
  }
  case AsmOperandKind::Explicit: {
    unsigned Bytes = RegisterWidth();
    return explicitRegisterName(P.Family, Bytes, High);
  }
  case AsmOperandKind::Memory:
    if (!Mod.empty())
      Unsupported();
    if (P.RipRelative)
      return segmentPrefix(P.SegmentOverride) + Placeholder(0) +
             (P.Displacement > 0 ? "+" : "") +
             (P.Displacement ? std::to_string(P.Displacement) : "") +
             "(%rip)";
    return segmentPrefix(P.SegmentOverride) +
           (P.Displacement ? std::to_string(P.Displacement) : std::string()) +
           "(" + Placeholder(0) + ")";
  case AsmOperandKind::Const:
  case AsmOperandKind::Sym: {
    bool Bare = Mod == "c" || Mod == "P";
    if (!Mod.empty() && !Bare)
      Unsupported();
    std::string S = (Bare ? "" : "$") + Placeholder(0);
    if (P.Kind == AsmOperandKind::Sym && P.SymOffset)
      S += (P.SymOffset > 0 ? "+" : "") + std::to_string(P.SymOffset);
    return S;
  }
  case AsmOperandKind::Label:
    return Placeholder(0);
  case AsmOperandKind::Flag:
  case AsmOperandKind::ComparedFlag:
    reject(A.S, "asm-constraint-unsupported",
           "flag output " + A.operandName(G) + " used in the template");
  case AsmOperandKind::StackPointer:
    reject(A.S, "global-register-variable",
           "the stack pointer variable " + A.operandName(G) +
               " used in the template");
  }
  return "";
}

} // namespace h2r::frontend
