#include "ir/Passes.h"
#include "ir/Walk.h"
#include "ir/LocalFlow.h"

#include <set>

namespace h2r::ir {

namespace {

struct LocalUse {
  std::vector<unsigned> Reads;
  std::set<std::string> Paths; // item names a bare local could shadow
};

// Counts reads: every mention of a local except as the whole target of `=`.
void collectUses(const Expr &E, LocalUse &U) {
  switch (E.Kind) {
  case ExprKind::Local:
    ++U.Reads[E.Local];
    return;
  case ExprKind::Assign:
    if (E.Ops[0]->Kind == ExprKind::Local) {
      collectUses(*E.Ops[1], U);
      return;
    }
    break;
  case ExprKind::Call:
  case ExprKind::Path:
    if (E.Sym.Kind != SymbolKind::Core)
      U.Paths.insert(E.Sym.Name);
    break;
  case ExprKind::Asm:
    // An output-only local is written, not read.
    for (size_t I = 0; I < E.Ops.size(); ++I) {
      bool OutputOnly = false;
      for (const AsmOperand &Op : E.AsmOps)
        OutputOnly |= Op.Out == static_cast<int>(I) && Op.In != Op.Out;
      if (!(OutputOnly && E.Ops[I]->Kind == ExprKind::Local))
        collectUses(*E.Ops[I], U);
    }
    return;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Unary:
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::CallPtr:
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
    break;
  }
  forEachChild(E, [&](const Expr &C) { collectUses(C, U); });
}

} // namespace

void nameLocals(Function &F) {
  std::vector<bool> Mut = localsNeedingMut(F);
  // rustc flags a parameter whose value is overwritten unread, as it does
  // an unread local; the `_` prefix says it is deliberate.
  std::vector<bool> DeadParam = parametersDeadOnEntry(F);
  LocalUse U;
  U.Reads.assign(F.Locals.size(), 0);
  collectUses(*F.Body, U);
  std::set<std::string> Taken = U.Paths;
  Taken.insert({"None", "Some", F.RustName});
  for (size_t I = 0; I < F.Locals.size(); ++I) {
    Local &L = F.Locals[I];
    if (L.Name == "_")
      continue;
    std::string Base = L.Name;
    if ((U.Reads[I] == 0 || DeadParam[I]) && Base[0] != '_')
      Base = "_" + Base;
    std::string Name = Base;
    for (unsigned N = 1; Taken.count(Name); ++N)
      Name = Base + "_" + std::to_string(N);
    Taken.insert(Name);
    L.Name = Name;
    L.Mutable = Mut[I];
  }
}

} // namespace h2r::ir
