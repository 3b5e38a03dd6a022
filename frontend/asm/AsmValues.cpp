//===- AsmValues.cpp - C values as asm! operands --------------------------===//

#include "frontend/asm/AsmValues.h"
#include "frontend/lowering/PlaceLowering.h"

#include "clang/AST/Expr.h"

namespace h2r::frontend {

using namespace clang;
using ir::Type;

bool isAsmValueType(const ir::TypeRef &T) {
  return T->isInt() || T->isPointer() || T->kind() == Type::Kind::Float ||
         T->isBool() || T->kind() == Type::Kind::FnPtr;
}

ir::TypeRef asmType(const ir::TypeRef &T) {
  if (T->isBool())
    return Type::integer(8, false);
  if (T->kind() == Type::Kind::FnPtr)
    return Type::integer(64, false, true);
  return T;
}

unsigned byteSize(const ir::TypeRef &T) {
  if (T->isInt() || T->kind() == Type::Kind::Float)
    return T->bits() / 8;
  if (T->isBool())
    return 1;
  return 8;
}

bool readsStackPointerVariable(const clang::Expr *E, const AsmTarget &Target) {
  const auto *Deref = dyn_cast<UnaryOperator>(E->IgnoreParens());
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return false;
  std::optional<std::string> Reg =
      globalRegisterVariable(Deref->getSubExpr()->IgnoreParenCasts());
  return Reg && Target.isStackPointerRegister(*Reg);
}

} // namespace h2r::frontend
