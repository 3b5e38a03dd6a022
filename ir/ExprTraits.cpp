//===- ir/ExprTraits.cpp - What each expression kind is -----------------===//

#include "ir/ExprTraits.h"

#include <algorithm>
#include <array>

namespace h2r::ir {

namespace {

ExprTraits literal() {
  ExprTraits T;
  T.Literal = true;
  return T;
}

ExprTraits of(bool ExprTraits::*Trait, bool ExprTraits::*Also = nullptr) {
  ExprTraits T;
  T.*Trait = true;
  if (Also)
    T.*Also = true;
  return T;
}

ExprTraits make(ExprKind K) {
  switch (K) {
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
    return literal();
  case ExprKind::Local:
  case ExprKind::Path:
    return of(&ExprTraits::NamesPlace);
  case ExprKind::Unary:
  case ExprKind::NewtypeWrap:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
    return {};
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeValue:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
    return of(&ExprTraits::OperandFirst);
  case ExprKind::BitfieldSet:
  case ExprKind::Assign:
    return of(&ExprTraits::Stores, &ExprTraits::OperandFirst);
  case ExprKind::Call:
    return of(&ExprTraits::Calls);
  case ExprKind::CallPtr:
    return of(&ExprTraits::Calls, &ExprTraits::OperandFirst);
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
    return of(&ExprTraits::Control);
  case ExprKind::VolatileRead:
    return of(&ExprTraits::Volatile);
  case ExprKind::VolatileWrite:
    return of(&ExprTraits::Volatile, &ExprTraits::Stores);
  case ExprKind::Asm:
    return of(&ExprTraits::Asm);
  }
  return {};
}

} // namespace

const ExprTraits &traits(ExprKind K) {
  static const auto Table = [] {
    constexpr size_t Kinds = static_cast<size_t>(ExprKind::Asm) + 1;
    std::array<ExprTraits, Kinds> T;
    for (size_t I = 0; I < Kinds; ++I)
      T[I] = make(static_cast<ExprKind>(I));
    return T;
  }();
  return Table[static_cast<size_t>(K)];
}

bool isPure(const Expr &E) {
  const ExprTraits &T = traits(E.Kind);
  if (T.Calls || T.Stores || T.Volatile || T.Asm || T.Control)
    return false;
  return std::all_of(E.Ops.begin(), E.Ops.end(),
                     [](const ExprPtr &Op) { return !Op || isPure(*Op); });
}

bool mayWrite(const Expr &E) {
  const ExprTraits &T = traits(E.Kind);
  if (T.Calls || T.Stores || T.Asm || T.Control ||
      (E.Kind == ExprKind::AddrOf && E.Mutable))
    return true;
  return std::any_of(E.Ops.begin(), E.Ops.end(),
                     [](const ExprPtr &Op) { return Op && mayWrite(*Op); });
}

} // namespace h2r::ir
