#include "ir/LocalFlow.h"
#include "ir/ExprTraits.h"

#include <set>

namespace h2r::ir {

namespace {

enum class EventKind {
  Read,    // the local's value is used (also: borrowed, address taken)
  Write,   // the whole local is overwritten
  Mutate,  // part of it is written in place: needs a value and `mut`
  Declare, // `let x;` without a value: it holds nothing from here on
};

struct Event {
  EventKind K;
  LocalId L;
  const void *Site = nullptr; // the Assign expression or Let statement
};

struct Node {
  std::vector<Event> Events;
  std::vector<unsigned> Succ;
};

constexpr unsigned NoNode = ~0u;

// Builds the control-flow graph of one function body.
class CfgBuilder {
public:
  explicit CfgBuilder(const Function &F) : NumLocals(F.Locals.size()) {
    Exit = newNode();
    Cur = newNode();
    Entry = Cur;
    expr(*F.Body);
    edge(Cur, Exit);
  }

  std::vector<Node> Nodes;
  unsigned Entry, Exit;
  std::set<LocalId> AddressTaken;
  std::set<LocalId> MutablyBorrowed;
  size_t NumLocals;

private:
  struct Target {
    std::string Label;
    bool IsLoop;
    unsigned Break, Continue;
  };

  unsigned newNode() {
    Nodes.emplace_back();
    return static_cast<unsigned>(Nodes.size() - 1);
  }
  void edge(unsigned From, unsigned To) {
    if (From != NoNode)
      Nodes[From].Succ.push_back(To);
  }
  void event(EventKind K, LocalId L, const void *Site = nullptr) {
    if (Cur == NoNode)
      Cur = newNode(); // unreachable code: it has no predecessors
    Nodes[Cur].Events.push_back({K, L, Site});
  }
  // Continues in a fresh node reached from the current one.
  unsigned split() {
    unsigned N = newNode();
    edge(Cur, N);
    Cur = N;
    return N;
  }

  const Target &target(const std::string &Label) {
    for (auto It = Targets.rbegin(); It != Targets.rend(); ++It)
      if (Label.empty() ? It->IsLoop : It->Label == Label)
        return *It;
    return Targets.back();
  }

  static const Expr *root(const Expr &Place) {
    const Expr *P = &Place;
    while (P->Kind == ExprKind::Field)
      P = P->Ops[0].get();
    return P->Kind == ExprKind::Local ? P : nullptr;
  }

  void children(const Expr &E) {
    for (const auto &Op : E.Ops)
      if (Op)
        expr(*Op);
  }

  void block(const Expr &B) {
    for (const Stmt &S : B.Stmts) {
      if (S.K == Stmt::Kind::Static) {
        // A record's constant, stored member by member into a local of its
        // own: as if it ran here.
        if (S.Item.Init)
          expr(*S.Item.Init);
        continue;
      }
      if (S.K == Stmt::Kind::Let) {
        event(EventKind::Declare, S.Local);
        if (S.E) {
          expr(*S.E);
          event(EventKind::Write, S.Local, &S);
        }
        continue;
      }
      expr(*S.E);
    }
    if (!B.Ops.empty() && B.Ops[0])
      expr(*B.Ops[0]);
  }

  void expr(const Expr &E);

  // A store: a whole local is written, part of one mutated.
  void write(const Expr &Place, const void *Site) {
    if (Place.Kind == ExprKind::Local)
      event(EventKind::Write, Place.Local, Site);
    else if (const Expr *R = root(Place))
      event(EventKind::Mutate, R->Local);
    else
      expr(Place);
  }

  void labelledBlock(const Expr &E) {
    if (E.Label.empty()) {
      block(E);
      return;
    }
    unsigned After = newNode();
    Targets.push_back({E.Label, false, After, NoNode});
    block(E);
    Targets.pop_back();
    edge(Cur, After);
    Cur = After;
  }

  // `&local`: the local's address escapes, so every later access is one.
  bool addressOfLocal(const Expr &E) {
    const Expr *R = root(*E.Ops[0]);
    if (!R)
      return false;
    AddressTaken.insert(R->Local);
    if (E.Mutable)
      MutablyBorrowed.insert(R->Local);
    event(EventKind::Read, R->Local);
    return true;
  }

  // `&&` and `||`: the right operand may not run.
  void shortCircuit(const Expr &E) {
    expr(*E.Ops[0]);
    unsigned Fork = Cur, Join = newNode();
    split();
    expr(*E.Ops[1]);
    edge(Cur, Join);
    edge(Fork, Join);
    Cur = Join;
  }

  // `break`, `continue`, `return`: control goes to the target, not on.
  void jump(const Expr &E) {
    children(E);
    if (E.Kind == ExprKind::Return) {
      edge(Cur, Exit);
    } else {
      const Target &T = target(E.Label);
      edge(Cur, E.Kind == ExprKind::Break ? T.Break : T.Continue);
    }
    Cur = NoNode;
  }

