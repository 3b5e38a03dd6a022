//===- emitter/Spelling.h - Types, items and literals in Rust ---*- C++ -*-===//
//
// Internal to the emitter: how the output spells types, paths to items and
// to the bindings, and integer literals. A path depends on where the code
// sits (the output's top level or its `inlines` module), which the printer
// sets per function.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_SPELLING_H
#define H2R_EMITTER_SPELLING_H

#include "emitter/RustEmitter.h"

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

// Where a piece of code sits: references to sibling items differ between the
// output's top level and its `inlines` module.
enum class Scope { Top, Inlines };

class Spelling {
public:
  Spelling(const ir::Module &M, const EmitOptions &Opts);

  std::string type(const ir::Type &T) const;
  std::string fnPtrSignature(const ir::Type &T) const;
  std::string itemPath(const ir::Symbol &Sym) const;
  std::string bindingsItem(const std::string &Name) const;
  std::string bindingsType(const std::string &Name) const;
  // An integer literal of type T, and the precedence it prints at (a
  // negative one is a unary minus).
  std::string intLiteral(uint64_t Bits, const ir::Type &T, int &Prec) const;
  std::string pattern(uint64_t V, const ir::Type &T) const;
  // A literal expression: integer, bool, float, null, zeroed, unit.
  std::string literal(const ir::Expr &E, int &Prec) const;

  Scope Where = Scope::Top;

private:
  const EmitOptions &Opts;
  // Records the output defines whatever the type mode (function-local).
  std::set<std::string> OwnRecords;
};

} // namespace h2r::emit

#endif
