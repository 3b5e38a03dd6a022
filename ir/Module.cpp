#include "ir/Module.h"
#include "ir/ExprTraits.h"

namespace h2r::ir {

std::string SourceLoc::str() const {
  if (File.empty())
    return "<unknown>";
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column);
}

ExprPtr makeInt(uint64_t Value, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::IntLit, std::move(Ty));
  E->IntValue = Value;
  return E;
}

ExprPtr makeLocal(LocalId L, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Local, std::move(Ty));
  E->Local = L;
  return E;
}

ExprPtr makeUnary(UnaryOp Op, ExprPtr A, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Unary, std::move(Ty));
  E->UOp = Op;
  E->Ops.push_back(std::move(A));
  return E;
}

ExprPtr makeBinary(BinaryOp Op, ExprPtr A, ExprPtr B, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Binary, std::move(Ty));
  E->BOp = Op;
  E->Ops.push_back(std::move(A));
  E->Ops.push_back(std::move(B));
  return E;
}

ExprPtr makeMethod(std::string Name, ExprPtr Recv, std::vector<ExprPtr> Args,
                   TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Method, std::move(Ty));
  E->Name = std::move(Name);
  E->Ops.push_back(std::move(Recv));
  for (auto &A : Args)
    E->Ops.push_back(std::move(A));
  return E;
}

ExprPtr makeCast(ExprPtr A, TypeRef To) {
  if (sameType(A->Ty, To))
    return A;
  // A literal converts at translation time (the printer truncates it).
  if (A->Kind == ExprKind::IntLit && To->isInt()) {
    A->Ty = To;
    return A;
  }
  bool ToPointer = To->isPointer();
  if (ToPointer && A->Kind == ExprKind::ByteStr) {
    A->Ty = To;
    return A;
  }
  // `p as *mut A as *const B` is `p as *const B`.
  if (ToPointer && A->Kind == ExprKind::Cast && A->Ty->isPointer() &&
      A->Ops[0]->Ty->isPointer())
    return makeCast(std::move(A->Ops[0]), To);
  // `{ s; v } as T` is `{ s; v as T }`: no parentheses needed around blocks.
  if (A->Kind == ExprKind::Block && A->Label.empty() && !A->Unsafe &&
      A->Ops.size() == 1 && A->Ops[0]) {
    A->Ops[0] = makeCast(std::move(A->Ops[0]), To);
    A->Ty = To;
    return A;
  }
  if (A->Kind == ExprKind::If && A->Ops.size() == 3) {
    A->Ops[1] = makeCast(std::move(A->Ops[1]), To);
    A->Ops[2] = makeCast(std::move(A->Ops[2]), To);
    A->Ty = To;
    return A;
  }
  auto E = std::make_unique<Expr>(ExprKind::Cast, std::move(To));
  E->Ops.push_back(std::move(A));
  return E;
}

ExprPtr makeBlock(std::vector<Stmt> Stmts, ExprPtr Tail, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Block, std::move(Ty));
  E->Stmts = std::move(Stmts);
  if (Tail)
    E->Ops.push_back(std::move(Tail));
  return E;
}

ExprPtr makeAssign(ExprPtr Place, ExprPtr Value) {
  auto E = std::make_unique<Expr>(ExprKind::Assign, Type::unit());
  E->Ops.push_back(std::move(Place));
  E->Ops.push_back(std::move(Value));
  return E;
}

ExprPtr makeIf(ExprPtr Cond, ExprPtr Then, ExprPtr Else, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::If, std::move(Ty));
  E->Ops.push_back(std::move(Cond));
  E->Ops.push_back(std::move(Then));
  if (Else)
    E->Ops.push_back(std::move(Else));
  return E;
}

ExprPtr makeBreak(std::string Label, ExprPtr Value) {
  auto E = std::make_unique<Expr>(ExprKind::Break, Type::unit());
  E->Label = std::move(Label);
  if (Value)
    E->Ops.push_back(std::move(Value));
  return E;
}

ExprPtr makeContinue(std::string Label) {
  auto E = std::make_unique<Expr>(ExprKind::Continue, Type::unit());
  E->Label = std::move(Label);
  return E;
}

static Stmt cloneStmt(const Stmt &S) {
  Stmt C(S.K);
  C.Local = S.Local;
  if (S.E)
    C.E = clone(*S.E);
  C.Item.Name = S.Item.Name;
  C.Item.Ty = S.Item.Ty;
  if (S.Item.Init)
    C.Item.Init = clone(*S.Item.Init);
  return C;
}

std::map<std::string, const Function *> helpersByCName(const Module &M) {
  std::map<std::string, const Function *> Helpers;
  for (const Function &F : M.Functions)
    if (F.FnRole == Function::Role::Helper)
      Helpers[F.CName] = &F;
  return Helpers;
}