  void ifExpr(const Expr &E) {
    expr(*E.Ops[0]);
    unsigned Fork = Cur, Join = newNode();
    split();
    expr(*E.Ops[1]);
    edge(Cur, Join);
    Cur = Fork;
    if (E.Ops.size() > 2) {
      split();
      expr(*E.Ops[2]);
    }
    edge(Cur, Join);
    Cur = Join;
  }

  void matchExpr(const Expr &E) {
    expr(*E.Ops[0]);
    unsigned Fork = Cur, Join = newNode();
    for (const MatchArm &A : E.Arms) {
      Cur = Fork;
      split();
      expr(*A.Body);
      edge(Cur, Join);
    }
    Cur = Join;
  }

  void loop(const Expr &E) {
    unsigned Head = newNode(), After = newNode();
    edge(Cur, Head);
    Cur = Head;
    if (E.Kind == ExprKind::While) {
      expr(*E.Ops[0]);
      edge(Cur, After);
      split();
    }
    Targets.push_back({E.Label, true, After, Head});
    expr(*E.Ops.back());
    Targets.pop_back();
    edge(Cur, Head);
    Cur = After;
  }

  // Inputs are read, then outputs written; an asm goto may also continue in
  // any of its label blocks.
  void asmExpr(const Expr &E) {
    for (const AsmOperand &Op : E.AsmOps)
      if (Op.In >= 0 && Op.Dir != AsmDir::Label)
        expr(*E.Ops[Op.In]);
    for (const AsmOperand &Op : E.AsmOps) {
      if (Op.Out < 0)
        continue;
      write(*E.Ops[Op.Out], &E);
    }
    unsigned Fork = Cur, Join = newNode();
    for (const AsmOperand &Op : E.AsmOps) {
      if (Op.Dir != AsmDir::Label)
        continue;
      Cur = Fork;
      split();
      expr(*E.Ops[Op.In]);
      edge(Cur, Join);
    }
    Cur = Fork;
    edge(Cur, Join);
    Cur = Join;
    if (E.Ty && E.Ty->isNever())
      Cur = NoNode;
  }

  std::vector<Target> Targets;
  unsigned Cur;
};

void CfgBuilder::expr(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Local:
    event(EventKind::Read, E.Local);
    return;
  case ExprKind::Assign:
    expr(*E.Ops[1]);
    write(*E.Ops[0], &E);
    return;
  case ExprKind::AddrOf:
    if (addressOfLocal(E))
      return;
    break;
  case ExprKind::BitfieldSet:
    if (const Expr *R = root(*E.Ops[0])) {
      expr(*E.Ops[1]);
      event(EventKind::Mutate, R->Local);
      return;
    }
    break;
  case ExprKind::Block:
    labelledBlock(E);
    return;
  case ExprKind::If:
    ifExpr(E);
    return;
  case ExprKind::Binary:
    if (E.BOp == BinaryOp::And || E.BOp == BinaryOp::Or) {
      shortCircuit(E);
      return;
    }
    break;
  case ExprKind::Match:
    matchExpr(E);
    return;
  case ExprKind::Loop:
  case ExprKind::While:
    loop(E);
    return;
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
    jump(E);
    return;
  case ExprKind::Call:
  case ExprKind::CallPtr:
    children(E);
    if (E.Ty && E.Ty->isNever())
      Cur = NoNode;
    return;
  case ExprKind::Asm:
    asmExpr(E);
    return;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Path:
  case ExprKind::Unary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
    break;
  }
  children(E);
  for (const Stmt &S : E.Stmts)
    if (S.E)
      expr(*S.E);
}

using LocalSet = std::vector<bool>;

// Backward liveness: the locals whose current value some path still reads.
std::vector<LocalSet> liveOut(const CfgBuilder &G) {
  size_t N = G.Nodes.size();
  std::vector<LocalSet> In(N, LocalSet(G.NumLocals)), Out = In;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = N; I-- > 0;) {
      LocalSet O(G.NumLocals);
      for (unsigned S : G.Nodes[I].Succ)
        for (size_t L = 0; L < G.NumLocals; ++L)
          O[L] = O[L] || In[S][L];
      LocalSet Live = O;
      for (auto It = G.Nodes[I].Events.rbegin(); It != G.Nodes[I].Events.rend();
           ++It) {
        if (It->K == EventKind::Write || It->K == EventKind::Declare)
          Live[It->L] = false;
        else
          Live[It->L] = true;
      }
      if (O != Out[I] || Live != In[I]) {
        Out[I] = std::move(O);
        In[I] = std::move(Live);
        Changed = true;
      }
    }
  }
  return Out;
}

