#include "ir/Passes.h"
#include "ir/passes/Walk.h"

#include <algorithm>
#include <set>

namespace h2r::ir {

namespace {

void collectRecords(const TypeRef &T, std::set<std::string> &Out) {
  if (!T)
    return;
  switch (T->kind()) {
  case Type::Kind::Record:
    Out.insert(T->name());
    break;
  case Type::Kind::Pointer:
  case Type::Kind::Array:
    collectRecords(T->pointee(), Out);
    break;
  case Type::Kind::FnPtr:
    collectRecords(T->returnType(), Out);
    for (const auto &P : T->params())
      collectRecords(P, Out);
    break;
  case Type::Kind::Tuple:
    for (const auto &E : T->elements())
      collectRecords(E, Out);
    break;
  case Type::Kind::Unit:
  case Type::Kind::Never:
  case Type::Kind::Bool:
  case Type::Kind::Int:
  case Type::Kind::Float:
  case Type::Kind::CVoid:
  case Type::Kind::Newtype:
    break;
  }
}

void collectFromExpr(const Expr &E, std::set<std::string> &Records,
                     std::set<std::string> &Symbols) {
  collectRecords(E.Ty, Records);
  if (E.Kind == ExprKind::Call || E.Kind == ExprKind::Path)
    Symbols.insert(E.Sym.Name);
  // `sym` operands name items too.
  for (const AsmOperand &Op : E.AsmOps)
    if (!Op.Sym.Name.empty())
      Symbols.insert(Op.Sym.Name);
  for (const auto &S : E.Stmts)
    collectRecords(S.Item.Ty, Records);
  forEachChild(E, [&](const Expr &C) { collectFromExpr(C, Records, Symbols); });
}

} // namespace

void pruneUnused(Module &M) {
  std::set<std::string> Records, Symbols;
  for (const Function &F : M.Functions) {
    collectRecords(F.Ret, Records);
    for (const Local &L : F.Locals)
      collectRecords(L.Ty, Records);
    collectFromExpr(*F.Body, Records, Symbols);
  }
  auto Keep = [&](auto &Vec) {
    Vec.erase(std::remove_if(Vec.begin(), Vec.end(),
                             [&](const auto &X) { return !Symbols.count(X.Name); }),
              Vec.end());
  };
  Keep(M.ExternFns);
  Keep(M.ExternStatics);
  for (const ExternFn &F : M.ExternFns) {
    collectRecords(F.Ret, Records);
    for (const auto &P : F.Params)
      collectRecords(P, Records);
  }
  for (const ExternStatic &S : M.ExternStatics)
    collectRecords(S.Ty, Records);
  for (const FallbackDecl &D : M.Fallbacks) {
    collectRecords(D.Signature.Ret, Records);
    for (const auto &P : D.Signature.Params)
      collectRecords(P, Records);
  }
  // Records reach further records through their members.
  for (size_t Before = 0; Before != Records.size();) {
    Before = Records.size();
    for (const RecordDef &R : M.Records) {
      if (!Records.count(R.Name))
        continue;
      for (const RecordMember &Mem : R.Members)
        collectRecords(Mem.Ty, Records);
      for (const Bitfield &B : R.Bitfields)
        collectRecords(B.Ty, Records);
    }
  }
  M.Records.erase(std::remove_if(M.Records.begin(), M.Records.end(),
                                 [&](const RecordDef &R) {
                                   return !Records.count(R.Name);
                                 }),
                  M.Records.end());
}

} // namespace h2r::ir
