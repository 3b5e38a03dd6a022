#include "frontend/InlineClosure.h"

#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace h2r::frontend {

using namespace clang;

namespace {

// Collects the functions a body references in evaluated code.
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  std::vector<const FunctionDecl *> Referenced;
  std::set<const FunctionDecl *> TakenAddress;

  bool VisitCallExpr(CallExpr *E) {
    if (auto *Callee = dyn_cast<DeclRefExpr>(E->getCallee()->IgnoreParenImpCasts()))
      Called.insert(Callee);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    // __attribute__((cleanup(fn))) calls fn with the variable's address.
    if (const auto *CA = V->getAttr<CleanupAttr>())
      if (const FunctionDecl *FD = CA->getFunctionDecl())
        Referenced.push_back(FD);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *FD = dyn_cast<FunctionDecl>(E->getDecl());
    if (!FD)
      return true;
    Referenced.push_back(FD);
    if (!Called.count(E))
      TakenAddress.insert(FD->getCanonicalDecl());
    return true;
  }
  // Unevaluated operands reach nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseStaticAssertDecl(StaticAssertDecl *) { return true; }
  bool TraverseGenericSelectionExpr(GenericSelectionExpr *E) {
    return E->isResultDependent() || TraverseStmt(E->getResultExpr());
  }
  bool TraverseChooseExpr(ChooseExpr *E) {
    return TraverseStmt(E->getChosenSubExpr());
  }

private:
  std::set<const DeclRefExpr *> Called;
};

} // namespace

bool InlineClosure::isInlineCandidate(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || Def->getBuiltinID())
    return false;
  return Def->isInlined() || Def->getStorageClass() == SC_Static;
}

InlineClosure::InlineClosure(const std::vector<const FunctionDecl *> &Roots) {
  for (const FunctionDecl *R : Roots)
    scan(R);
}

void InlineClosure::scan(const FunctionDecl *F) {
  if (Edges.count(F))
    return;
  std::vector<const FunctionDecl *> &Out = Edges[F];
  ReferenceCollector C;
  C.TraverseDecl(const_cast<FunctionDecl *>(F));
  std::vector<const FunctionDecl *> Callees;
  std::set<const FunctionDecl *> Seen;
  for (const FunctionDecl *Ref : C.Referenced) {
    if (!isInlineCandidate(Ref))
      continue;
    const FunctionDecl *Def = Ref->getDefinition();
    if (Def == F || !Seen.insert(Def).second)
      continue;
    Callees.push_back(Def);
  }
  for (const FunctionDecl *T : C.TakenAddress)
    AddressTaken.insert(T);
  Out = Callees;
  for (const FunctionDecl *Def : Callees) {
    if (!Edges.count(Def))
      Order.push_back(Def);
    scan(Def);
  }
}

const std::vector<const FunctionDecl *> &
InlineClosure::callees(const FunctionDecl *F) const {
  static const std::vector<const FunctionDecl *> None;
  auto It = Edges.find(F);
  return It == Edges.end() ? None : It->second;
}

} // namespace h2r::frontend