// Rewrites the stores listed in Dead inside E.
void rewrite(Expr &E, const std::set<const void *> &Dead, Function &F) {
  for (auto &Op : E.Ops)
    if (Op)
      rewrite(*Op, Dead, F);
  for (auto &A : E.Arms)
    rewrite(*A.Body, Dead, F);
  if (E.Kind != ExprKind::Block)
    return;
  std::vector<Stmt> Out;
  for (auto &S : E.Stmts) {
    if (S.E)
      rewrite(*S.E, Dead, F);
    bool DeadLet = S.K == Stmt::Kind::Let && Dead.count(&S);
    bool DeadAssign = S.K == Stmt::Kind::Expr &&
                      S.E->Kind == ExprKind::Assign && Dead.count(S.E.get());
    if (!DeadLet && !DeadAssign) {
      Out.push_back(std::move(S));
      continue;
    }
    ExprPtr Value = DeadLet ? std::move(S.E) : std::move(S.E->Ops[1]);
    if (!isPure(*Value)) {
      // Keep what the value's evaluation does: `let _ = value;`.
      Local Discard;
      Discard.Name = "_";
      Discard.Ty = Value->Ty;
      F.Locals.push_back(Discard);
      Out.push_back(Stmt::let(static_cast<LocalId>(F.Locals.size() - 1),
                              std::move(Value)));
    }
    if (DeadLet)
      Out.push_back(Stmt::let(S.Local, nullptr));
  }
  E.Stmts = std::move(Out);
}

} // namespace

bool eliminateDeadStores(Function &F) {
  CfgBuilder G(F);
  std::vector<LocalSet> Out = liveOut(G);
  std::set<const void *> Dead;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    LocalSet Live = Out[I];
    const auto &Events = G.Nodes[I].Events;
    for (auto It = Events.rbegin(); It != Events.rend(); ++It) {
      if (It->K == EventKind::Write) {
        bool Discarded = F.Locals[It->L].Name == "_";
        if (!Live[It->L] && !G.AddressTaken.count(It->L) && !Discarded)
          Dead.insert(It->Site);
        Live[It->L] = false;
      } else if (It->K == EventKind::Declare) {
        Live[It->L] = false;
      } else {
        Live[It->L] = true;
      }
    }
  }
  if (Dead.empty())
    return false;
  rewrite(*F.Body, Dead, F);
  return true;
}

std::vector<bool> parametersDeadOnEntry(const Function &F) {
  CfgBuilder G(F);
  std::vector<LocalSet> Out = liveOut(G);
  LocalSet Live = Out[G.Entry];
  const auto &Events = G.Nodes[G.Entry].Events;
  for (auto It = Events.rbegin(); It != Events.rend(); ++It)
    Live[It->L] = !(It->K == EventKind::Write || It->K == EventKind::Declare);
  std::vector<bool> Dead(F.Locals.size());
  for (LocalId P : F.Params)
    Dead[P] = !Live[P] && !G.AddressTaken.count(P);
  return Dead;
}

std::vector<bool> localsNeedingMut(const Function &F) {
  CfgBuilder G(F);
  size_t NL = G.NumLocals;
  std::vector<bool> Mut(NL);
  for (LocalId L : G.MutablyBorrowed)
    Mut[L] = true;
  // Forward: which locals may hold a value on entry to each node.
  std::vector<LocalSet> In(G.Nodes.size(), LocalSet(NL));
  for (LocalId P : F.Params)
    In[G.Entry][P] = true;
  std::vector<bool> Seen(G.Nodes.size());
  Seen[G.Entry] = true;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < G.Nodes.size(); ++I) {
      if (!Seen[I])
        continue;
      LocalSet Init = In[I];
      for (const Event &Ev : G.Nodes[I].Events) {
        if (Ev.K == EventKind::Declare)
          Init[Ev.L] = false;
        else if (Ev.K == EventKind::Write || Ev.K == EventKind::Mutate)
          Init[Ev.L] = true;
      }
      for (unsigned S : G.Nodes[I].Succ) {
        bool Grew = !Seen[S];
        Seen[S] = true;
        for (size_t L = 0; L < NL; ++L)
          if (Init[L] && !In[S][L]) {
            In[S][L] = true;
            Grew = true;
          }
        Changed |= Grew;
      }
    }
  }
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    LocalSet Init = In[I];
    for (const Event &Ev : G.Nodes[I].Events) {
      switch (Ev.K) {
      case EventKind::Declare:
        Init[Ev.L] = false;
        break;
      case EventKind::Write:
        if (Init[Ev.L])
          Mut[Ev.L] = true;
        Init[Ev.L] = true;
        break;
      case EventKind::Mutate:
        Mut[Ev.L] = true;
        break;
      case EventKind::Read:
        break;
      }
    }
  }
  return Mut;
}

} // namespace h2r::ir
