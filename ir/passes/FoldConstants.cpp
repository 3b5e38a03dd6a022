// Operations on constants, computed as C would: what specialising a closure
// function for the constants a call passes leaves behind
// (`if 1_i32 == 1_i32 || ..`, `0_u64.wrapping_div(64_u64)`; clippy::eq_op).
// Integers wrap in their type's width; a division by zero stays as written.
#include "ir/Passes.h"
#include "ir/Walk.h"

#include <optional>

namespace h2r::ir {

namespace {

bool isIntLit(const Expr &E) {
  return E.Kind == ExprKind::IntLit && E.Ty && E.Ty->isInt() &&
         E.Ty->bits() <= 64;
}

bool isBoolLit(const Expr &E) { return E.Kind == ExprKind::BoolLit; }

uint64_t mask(const Type &T) {
  return T.bits() == 64 ? ~uint64_t(0) : (uint64_t(1) << T.bits()) - 1;
}

// The value as a signed number of T's width.
int64_t asSigned(uint64_t V, const Type &T) {
  V &= mask(T);
  if (T.bits() < 64 && (V >> (T.bits() - 1)) & 1)
    V |= ~mask(T);
  return static_cast<int64_t>(V);
}

// IntLit keeps two's complement bits; a signed value stays sign-extended.
uint64_t normalise(uint64_t V, const Type &T) {
  return T.isSigned() ? static_cast<uint64_t>(asSigned(V, T)) : V & mask(T);
}

ExprPtr boolLit(bool V) {
  auto B = std::make_unique<Expr>(ExprKind::BoolLit, Type::boolean());
  B->IntValue = V;
  return B;
}

std::optional<bool> compare(BinaryOp Op, const Expr &L, const Expr &R) {
  const Type &T = *L.Ty;
  bool Less = T.isSigned() ? asSigned(L.IntValue, T) < asSigned(R.IntValue, T)
                           : (L.IntValue & mask(T)) < (R.IntValue & mask(T));
  bool Equal = (L.IntValue & mask(T)) == (R.IntValue & mask(T));
  switch (Op) {
  case BinaryOp::Eq:
    return Equal;
  case BinaryOp::Ne:
    return !Equal;
  case BinaryOp::Lt:
    return Less;
  case BinaryOp::Le:
    return Less || Equal;
  case BinaryOp::Gt:
    return !Less && !Equal;
  case BinaryOp::Ge:
    return !Less;
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::Rem:
  case BinaryOp::BitAnd:
  case BinaryOp::BitOr:
  case BinaryOp::BitXor:
  case BinaryOp::Shl:
  case BinaryOp::Shr:
  case BinaryOp::And:
  case BinaryOp::Or:
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<uint64_t> bitwise(BinaryOp Op, uint64_t L, uint64_t R) {
  switch (Op) {
  case BinaryOp::BitAnd:
    return L & R;
  case BinaryOp::BitOr:
    return L | R;
  case BinaryOp::BitXor:
    return L ^ R;
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::Rem:
  case BinaryOp::Shl:
  case BinaryOp::Shr:
  case BinaryOp::Eq:
  case BinaryOp::Ne:
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge:
  case BinaryOp::And:
  case BinaryOp::Or:
    return std::nullopt;
  }
  return std::nullopt;
}

// `a.wrapping_op(b)` on two constants of T.
std::optional<uint64_t> wrapping(const std::string &Name, uint64_t A,
                                 uint64_t B, const Type &T) {
  unsigned Bits = T.bits();
  if (Name == "wrapping_add")
    return A + B;
  if (Name == "wrapping_sub")
    return A - B;
  if (Name == "wrapping_mul")
    return A * B;
  if (Name == "wrapping_shl")
    return A << (B % Bits);
  if (Name == "wrapping_shr")
    return T.isSigned() ? static_cast<uint64_t>(asSigned(A, T) >> (B % Bits))
                        : (A & mask(T)) >> (B % Bits);
  if ((Name == "wrapping_div" || Name == "wrapping_rem") && (B & mask(T))) {
    bool Div = Name == "wrapping_div";
    if (!T.isSigned())
      return Div ? (A & mask(T)) / (B & mask(T)) : (A & mask(T)) % (B & mask(T));
    int64_t X = asSigned(A, T), Y = asSigned(B, T);
    if (Y == -1) // MIN / -1 wraps to MIN; any X % -1 is 0
      return Div ? uint64_t(0) - static_cast<uint64_t>(X) : 0;
    return static_cast<uint64_t>(Div ? X / Y : X % Y);
  }
  return std::nullopt;
}

// `&&`, `||`, comparisons and bitwise operators of literals.
ExprPtr foldBinary(ExprPtr E) {
  Expr &L = *E->Ops[0], &R = *E->Ops[1];
  if (E->BOp == BinaryOp::And || E->BOp == BinaryOp::Or) {
    // The left operand decides, or leaves the right one as the value.
    bool IsAnd = E->BOp == BinaryOp::And;
    if (isBoolLit(L))
      return (L.IntValue != 0) == IsAnd ? std::move(E->Ops[1])
                                        : std::move(E->Ops[0]);
    // `x && true`, `x || false`: x.
    if (isBoolLit(R) && (R.IntValue != 0) == IsAnd)
      return std::move(E->Ops[0]);
    return E;
  }
  if (isBoolLit(L) && isBoolLit(R) &&
      (E->BOp == BinaryOp::Eq || E->BOp == BinaryOp::Ne))
    return boolLit((L.IntValue == R.IntValue) == (E->BOp == BinaryOp::Eq));
  if (!isIntLit(L) || !isIntLit(R) || !L.Ty->equals(*R.Ty))
    return E;
  if (std::optional<bool> C = compare(E->BOp, L, R))
    return boolLit(*C);
  if (std::optional<uint64_t> V = bitwise(E->BOp, L.IntValue, R.IntValue))
    return makeInt(normalise(*V, *E->Ty), E->Ty);
  return E;
}

// Wrapping arithmetic of literals.
ExprPtr foldMethod(ExprPtr E) {
  if (E->Ops.empty() || !isIntLit(*E->Ops[0]) || !E->Ty ||
      !E->Ty->equals(*E->Ops[0]->Ty))
    return E;
  const Type &T = *E->Ty;
  if (E->Name == "wrapping_neg" && E->Ops.size() == 1)
    return makeInt(normalise(uint64_t(0) - E->Ops[0]->IntValue, T), E->Ty);
  if (E->Ops.size() != 2 || !isIntLit(*E->Ops[1]))
    return E;
  if (std::optional<uint64_t> V =
          wrapping(E->Name, E->Ops[0]->IntValue, E->Ops[1]->IntValue, T))
    return makeInt(normalise(*V, T), E->Ty);
  return E;
}

ExprPtr fold(ExprPtr E) {
  switch (E->Kind) {
  case ExprKind::Unary:
    if (E->UOp == UnaryOp::Not && isBoolLit(*E->Ops[0]))
      return boolLit(!E->Ops[0]->IntValue);
    return E;
  case ExprKind::Binary:
    return foldBinary(std::move(E));
  case ExprKind::Method:
    return foldMethod(std::move(E));
  case ExprKind::If:
    // The branch a constant condition takes; the other cannot run.
    if (isBoolLit(*E->Ops[0])) {
      if (E->Ops[0]->IntValue)
        return std::move(E->Ops[1]);
      if (E->Ops.size() > 2 && E->Ops[2])
        return std::move(E->Ops[2]);
      return makeBlock({}, nullptr, Type::unit());
    }
    return E;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Path:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
  case ExprKind::Block:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
  case ExprKind::Asm:
    return E;
  }
  return E;
}

void rewrite(ExprPtr &E) {
  forEachChild(*E, [](ExprPtr &C) { rewrite(C); });
  E = fold(std::move(E));
}

} // namespace

void foldConstants(Function &F) { rewrite(F.Body); }

} // namespace h2r::ir
