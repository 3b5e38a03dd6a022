#include "ir/Passes.h"
#include "ir/LocalFlow.h"

#include <algorithm>
#include <functional>
#include <set>

namespace h2r::ir {

namespace {

// Calls F on every direct sub-expression of E.
void forEachChild(Expr &E, const std::function<void(ExprPtr &)> &F) {
  for (auto &Op : E.Ops)
    if (Op)
      F(Op);
  for (auto &S : E.Stmts) {
    if (S.E)
      F(S.E);
    if (S.Item.Init)
      F(S.Item.Init);
  }
  for (auto &A : E.Arms)
    F(A.Body);
}

void forEachChild(const Expr &E, const std::function<void(const Expr &)> &F) {
  forEachChild(const_cast<Expr &>(E),
               [&](ExprPtr &C) { F(static_cast<const Expr &>(*C)); });
}

bool isLoop(const Expr &E) {
  return E.Kind == ExprKind::Loop || E.Kind == ExprKind::While;
}

// Does a break inside Body leave the construct labelled Label? Unlabelled
// breaks count only for a loop (IsLoop) and only outside nested loops.
bool breaksTo(const Expr &Body, const std::string &Label, bool IsLoop,
              bool InNestedLoop = false) {
  if (Body.Kind == ExprKind::Break) {
    if (!Body.Label.empty() ? Body.Label == Label : IsLoop && !InNestedLoop)
      return true;
  }
  bool Found = false;
  bool Nested = InNestedLoop || isLoop(Body);
  forEachChild(Body, [&](const Expr &C) {
    Found = Found || breaksTo(C, Label, IsLoop, Nested);
  });
  return Found;
}

} // namespace

bool diverges(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Return:
  case ExprKind::Break:
  case ExprKind::Continue:
    return true;
  case ExprKind::Block: {
    bool D = false;
    for (const auto &S : E.Stmts)
      if (S.E && S.K != Stmt::Kind::Static && diverges(*S.E))
        D = true;
    if (!E.Ops.empty() && E.Ops[0] && diverges(*E.Ops[0]))
      D = true;
    if (D && !E.Label.empty())
      D = !breaksTo(E, E.Label, false);
    return D;
  }
  case ExprKind::If:
    return diverges(*E.Ops[0]) ||
           (E.Ops.size() > 2 && diverges(*E.Ops[1]) && diverges(*E.Ops[2]));
  case ExprKind::Match: {
    if (diverges(*E.Ops[0]))
      return true;
    if (E.Arms.empty())
      return false;
    for (const auto &A : E.Arms)
      if (!diverges(*A.Body))
        return false;
    return true;
  }
  case ExprKind::Loop:
    return !breaksTo(*E.Ops[0], E.Label, true);
  case ExprKind::While:
    return diverges(*E.Ops[0]);
  case ExprKind::Asm:
    // Its label blocks run only if the asm jumps there; a `noreturn` asm
    // (__builtin_trap) diverges.
    return E.Ty && E.Ty->isNever();
  case ExprKind::Binary:
    if (E.Op == "&&" || E.Op == "||")
      return diverges(*E.Ops[0]);
    break;
  case ExprKind::Call:
  case ExprKind::CallPtr:
    if (E.Ty && E.Ty->isNever())
      return true;
    break;
  default:
    break;
  }
  for (const auto &Op : E.Ops)
    if (Op && diverges(*Op))
      return true;
  return false;
}

// ---- flattenBlocks ---------------------------------------------------------

static bool isPlainStatementBlock(const Stmt &S) {
  return S.K == Stmt::Kind::Expr && S.E->Kind == ExprKind::Block &&
         S.E->Label.empty() && !S.E->Unsafe &&
         (S.E->Ops.empty() || !S.E->Ops[0]);
}

static void flatten(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { flatten(*C); });
  if (E.Kind != ExprKind::Block)
    return;
  // `'l: { ..; break 'l; }` ends there anyway.
  if (!E.Label.empty() && !E.Stmts.empty() && E.Ops.empty()) {
    const Stmt &Last = E.Stmts.back();
    if (Last.K == Stmt::Kind::Expr && Last.E->Kind == ExprKind::Break &&
        Last.E->Label == E.Label && Last.E->Ops.empty())
      E.Stmts.pop_back();
  }
  std::vector<Stmt> Out;
  for (auto &S : E.Stmts) {
    if (isPlainStatementBlock(S)) {
      for (auto &Inner : S.E->Stmts)
        Out.push_back(std::move(Inner));
      continue;
    }
    Out.push_back(std::move(S));
  }
  E.Stmts = std::move(Out);
  // A block whose only content is a plain block: keep the inner content.
  if (E.Stmts.empty() && !E.Ops.empty() && E.Ops[0] &&
      E.Ops[0]->Kind == ExprKind::Block && E.Ops[0]->Label.empty() &&
      !E.Ops[0]->Unsafe) {
    ExprPtr Inner = std::move(E.Ops[0]);
    E.Stmts = std::move(Inner->Stmts);
    E.Ops = std::move(Inner->Ops);
  }
}

void flattenBlocks(Function &F) { flatten(*F.Body); }

// ---- simplifyLabels --------------------------------------------------------

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

// ---- trimUnreachable -------------------------------------------------------

static void trim(Expr &E) {
  forEachChild(E, [](ExprPtr &C) { trim(*C); });
  if (E.Kind != ExprKind::Block)
    return;
  for (size_t I = 0; I < E.Stmts.size(); ++I) {
    const Stmt &S = E.Stmts[I];
    if (S.K == Stmt::Kind::Static || !S.E || !diverges(*S.E))
      continue;
    E.Stmts.erase(E.Stmts.begin() + I + 1, E.Stmts.end());
    E.Ops.clear();
    return;
  }
}

void trimUnreachable(Function &F) { trim(*F.Body); }

// ---- finishBody ------------------------------------------------------------

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
  default:
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

} // namespace

void finishBody(Function &F, const PassOptions &Opts) {
  Expr &B = *F.Body;
  if (B.Ops.empty() && !B.Stmts.empty()) {
    Stmt &Last = B.Stmts.back();
    if (Last.K == Stmt::Kind::Expr && Last.E->Kind == ExprKind::Return) {
      ExprPtr Ret = std::move(Last.E);
      B.Stmts.pop_back();
      if (!Ret->Ops.empty())
        B.Ops.push_back(std::move(Ret->Ops[0]));
    }
  }
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

// ---- nameLocals ------------------------------------------------------------

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
  default:
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

void runFunctionPasses(Module &M, const PassOptions &Opts) {
  for (Function &F : M.Functions) {
    flattenBlocks(F);
    simplifyLabels(F);
    trimUnreachable(F);
    // Trimming can leave labels nothing targets any more.
    simplifyLabels(F);
    flattenBlocks(F);
    finishBody(F, Opts);
    eliminateDeadStores(F);
    nameLocals(F);
  }
}

// ---- pruneUnused -----------------------------------------------------------

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
  default:
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
