// Most helpers only forward to the static inline they wrap:
// `fn atomic_read(v) { inlines::atomic_read(v) }`. When that inline has the
// helper's signature and nothing else calls it, the helper can be the
// inline itself, as a person translating it would write.
#include "ir/Passes.h"
#include "ir/Walk.h"

#include <map>

namespace h2r::ir {

namespace {

// The call a helper's body only forwards to, with its own parameters.
const Expr *forwardedCall(const Function &H) {
  const Expr &B = *H.Body;
  const Expr *Value = nullptr;
  if (B.Stmts.empty() && B.Ops.size() == 1 && B.Ops[0])
    Value = B.Ops[0].get();
  else if (B.Stmts.size() == 1 && (B.Ops.empty() || !B.Ops[0]) &&
           B.Stmts[0].K == Stmt::Kind::Expr)
    Value = B.Stmts[0].E.get();
  if (Value && Value->Kind == ExprKind::Return && Value->Ops.size() == 1)
    Value = Value->Ops[0].get();
  if (!Value || Value->Kind != ExprKind::Call ||
      Value->Sym.Kind != SymbolKind::InlineFn ||
      Value->Ops.size() != H.Params.size())
    return nullptr;
  for (size_t I = 0; I < H.Params.size(); ++I)
    if (Value->Ops[I]->Kind != ExprKind::Local ||
        Value->Ops[I]->Local != H.Params[I])
      return nullptr;
  return Value;
}

bool sameSignature(const Function &H, const Function &F) {
  if (H.Params.size() != F.Params.size() || !sameType(H.Ret, F.Ret))
    return false;
  for (size_t I = 0; I < H.Params.size(); ++I)
    if (!sameType(H.Locals[H.Params[I]].Ty, F.Locals[F.Params[I]].Ty))
      return false;
  return true;
}

void countInlineUses(const Expr &E, std::map<std::string, unsigned> &Uses) {
  if ((E.Kind == ExprKind::Call || E.Kind == ExprKind::Path) &&
      E.Sym.Kind == SymbolKind::InlineFn)
    ++Uses[E.Sym.Name];
  for (const AsmOperand &Op : E.AsmOps)
    if (Op.Sym.Kind == SymbolKind::InlineFn)
      ++Uses[Op.Sym.Name];
  forEachChild(E, [&](const Expr &C) { countInlineUses(C, Uses); });
}

} // namespace

void inlineThinWrappers(Module &M) {
  std::map<std::string, unsigned> Uses;
  std::map<std::string, size_t> Inlines;
  for (size_t I = 0; I < M.Functions.size(); ++I) {
    countInlineUses(*M.Functions[I].Body, Uses);
    if (M.Functions[I].FnRole == Function::Role::Inline)
      Inlines[M.Functions[I].RustName] = I;
  }
  std::vector<bool> Absorbed(M.Functions.size(), false);
  for (Function &H : M.Functions) {
    if (H.FnRole != Function::Role::Helper)
      continue;
    const Expr *Call = forwardedCall(H);
    if (!Call || Uses[Call->Sym.Name] != 1)
      continue;
    auto It = Inlines.find(Call->Sym.Name);
    if (It == Inlines.end() || !sameSignature(H, M.Functions[It->second]))
      continue;
    Function &F = M.Functions[It->second];
    H.Locals = std::move(F.Locals);
    H.Params = std::move(F.Params);
    H.Body = std::move(F.Body);
    Absorbed[It->second] = true;
  }
  std::vector<Function> Kept;
  for (size_t I = 0; I < M.Functions.size(); ++I)
    if (!Absorbed[I])
      Kept.push_back(std::move(M.Functions[I]));
  M.Functions = std::move(Kept);
}

} // namespace h2r::ir
