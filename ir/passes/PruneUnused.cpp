#include "ir/Passes.h"
#include "ir/Walk.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

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

void collectInlineCalls(const Expr &E, std::vector<std::string> &Out) {
  if ((E.Kind == ExprKind::Call || E.Kind == ExprKind::Path) &&
      E.Sym.Kind == SymbolKind::InlineFn)
    Out.push_back(E.Sym.Name);
  for (const AsmOperand &Op : E.AsmOps)
    if (Op.Sym.Kind == SymbolKind::InlineFn)
      Out.push_back(Op.Sym.Name);
  forEachChild(E, [&](const Expr &C) { collectInlineCalls(C, Out); });
}

// Inline functions no helper reaches once the passes have run (a constant
// condition's dead branch was their only caller).
void pruneUnreachableInlines(Module &M) {
  std::map<std::string, const Function *> Inlines;
  std::vector<const Function *> Work;
  for (const Function &F : M.Functions)
    if (F.FnRole == Function::Role::Inline)
      Inlines[F.RustName] = &F;
    else
      Work.push_back(&F);
  std::set<std::string> Reached;
  while (!Work.empty()) {
    const Function *F = Work.back();
    Work.pop_back();
    std::vector<std::string> Calls;
    collectInlineCalls(*F->Body, Calls);
    for (const std::string &Name : Calls) {
      auto It = Inlines.find(Name);
      if (It != Inlines.end() && Reached.insert(Name).second)
        Work.push_back(It->second);
    }
  }
  M.Functions.erase(std::remove_if(M.Functions.begin(), M.Functions.end(),
                                   [&](const Function &F) {
                                     return F.FnRole == Function::Role::Inline &&
                                            !Reached.count(F.RustName);
                                   }),
                    M.Functions.end());
}

} // namespace

void pruneUnused(Module &M) {
  pruneUnreachableInlines(M);
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
