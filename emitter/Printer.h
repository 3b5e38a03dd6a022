//===- emitter/Printer.h - The Rust printer, shared by its files -*- C++
//-*-===//
//
// Internal to the emitter: the printer's state (where it is, how deep, the
// function it prints) and its methods, defined by what they print: types,
// paths and items (RustEmitter.cpp), expressions and blocks
// (ExprPrinter.cpp), asm! (AsmPrinter.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_PRINTER_H
#define H2R_EMITTER_PRINTER_H

#include "emitter/RustEmitter.h"

#include <ostream>
#include <set>
#include <string>

namespace h2r::emit {

// Rust operator precedence, high binds tighter.
enum Prec : int {
  PrecJump = 0, // return, break
  PrecAssign = 1,
  PrecOr = 3,
  PrecAnd = 4,
  PrecCompare = 5,
  PrecBitOr = 6,
  PrecBitXor = 7,
  PrecBitAnd = 8,
  PrecShift = 9,
  PrecAdd = 10,
  PrecMul = 11,
  PrecCast = 12,
  PrecUnary = 13,
  PrecPostfix = 14,
  PrecPrimary = 15,
};

int binaryPrec(ir::BinaryOp Op);
// Would E, printed at the start of a statement, end that statement early?
bool isBlockLike(const ir::Expr &E);
// `b"..."`: printable ASCII as is, the rest as `\xNN`.
std::string escapeByteString(const std::string &Bytes);
// A Rust string literal for an asm! template.
std::string rustStringLiteral(const std::string &Text);
inline std::string indent(unsigned N) { return std::string(N * 4, ' '); }

// Where a piece of code sits: references to sibling items differ between the
// output's top level and its `inlines` module.
enum class Scope { Top, Inlines };

class Printer {
public:
  Printer(const ir::Module &M, const EmitOptions &Opts) : M(M), Opts(Opts) {
    for (const ir::RecordDef &R : M.Records)
      if (R.FunctionLocal)
        OwnRecords.insert(R.Name);
  }

  std::string type(const ir::Type &T) const;
  std::string expr(const ir::Expr &E, int MinPrec);
  void function(const ir::Function &F, Scope S, std::ostream &OS);
  std::string pointerArgument(const ir::Expr &E);
  std::string asmOperand(const ir::Expr &E, const ir::AsmOperand &Op);
  void helperDoc(const ir::Function &F, const std::string &Pad,
                 std::ostream &OS);

private:
  std::string itemPath(const ir::Symbol &Sym) const;
  std::string bindingsItem(const std::string &Name) const;
  std::string bindingsType(const std::string &Name) const;
  std::string intLiteral(uint64_t Bits, const ir::Type &T, int &Prec) const;
  std::string exprUnparenthesised(const ir::Expr &E, int &Prec);
  std::string stringLiteral(const ir::Expr &E, int &Prec);
  std::string pathExpr(const ir::Expr &E, int &Prec);
  std::string binaryExpr(const ir::Expr &E, int &Prec);
  std::string methodExpr(const ir::Expr &E, int &Prec);
  std::string derefExpr(const ir::Expr &E, int &Prec);
  std::string addrOfExpr(const ir::Expr &E);
  std::string callExpr(const ir::Expr &E, int &Prec);
  std::string assignExpr(const ir::Expr &E, int &Prec);
  std::string ifExpr(const ir::Expr &E);
  std::string returnExpr(const ir::Expr &E, int &Prec);
  std::string block(const ir::Expr &B, unsigned Indent);
  std::string blockBody(const ir::Expr &B, unsigned Indent);
  std::string stmt(const ir::Stmt &S, unsigned Indent);
  std::string matchExpr(const ir::Expr &E);
  std::string pattern(uint64_t V, const ir::Type &T) const;
  std::string fnPtrSignature(const ir::Type &T) const;
  bool endsWithCast(const ir::Expr &E) const;
  std::string leftOperand(const ir::Expr &Op, int MinPrec);
  std::string asmExpr(const ir::Expr &E);
  std::string statementExpr(const ir::Expr &E);
  std::string volatileRead(const ir::Expr &E, bool NameType);

  const ir::Module &M;
  const EmitOptions &Opts;
  // Records the output defines whatever the type mode (function-local).
  std::set<std::string> OwnRecords;
  const ir::Function *Fn = nullptr;
  Scope Where = Scope::Top;
  unsigned Indent = 0;
  // True while the next token printed starts a statement, where a leading
  // block-like expression would end the statement early.
  bool StmtStart = false;
};

} // namespace h2r::emit

#endif
