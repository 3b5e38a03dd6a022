//===- ShimLowering.cpp - Semantically equivalent forms -------------------===//
//
// A shim replaces a call Rust cannot express at the requested --rust-version
// with a form C itself uses for the same meaning, and the report says so
// (status `shimmed`, the shim's name). Each shim is a row of
// docs/constructs.md ("Shims") with its argument of equivalence and its
// cost; --no-shims turns them all off, and the call is lowered (and
// rejected) as usual.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

namespace {

const FieldDecl *fieldNamed(const RecordDecl *RD, StringRef Name) {
  if (!RD || !RD->getDefinition())
    return nullptr;
  for (const FieldDecl *F : RD->getDefinition()->fields())
    if (F->getName() == Name)
      return F;
  return nullptr;
}

// x86's static branch: an asm goto whose `"i"(key)` is constant only once
// C has inlined the call site.
bool isStaticBranch(const FunctionDecl *FD) {
  StringRef Name = FD->getName();
  return (Name == "arch_static_branch" || Name == "arch_static_branch_jump") &&
         FD->getNumParams() == 2;
}

} // namespace

ExprPtr ShimLowering::shimCall(const CallExpr *E, const FunctionDecl *Callee) {
  if (!LC.Shims || !Callee)
    return nullptr;
  if (isStaticBranch(Callee))
    return staticKeyTest(E);
  return nullptr;
}

// `arch_static_branch{,_jump}(key, branch)` is true when the key's state
// differs from `branch` (jump_label.h's static_branch_likely/unlikely pick
// the polarity). Without jump labels jump_label.h tests the key itself:
// `static_key_count(key) > 0`, runtime-shims/static_key.rs's
// h2r_static_key_enabled on the key's `enabled.counter`. Null if the key
// is not shaped that way.
ExprPtr ShimLowering::staticKeyTest(const CallExpr *E) {
  const clang::Expr *KeyArg = E->getArg(0);
  QualType KeyTy = KeyArg->getType()->getPointeeType();
  const FieldDecl *Enabled = fieldNamed(KeyTy->getAsRecordDecl(), "enabled");
  if (!Enabled)
    return nullptr;
  const FieldDecl *Counter =
      fieldNamed(Enabled->getType()->getAsRecordDecl(), "counter");
  if (!Counter || !Counter->getType()->isIntegerType())
    return nullptr;
  TypeRef CountTy = type(Counter->getType(), E);
  if (!CountTy->isInt() || CountTy->bits() != 32 || !CountTy->isSigned())
    return nullptr; // the shim reads atomic_t's `int`

  // `&k->key` names the key's place itself.
  ExprPtr KeyPtr = Exprs.rvalue(KeyArg);
  ExprPtr Key = KeyPtr->Kind == ExprKind::AddrOf
                    ? std::move(KeyPtr->Ops[0])
                    : wrap(ExprKind::Deref, std::move(KeyPtr), type(KeyTy, E));
  auto EnabledPlace =
      wrap(ExprKind::Field, std::move(Key), type(Enabled->getType(), E));
  EnabledPlace->Name = LC.Types.fieldName(Enabled);
  auto CounterPlace = wrap(ExprKind::Field, std::move(EnabledPlace), CountTy);
  CounterPlace->Name = LC.Types.fieldName(Counter);
  auto Call = makeExpr(ExprKind::Call, Type::boolean());
  Call->Sym = {ir::SymbolKind::ShimFn, "h2r_static_key_enabled"};
  Call->Ops.push_back(wrap(ExprKind::AddrOf, std::move(CounterPlace),
                           Type::pointer(CountTy, /*Const=*/true)));
  ExprPtr On = std::move(Call);

  const clang::Expr *BranchArg = E->getArg(1);
  bool Branch = false;
  ExprPtr Result;
  if (BranchArg->EvaluateAsBooleanCondition(Branch, Ctx))
    Result = Branch ? ir::makeUnary(ir::UnaryOp::Not, std::move(On),
                                    Type::boolean())
                    : std::move(On);
  else
    Result =
        ir::makeBinary(ir::BinaryOp::Ne, std::move(On),
                       Exprs.coerce(Exprs.rvalue(BranchArg), Type::boolean()),
                       Type::boolean());
  Scope.Shims.push_back({"static-key-test",
                         "static branch on a key known only at the call site: "
                         "the key test jump_label.h uses without jump labels "
                         "(static_key_count(key) > 0)",
                         E->getBeginLoc()});
  return Exprs.coerce(std::move(Result), type(E->getType(), E));
}

} // namespace h2r::frontend
