//===- AsmTemplate.cpp - GCC asm templates to asm! ------------------------===//
//
// The template step of asm lowering: GCC's `%0`, `%k[name]`, `%c1`, `%a2`
// become Rust's `{0:e}`, `{1}`, `$`-less constants, `(%reg)` addresses, or
// the written-in name of an explicit register, by the operand's plan.
//
//===----------------------------------------------------------------------===//
#include "frontend/asm/AsmState.h"
#include "frontend/lowering/FunctionLowering.h"

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

} // namespace

void AsmLowering::asmTemplate(AsmState &A) {
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
    Text += "\n\t/* " + LC.Asm->unusedOperandText(P) + " */";
  }
  for (const AsmOperandPlan &P : A.Plans)
    if (P.Kind == AsmOperandKind::Flag)
      Text += "\n\t" + LC.Asm->flagOutputText(P);
  A.Asm->Text = Text;
}

// One `%<modifier><operand>` of the template, as the target writes it.
std::string AsmLowering::asmTemplateOperand(AsmState &A, unsigned G,
                                            char Modifier,
                                            std::set<int> &Referenced) {
  std::string Mod = Modifier ? std::string(1, Modifier) : std::string();
  const AsmOperandPlan &P = A.Plans[G];
  switch (P.Kind) {
  case AsmOperandKind::Flag:
  case AsmOperandKind::ComparedFlag:
    reject(A.S, "asm-constraint-unsupported",
           "flag output " + A.operandName(G) + " used in the template");
  case AsmOperandKind::StackPointer:
  case AsmOperandKind::StackRead:
    reject(A.S, "global-register-variable",
           "the stack pointer variable " + A.operandName(G) +
               " used in the template");
  case AsmOperandKind::Register:
  case AsmOperandKind::Explicit:
  case AsmOperandKind::Memory:
  case AsmOperandKind::Const:
  case AsmOperandKind::Sym:
  case AsmOperandKind::Label:
    break;
  }
  std::optional<std::string> Text =
      LC.Asm->operandText(P, Mod, [&](char RustModifier) {
        Referenced.insert(P.RustIndex);
        return placeholder(P.RustIndex, RustModifier);
      });
  if (!Text)
    reject(A.S, "asm-constraint-unsupported",
           "modifier '%" + Mod + "' on operand " + A.operandName(G) +
               " has no Rust form");
  return *Text;
}

} // namespace h2r::frontend
