#include "ir/Passes.h"
#include "ir/Walk.h"

#include <set>

namespace h2r::ir {

namespace {

void collectTargets(const Expr &E, std::set<std::string> &Targets) {
  if ((E.Kind == ExprKind::Break || E.Kind == ExprKind::Continue) &&
      !E.Label.empty())
    Targets.insert(E.Label);
  forEachChild(E, [&](const Expr &C) { collectTargets(C, Targets); });
}

bool dropUnusedLabels(Expr &E, const std::set<std::string> &Targets) {
  bool Changed = false;
  if (!E.Label.empty() && E.Kind != ExprKind::Break &&
      E.Kind != ExprKind::Continue && !Targets.count(E.Label)) {
    E.Label.clear();
    Changed = true;
  }
  forEachChild(E, [&](ExprPtr &C) { Changed |= dropUnusedLabels(*C, Targets); });
  return Changed;
}

// Scope is the chain of enclosing loops and labelled blocks, innermost last.
bool unlabelJumps(Expr &E, std::vector<const Expr *> &Scope) {
  bool Changed = false;
  if ((E.Kind == ExprKind::Break || E.Kind == ExprKind::Continue) &&
      !E.Label.empty() && !Scope.empty()) {
    const Expr *Inner = Scope.back();
    // Rust forbids an unlabelled jump out of a labelled block.
    if (isLoop(*Inner) && Inner->Label == E.Label) {
      E.Label.clear();
      Changed = true;
    }
  }
  // An asm! label block keeps explicit labels: it is not the loop's body.
  bool Pushes = isLoop(E) || E.Kind == ExprKind::Asm ||
                (E.Kind == ExprKind::Block && !E.Label.empty());
  if (Pushes)
    Scope.push_back(&E);
  forEachChild(E, [&](ExprPtr &C) { Changed |= unlabelJumps(*C, Scope); });
  if (Pushes)
    Scope.pop_back();
  return Changed;
}

} // namespace

void simplifyLabels(Function &F) {
  for (bool Changed = true; Changed;) {
    std::set<std::string> Targets;
    collectTargets(*F.Body, Targets);
    Changed = dropUnusedLabels(*F.Body, Targets);
    std::vector<const Expr *> Scope;
    Changed |= unlabelJumps(*F.Body, Scope);
  }
}

} // namespace h2r::ir
