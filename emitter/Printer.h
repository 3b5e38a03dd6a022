//===- emitter/Printer.h - The Rust printer, shared by its files -*- C++ -*-===//
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

using namespace ir;

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

int binaryPrec(BinaryOp Op);
// Would E, printed at the start of a statement, end that statement early?
bool isBlockLike(const Expr &E);
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
  Printer(const Module &M, const EmitOptions &Opts) : M(M), Opts(Opts) {
    for (const RecordDef &R : M.Records)
      if (R.FunctionLocal)
        OwnRecords.insert(R.Name);
  }

  std::string type(const Type &T) const;
  std::string expr(const Expr &E, int MinPrec);
  void function(const Function &F, Scope S, std::ostream &OS);
  std::string pointerArgument(const Expr &E);
  std::string asmOperand(const Expr &E, const AsmOperand &Op);
  void helperDoc(const Function &F, const std::string &Pad, std::ostream &OS);

private:
  std::string itemPath(const Symbol &Sym) const;
  std::string bindingsItem(const std::string &Name) const;
  std::string bindingsType(const std::string &Name) const;
  std::string intLiteral(uint64_t Bits, const Type &T, int &Prec) const;
  std::string exprUnparenthesised(const Expr &E, int &Prec);
  std::string stringLiteral(const Expr &E, int &Prec);
  std::string pathExpr(const Expr &E, int &Prec);
  std::string binaryExpr(const Expr &E, int &Prec);
  std::string methodExpr(const Expr &E, int &Prec);
  std::string derefExpr(const Expr &E, int &Prec);
  std::string addrOfExpr(const Expr &E);
  std::string callExpr(const Expr &E, int &Prec);
  std::string assignExpr(const Expr &E, int &Prec);
  std::string ifExpr(const Expr &E);
  std::string returnExpr(const Expr &E, int &Prec);
  std::string block(const Expr &B, unsigned Indent);
  std::string blockBody(const Expr &B, unsigned Indent);
  std::string stmt(const Stmt &S, unsigned Indent);
  std::string matchExpr(const Expr &E);
  std::string pattern(uint64_t V, const Type &T) const;
  std::string fnPtrSignature(const Type &T) const;
  bool endsWithCast(const Expr &E) const;
  std::string leftOperand(const Expr &Op, int MinPrec);
  std::string asmExpr(const Expr &E);
  std::string statementExpr(const Expr &E);
  std::string volatileRead(const Expr &E, bool NameType);

  const Module &M;
  const EmitOptions &Opts;
  // Records the output defines whatever the type mode (function-local).
  std::set<std::string> OwnRecords;
  const Function *Fn = nullptr;
  Scope Where = Scope::Top;
  unsigned Indent = 0;
  // True while the next token printed starts a statement, where a leading
  // block-like expression would end the statement early.
  bool StmtStart = false;
};

} // namespace h2r::emit

#endif
