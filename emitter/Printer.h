//===- emitter/Printer.h - The printer, shared by its files -----*- C++ -*-===//
//
// Internal to the emitter: the printer's state (how deep, the function it
// prints) and its methods, defined by what they print: functions
// (RustEmitter.cpp), expressions and blocks (ExprPrinter.cpp), asm!
// (AsmPrinter.cpp). Types, paths and literals are Spelling's.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_PRINTER_H
#define H2R_EMITTER_PRINTER_H

#include "emitter/RustEmitter.h"
#include "emitter/Spelling.h"

#include <ostream>
#include <set>
#include <string>

namespace h2r::emit {

int binaryPrec(ir::BinaryOp Op);
// Would E, printed at the start of a statement, end that statement early?
bool isBlockLike(const ir::Expr &E);
// `b"..."`: printable ASCII as is, the rest as `\xNN`.
std::string escapeByteString(const std::string &Bytes);
// A Rust string literal for an asm! template.
std::string rustStringLiteral(const std::string &Text);
inline std::string indent(unsigned N) { return std::string(N * 4, ' '); }

class Printer {
public:
  Printer(const ir::Module &M, const EmitOptions &Opts)
      : Opts(Opts), Spell(M, Opts) {}

  std::string type(const ir::Type &T) const { return Spell.type(T); }
  std::string expr(const ir::Expr &E, int MinPrec);
  void function(const ir::Function &F, Scope S, std::ostream &OS);
  std::string pointerArgument(const ir::Expr &E);
  std::string asmOperand(const ir::Expr &E, const ir::AsmOperand &Op);

private:
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
  std::string loopExpr(const ir::Expr &E);
  std::string returnExpr(const ir::Expr &E, int &Prec);
  std::string block(const ir::Expr &B, unsigned Indent);
  std::string blockBody(const ir::Expr &B, unsigned Indent);
  std::string stmt(const ir::Stmt &S, unsigned Indent);
  std::string matchExpr(const ir::Expr &E);
  std::string leftOperand(const ir::Expr &Op, int MinPrec);
  std::string asmExpr(const ir::Expr &E);
  std::string statementExpr(const ir::Expr &E);
  std::string volatileRead(const ir::Expr &E, bool NameType);

  const EmitOptions &Opts;
  Spelling Spell;
  const ir::Function *Fn = nullptr;
  unsigned Indent = 0;
  // True while the next token printed starts a statement, where a leading
  // block-like expression would end the statement early.
  bool StmtStart = false;
};

} // namespace h2r::emit

#endif
