#include "ir/Passes.h"
#include "ir/Walk.h"

namespace h2r::ir {

namespace {

bool isStaticPath(const Expr &E) {
  return E.Kind == ExprKind::Path && isStatic(E.Sym.Kind);
}

bool needsUnsafe(const Expr &E, const PassOptions &Opts) {
  switch (E.Kind) {
  case ExprKind::Deref:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
  case ExprKind::Transmute:
  case ExprKind::Zeroed:
  case ExprKind::Asm:
    return true;
  case ExprKind::Field:
    if (E.Unsafe)
      return true;
    break;
  case ExprKind::Path:
    // A static used as a place prints as `*addr_of_mut!(S)`.
    if (isStaticPath(E))
      return true;
    break;
  case ExprKind::AddrOf:
    if (isStaticPath(*E.Ops[0]))
      return !Opts.AddrOfStaticIsSafe;
    break;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Unary:
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Assign:
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
    break;
  }
  bool Any = false;
  forEachChild(E, [&](const Expr &C) { Any = Any || needsUnsafe(C, Opts); });
  return Any;
}

ExprPtr zeroFor(const TypeRef &T) {
  if (T->isInt())
    return makeInt(0, T);
  if (T->isBool())
    return std::make_unique<Expr>(ExprKind::BoolLit, T);
  if (T->isPointer() || T->kind() == Type::Kind::FnPtr)
    return std::make_unique<Expr>(ExprKind::NullPtr, T);
  return std::make_unique<Expr>(ExprKind::Zeroed, T);
}

// Can the `return`s ending Block become its value? A final `return v;`, or
// a final `if`-`else` or `match` all of whose branches end so.
bool endsInReturns(const Expr &Block) {
  if (!Block.Ops.empty() || Block.Stmts.empty())
    return false;
  const Stmt &Last = Block.Stmts.back();
  if (Last.K != Stmt::Kind::Expr)
    return false;
  const Expr &E = *Last.E;
  if (E.Kind == ExprKind::Return)
    return true;
  if (E.Kind == ExprKind::Match) {
    for (const MatchArm &A : E.Arms)
      if (A.Body->Kind != ExprKind::Block || !endsInReturns(*A.Body))
        return false;
    return !E.Arms.empty();
  }
  return E.Kind == ExprKind::If && E.Ops.size() == 3 &&
         endsInReturns(*E.Ops[1]) && endsInReturns(*E.Ops[2]);
}

// Turns those `return`s into the block's value (clippy::needless_return).
void returnsToTail(Expr &Block, const TypeRef &Ret) {
  ExprPtr Last = std::move(Block.Stmts.back().E);
  Block.Stmts.pop_back();
  if (Last->Kind == ExprKind::Return) {
    if (!Last->Ops.empty())
      Block.Ops.push_back(std::move(Last->Ops[0]));
    return;
  }
  if (Last->Kind == ExprKind::Match) {
    for (MatchArm &A : Last->Arms)
      returnsToTail(*A.Body, Ret);
  } else {
    returnsToTail(*Last->Ops[1], Ret);
    returnsToTail(*Last->Ops[2], Ret);
  }
  Last->Ty = Ret;
  if (!Ret->isUnit())
    Block.Ops.push_back(std::move(Last));
  else
    Block.Stmts.push_back(Stmt::expr(std::move(Last)));
}

} // namespace

void finishBody(Function &F, const PassOptions &Opts) {
  Expr &B = *F.Body;
  if (endsInReturns(B))
    returnsToTail(B, F.Ret);
  bool HasTail = !B.Ops.empty() && B.Ops[0];
  if (!HasTail && !F.Ret->isUnit() && !diverges(B)) {
    // C may fall off the end of a non-void function; the value is then
    // unspecified, and zero is as good as any.
    if (F.Ret->isNever()) {
      auto C = std::make_unique<Expr>(ExprKind::Call, Type::never());
      C->Sym = {SymbolKind::Core, "core::hint::unreachable_unchecked"};
      B.Ops.push_back(std::move(C));
    } else {
      B.Ops.push_back(zeroFor(F.Ret));
    }
  }
  if (!needsUnsafe(B, Opts))
    return;
  auto Inner = std::make_unique<Expr>(ExprKind::Block, B.Ty);
  Inner->Stmts = std::move(B.Stmts);
  Inner->Ops = std::move(B.Ops);
  Inner->Unsafe = true;
  // Statics are items and stay outside the unsafe block.
  std::vector<Stmt> Items, Rest;
  for (auto &S : Inner->Stmts)
    (S.K == Stmt::Kind::Static ? Items : Rest).push_back(std::move(S));
  Inner->Stmts = std::move(Rest);
  B.Stmts = std::move(Items);
  B.Ops.clear();
  B.Ops.push_back(std::move(Inner));
}

} // namespace h2r::ir