std::map<std::string, const ExternFn *> cFunctionsByName(const Module &M) {
  std::map<std::string, const ExternFn *> Fns;
  for (const std::vector<ExternFn> *List : {&M.ExternFns, &M.BindingsFns})
    for (const ExternFn &F : *List)
      Fns.emplace(F.Name, &F);
  return Fns;
}

FunctionIndex::FunctionIndex(const Module &M) {
  for (const Function &F : M.Functions)
    ByName[{F.FnRole, F.RustName}] = &F;
}

const Function *FunctionIndex::callee(const Symbol &S) const {
  if (S.Kind != SymbolKind::InlineFn && S.Kind != SymbolKind::HelperFn)
    return nullptr;
  auto It = ByName.find({S.Kind == SymbolKind::InlineFn ? Function::Role::Inline
                                                         : Function::Role::Helper,
                         S.Name});
  return It == ByName.end() ? nullptr : It->second;
}

ExprPtr clone(const Expr &E) {
  auto C = std::make_unique<Expr>(E.Kind, E.Ty);
  for (const auto &O : E.Ops)
    C->Ops.push_back(O ? clone(*O) : nullptr);
  C->UOp = E.UOp;
  C->BOp = E.BOp;
  C->Name = E.Name;
  C->Text = E.Text;
  C->Label = E.Label;
  C->IntValue = E.IntValue;
  C->Local = E.Local;
  C->Sym = E.Sym;
  C->Mutable = E.Mutable;
  C->Unsafe = E.Unsafe;
  for (const auto &S : E.Stmts)
    C->Stmts.push_back(cloneStmt(S));
  for (const auto &A : E.Arms)
    C->Arms.push_back(MatchArm{A.Patterns, clone(*A.Body)});
  C->AsmOps = E.AsmOps;
  return C;
}

bool isSimplePlace(const Expr &E) {
  if (traits(E.Kind).NamesPlace)
    return true;
  if (E.Kind == ExprKind::Field)
    return isSimplePlace(*E.Ops[0]);
  return E.Kind == ExprKind::Deref && E.Ops[0]->Kind == ExprKind::Local;
}

const char *spelling(UnaryOp Op) {
  switch (Op) {
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Not:
    return "!";
  }
  return "";
}

const char *spelling(BinaryOp Op) {
  switch (Op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::Rem:
    return "%";
  case BinaryOp::BitAnd:
    return "&";
  case BinaryOp::BitOr:
    return "|";
  case BinaryOp::BitXor:
    return "^";
  case BinaryOp::Shl:
    return "<<";
  case BinaryOp::Shr:
    return ">>";
  case BinaryOp::Eq:
    return "==";
  case BinaryOp::Ne:
    return "!=";
  case BinaryOp::Lt:
    return "<";
  case BinaryOp::Le:
    return "<=";
  case BinaryOp::Gt:
    return ">";
  case BinaryOp::Ge:
    return ">=";
  case BinaryOp::And:
    return "&&";
  case BinaryOp::Or:
    return "||";
  }
  return "";
}

bool hasCompoundAssignment(BinaryOp Op) {
  switch (Op) {
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::Rem:
  case BinaryOp::BitAnd:
  case BinaryOp::BitOr:
  case BinaryOp::BitXor:
  case BinaryOp::Shl:
  case BinaryOp::Shr:
    return true;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge:
  case BinaryOp::And:
  case BinaryOp::Or:
    return false;
  }
  return false;
}

bool isOutput(AsmDir D) {
  switch (D) {
  case AsmDir::Out:
  case AsmDir::LateOut:
  case AsmDir::InOut:
  case AsmDir::InLateOut:
    return true;
  case AsmDir::In:
  case AsmDir::Const:
  case AsmDir::Sym:
  case AsmDir::Label:
    return false;
  }
  return false;
}

bool samePlace(const Expr &A, const Expr &B) {
  if (A.Kind != B.Kind || !isSimplePlace(A) || !isSimplePlace(B))
    return false;
  switch (A.Kind) {
  case ExprKind::Local:
    return A.Local == B.Local;
  case ExprKind::Path:
    return A.Sym.Kind == B.Sym.Kind && A.Sym.Name == B.Sym.Name;
  case ExprKind::Field:
    return A.Name == B.Name && samePlace(*A.Ops[0], *B.Ops[0]);
  case ExprKind::Deref:
    return samePlace(*A.Ops[0], *B.Ops[0]);
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
  case ExprKind::AddrOf:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
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
  case ExprKind::Asm:
    return false;
  }
  return false;
}

} // namespace h2r::ir
