//===- IRBuilders.h - Small IR constructors for lowering --------*- C++ -*-===//
//
// Shorthands the lowering files share; the general constructors live in
// ir/Module.h.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_IRBUILDERS_H
#define H2R_FRONTEND_LOWERING_IRBUILDERS_H

#include "ir/Module.h"

#include "clang/AST/Stmt.h"

#include <string>
#include <vector>

namespace h2r::frontend {

inline ir::TypeRef isizeType() { return ir::Type::integer(64, true, true); }
inline ir::TypeRef usizeType() { return ir::Type::integer(64, false, true); }
inline ir::TypeRef u32Type() { return ir::Type::integer(32, false); }

// Sign-extends the low Bits of V (an integer literal's two's complement).
inline int64_t signedValue(uint64_t V, unsigned Bits) {
  if (Bits >= 64)
    return static_cast<int64_t>(V);
  uint64_t Sign = uint64_t(1) << (Bits - 1);
  V &= (Sign << 1) - 1;
  return static_cast<int64_t>(V ^ Sign) - static_cast<int64_t>(Sign);
}

inline ir::ExprPtr makeExpr(ir::ExprKind K, ir::TypeRef Ty) {
  return std::make_unique<ir::Expr>(K, std::move(Ty));
}

// A node of kind K over one operand.
inline ir::ExprPtr wrap(ir::ExprKind K, ir::ExprPtr A, ir::TypeRef Ty) {
  auto E = makeExpr(K, std::move(Ty));
  E->Ops.push_back(std::move(A));
  return E;
}

// `Recv.Name(Arg?)`.
// `{ Pre; Tail }`, or just Tail.
inline ir::ExprPtr withStmts(std::vector<ir::Stmt> Pre, ir::ExprPtr Tail) {
  if (Pre.empty())
    return Tail;
  ir::TypeRef Ty = Tail->Ty;
  return ir::makeBlock(std::move(Pre), std::move(Tail), Ty);
}

inline bool isFnPtr(const ir::TypeRef &T) {
  return T->kind() == ir::Type::Kind::FnPtr;
}

// bindgen's newtype enums hold their integer in `.0`.
inline ir::ExprPtr newtypeValue(ir::ExprPtr V) {
  ir::TypeRef Repr = V->Ty->repr();
  return wrap(ir::ExprKind::NewtypeValue, std::move(V), Repr);
}

inline ir::ExprPtr newtypeWrap(ir::ExprPtr V, const ir::TypeRef &Newtype) {
  if (!sameType(V->Ty, Newtype->repr()))
    V = ir::makeCast(std::move(V), Newtype->repr());
  return wrap(ir::ExprKind::NewtypeWrap, std::move(V), Newtype);
}

// Calls F on S and on every statement below it.
template <typename Fn> void forEachSubStmt(const clang::Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const clang::Stmt *Child : S->children())
    forEachSubStmt(Child, F);
}

// A compound literal is lowered to a value, which has no address; neither
// do its members.
inline bool hasAddress(const ir::Expr &Place) {
  const ir::Expr *P = &Place;
  while (P->Kind == ir::ExprKind::Field)
    P = P->Ops[0].get();
  return P->Kind != ir::ExprKind::Block;
}

inline ir::ExprPtr method(const std::string &Name, ir::ExprPtr Recv,
                          ir::ExprPtr Arg, ir::TypeRef Ty) {
  std::vector<ir::ExprPtr> Args;
  if (Arg)
    Args.push_back(std::move(Arg));
  return ir::makeMethod(Name, std::move(Recv), std::move(Args), std::move(Ty));
}

// A call of a fixed path such as `core::ptr::write_bytes`.
inline ir::ExprPtr coreCall(const std::string &Path, ir::TypeRef Ty,
                            std::vector<ir::ExprPtr> Args) {
  auto C = makeExpr(ir::ExprKind::Call, std::move(Ty));
  C->Sym = {ir::SymbolKind::Core, Path};
  for (auto &A : Args)
    C->Ops.push_back(std::move(A));
  return C;
}

// A fixed path used as a value, such as an `Ordering`.
inline ir::ExprPtr corePath(const std::string &Path) {
  auto E = makeExpr(ir::ExprKind::Path, nullptr);
  E->Sym = {ir::SymbolKind::Core, Path};
  return E;
}

} // namespace h2r::frontend

#endif
