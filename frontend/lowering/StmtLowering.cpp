//===- frontend/lowering/StmtLowering.cpp - C statements to the IR --------===//
//
// Structured C control flow maps onto Rust loops; switch and goto become
// sections (SectionLowering.cpp). Every C loop gets a label; a later IR pass
// drops the ones Rust does not need.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "ir/Passes.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

// ---- context ---------------------------------------------------------------

namespace {

bool startsVariadicArguments(const Stmt *S) {
  if (!S)
    return false;
  if (isa<VAArgExpr>(S))
    return true;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    switch (CE->getBuiltinCallee()) {
    case Builtin::BI__builtin_va_start:
    case Builtin::BI__builtin_ms_va_start:
    case Builtin::BI__va_start:
    case Builtin::BI__builtin_va_copy:
      return true;
    default:
      break;
    }
  for (const Stmt *Child : S->children())
    if (startsVariadicArguments(Child))
      return true;
  return false;
}

} // namespace

bool ignoresVariadicArguments(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  return FD->isVariadic() && FD->hasBody(Def) &&
         !startsVariadicArguments(Def->getBody());
}

ir::ExternFn LoweringContext::externSignature(const FunctionDecl *FD) {
  ir::ExternFn F;
  F.Name = FD->getNameAsString();
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  if (!FPT)
    throw LoweringFailure{"no-prototype",
                          "'" + F.Name + "' has no prototype", {}};
  for (QualType P : FPT->getParamTypes())
    F.Params.push_back(Types.lower(P));
  F.Variadic = FPT->isVariadic();
  F.Ret = FD->isNoReturn() ? Type::never() : Types.lower(FPT->getReturnType());
  return F;
}

// Self mode declares every C item itself; bindgen mode reaches through the
// bindings what they hold.
bool LoweringContext::inBindings(
    const std::string &Name,
    bool (BindingsInventory::*Holds)(const std::string &) const) const {
  return !SelfTypes && (!Bindings || (Bindings->*Holds)(Name));
}

static std::string symbolOf(const FunctionDecl *FD) {
  if (const auto *Label = FD->getAttr<AsmLabelAttr>())
    return Label->getLabel().str();
  return FD->getNameAsString();
}

ir::Symbol LoweringContext::calleeSymbol(const FunctionDecl *FD) {
  const FunctionDecl *Canon = FD->getCanonicalDecl();
  std::string Name = FD->getNameAsString();
  if (Inlines.count(Canon))
    return {ir::SymbolKind::InlineFn, ir::rustIdent(Name)};
  auto Helper = Helpers.find(Canon);
  if (Helper != Helpers.end())
    return {ir::SymbolKind::HelperFn, Helper->second};
  std::string Bound = boundName(FD);
  if (inBindings(Bound, &BindingsInventory::hasFunction)) {
    if (!BindingsFns.count(Bound)) {
      // Only the in-kernel suite reads it: a type the output cannot
      // spell keeps the signature out, not the call.
      try {
        ir::ExternFn F = externSignature(FD);
        F.Name = Bound;
        if (symbolOf(FD) != Bound)
          F.LinkName = symbolOf(FD);
        BindingsFns.emplace(Bound, std::move(F));
      } catch (const LoweringFailure &) {
      }
    }
    return {ir::SymbolKind::BindingsFn, Bound};
  }
  if (!ExternFns.count(Name)) {
    ExternFns[Name] = externSignature(FD);
    if (const auto *Label = FD->getAttr<AsmLabelAttr>())
      ExternFns[Name].LinkName = Label->getLabel().str();
  }
  return {ir::SymbolKind::ExternFn, Name};
}

std::string LoweringContext::boundName(const FunctionDecl *FD) {
  if (FirstNameOfSymbol.empty())
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        FirstNameOfSymbol.emplace(symbolOf(F), F->getNameAsString());
  auto It = FirstNameOfSymbol.find(symbolOf(FD));
  return It == FirstNameOfSymbol.end() ? FD->getNameAsString() : It->second;
}

ir::Symbol LoweringContext::externFunction(ir::ExternFn F) {
  std::string Name = F.Name;
  if (inBindings(Name, &BindingsInventory::hasFunction)) {
    BindingsFns.emplace(Name, std::move(F));
    return {ir::SymbolKind::BindingsFn, Name};
  }
  ExternFns.emplace(Name, std::move(F));
  return {ir::SymbolKind::ExternFn, Name};
}

ir::Symbol LoweringContext::externStatic(const VarDecl *VD, TypeRef Ty) {
  ir::ExternStatic S{VD->getNameAsString(), std::move(Ty)};
  std::string Name = S.Name;
  // Declared in function bodies only (is_zero_pfn's `extern unsigned long
  // zero_pfn;`): bindgen never sees it, so the output declares it.
  bool FileScope = llvm::any_of(VD->redecls(), [](const VarDecl *R) {
    return !R->isLocalExternDecl();
  });
  if (FileScope && inBindings(Name, &BindingsInventory::hasVar))
    return {ir::SymbolKind::BindingsStatic, Name};
  ExternStatics[Name] = std::move(S);
  return {ir::SymbolKind::ExternStatic, Name};
}

// ---- helpers ---------------------------------------------------------------

ir::Symbol FunctionLowering::functionSymbol(const FunctionDecl *Callee) {
  ir::Symbol Sym = LC.calleeSymbol(Callee);
  if (Sym.Kind == ir::SymbolKind::InlineFn)
    Reached.insert(Callee->getDefinition());
  return Sym;
}

void FunctionLowering::reject(const clang::Stmt *S, std::string Construct,
                              std::string Message) {
  throw LoweringFailure{std::move(Construct), std::move(Message),
                        S ? S->getBeginLoc() : FD->getLocation()};
}

TypeRef FunctionLowering::type(QualType T, const clang::Stmt *Where) {
  try {
    return LC.Types.lower(T);
  } catch (LoweringFailure &F) {
    if (F.Loc.isInvalid())
      F.Loc = Where ? Where->getBeginLoc() : FD->getLocation();
    throw;
  }
}

ir::LocalId FunctionLowering::addLocal(std::string Name, TypeRef Ty,
                                       bool IsParam) {
  ir::Local L;
  L.Name = std::move(Name);
  L.Ty = std::move(Ty);
  L.IsParam = IsParam;
  Fn.Locals.push_back(std::move(L));
  return static_cast<ir::LocalId>(Fn.Locals.size() - 1);
}

std::string FunctionLowering::freshLabel(const std::string &Base) {
  unsigned N = LabelCounts[Base]++;
  return N == 0 ? Base : Base + "_" + std::to_string(N);
}

ExprPtr FunctionLowering::zeroValue(const TypeRef &T) {
  switch (T->kind()) {
  case Type::Kind::Int:
    return ir::makeInt(0, T);
  case Type::Kind::Bool:
    return std::make_unique<ir::Expr>(ExprKind::BoolLit, T);
  case Type::Kind::Float: {
    auto F = std::make_unique<ir::Expr>(ExprKind::FloatLit, T);
    F->Text = "0.0";
    return F;
  }
  case Type::Kind::Pointer:
  case Type::Kind::FnPtr:
    return std::make_unique<ir::Expr>(ExprKind::NullPtr, T);
  default:
    return std::make_unique<ir::Expr>(ExprKind::Zeroed, T);
  }
}

// ---- entry point -----------------------------------------------------------

std::variant<ir::Function, LoweringFailure> FunctionLowering::run() {
  try {
    Fn.CName = FD->getNameAsString();
    Fn.Ret = FD->isNoReturn() ? Type::never()
                              : type(FD->getReturnType(), nullptr);
    if (FD->isVariadic() && !ignoresVariadicArguments(FD))
      reject(nullptr, "variadic-function",
             "variadic function definitions that read their variadic "
             "arguments have no stable Rust form");
    unsigned Index = 0;
    for (const ParmVarDecl *P : FD->parameters()) {
      if (Bound.count(P)) { // a constant of this specialisation
        ++Index;
        continue;
      }
      std::string Name = P->getName().empty() ? "arg" + std::to_string(Index)
                                              : P->getNameAsString();
      ++Index;
      ir::LocalId Id = addLocal(ir::rustIdent(Name), type(P->getType(), nullptr),
                                true);
      Locals[P] = Id;
      Fn.Params.push_back(Id);
    }
    std::vector<ir::Stmt> Body;
    const auto *CS = dyn_cast<CompoundStmt>(FD->getBody());
    if (!CS)
      reject(FD->getBody(), "unsupported-statement", "function body");
    stmt(CS, Body);
    // Statics are items: putting them first makes them visible everywhere.
    for (auto &S : Body)
      StaticItems.push_back(std::move(S));
    Fn.Body = ir::makeBlock(std::move(StaticItems), nullptr, Fn.Ret);
    return std::move(Fn);
  } catch (LoweringFailure &F) {
    if (F.Loc.isInvalid())
      F.Loc = FD->getLocation();
    return F;
  }
}

// ---- statements ------------------------------------------------------------

ExprPtr FunctionLowering::blockOf(const clang::Stmt *S) {
  std::vector<ir::Stmt> Body;
  if (S)
    stmt(S, Body);
  return ir::makeBlock(std::move(Body), nullptr, Type::unit());
}

void FunctionLowering::stmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out) {
  if (!S || isa<NullStmt>(S))
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return compound(CS, Out);
  if (const auto *E = dyn_cast<clang::Expr>(S))
    return effect(E, Out);
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        declaration(VD, Out, HoistedVars.count(VD) != 0);
    return;
  }
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    auto Ret = std::make_unique<ir::Expr>(ExprKind::Return, Type::unit());
    bool Cleanups = false;
    for (const auto &Scope : CleanupScopes)
      Cleanups |= !Scope.empty();
    if (const clang::Expr *V = RS->getRetValue()) {
      if (Fn.Ret->isUnit() || Fn.Ret->isNever()) {
        effect(V, Out);
      } else if (Cleanups) {
        // The value is computed before the cleanups run.
        ir::LocalId Tmp = addLocal("__ret", Fn.Ret);
        Out.push_back(ir::Stmt::let(Tmp, coerce(rvalue(V), Fn.Ret)));
        Ret->Ops.push_back(ir::makeLocal(Tmp, Fn.Ret));
      } else {
        Ret->Ops.push_back(coerce(rvalue(V), Fn.Ret));
      }
    }
    runCleanups(0, Out);
    Out.push_back(ir::Stmt::expr(std::move(Ret)));
    return;
  }
  if (const auto *IS = dyn_cast<IfStmt>(S)) {
    if (IS->getInit() || IS->getConditionVariable())
      reject(S, "unsupported-statement", "if with a declaration");
    // A constant condition (IS_ENABLED(), BUILD_BUG_ON()) keeps only the
    // branch C would run; the other is dead code in every build.
    // The condition is lowered first: it is a literal when Clang can fold
    // it or when our own answers (__builtin_constant_p) decide it.
    ExprPtr Cond = condition(IS->getCond());
    if (Cond->Kind == ExprKind::BoolLit) {
      if (const clang::Stmt *Branch =
              Cond->IntValue ? IS->getThen() : IS->getElse())
        Out.push_back(ir::Stmt::expr(blockOf(Branch)));
      return;
    }
    ExprPtr Then = blockOf(IS->getThen());
    ExprPtr Else = IS->getElse() ? blockOf(IS->getElse()) : nullptr;
    Out.push_back(ir::Stmt::expr(ir::makeIf(std::move(Cond), std::move(Then),
                                            std::move(Else), Type::unit())));
    return;
  }
  if (isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<ForStmt>(S))
    return loop(S, Out);
  if (isa<BreakStmt>(S)) {
    if (Jumps.empty())
      reject(S, "unsupported-statement", "break outside a loop or switch");
    runCleanups(Jumps.back().CleanupDepth, Out);
    Out.push_back(ir::Stmt::expr(ir::makeBreak(Jumps.back().BreakLabel)));
    return;
  }
  if (isa<ContinueStmt>(S)) {
    for (auto It = Jumps.rbegin(); It != Jumps.rend(); ++It) {
      if (It->ContinueLabel.empty())
        continue;
      runCleanups(It->CleanupDepth, Out);
      Out.push_back(ir::Stmt::expr(
          It->ContinueIsBreak ? ir::makeBreak(It->ContinueLabel)
                              : ir::makeContinue(It->ContinueLabel)));
      return;
    }
    reject(S, "unsupported-statement", "continue outside a loop");
  }
  if (const auto *SS = dyn_cast<SwitchStmt>(S))
    return switchStmt(SS, Out);
  if (const auto *GS = dyn_cast<GotoStmt>(S))
    return gotoStmt(GS->getLabel(), S, Out);
  if (const auto *LS = dyn_cast<LabelStmt>(S)) {
    // Labels that start a section are consumed by gotoRegion(); this one
    // sits inside another statement, which is fine only if nothing jumps
    // to it.
    if (LS->getDecl()->isUsed())
      reject(S, "goto-label-placement",
             "label '" + LS->getDecl()->getNameAsString() +
                 "' is not directly inside a block");
    return stmt(LS->getSubStmt(), Out);
  }
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return stmt(AS->getSubStmt(), Out);
  if (isa<IndirectGotoStmt>(S))
    reject(S, "computed-goto", "computed goto (goto *p)");
  if (const auto *AS = dyn_cast<GCCAsmStmt>(S))
    return asmStmt(AS, Out);
  if (isa<MSAsmStmt>(S))
    reject(S, "inline-asm", "Microsoft-style inline assembly");
  if (isa<CaseStmt>(S) || isa<DefaultStmt>(S))
    reject(S, "switch-case-nested",
           "case label nested inside another statement of its switch");
  reject(S, "unsupported-statement",
         std::string("statement '") + S->getStmtClassName() + "'");
}

void FunctionLowering::compound(const CompoundStmt *CS,
                                std::vector<ir::Stmt> &Out) {
  for (const clang::Stmt *S : CS->body())
    if (isa<LabelStmt>(S))
      return gotoRegion(CS, Out);
  // Local names are unique per function, so a nested block can be flattened
  // into its parent without changing what any name refers to.
  CleanupScopes.emplace_back();
  for (const clang::Stmt *S : CS->body())
    stmt(S, Out);
  bool FallsOff = Out.empty() || Out.back().K != ir::Stmt::Kind::Expr ||
                  !ir::diverges(*Out.back().E);
  if (FallsOff)
    runCleanups(CleanupScopes.size() - 1, Out);
  CleanupScopes.pop_back();
}

// Calls the cleanups of every scope from Depth inwards, innermost first.
void FunctionLowering::runCleanups(size_t Depth, std::vector<ir::Stmt> &Out) {
  for (size_t Scope = CleanupScopes.size(); Scope-- > Depth;)
    for (auto It = CleanupScopes[Scope].rbegin();
         It != CleanupScopes[Scope].rend(); ++It) {
      auto C = std::make_unique<ir::Expr>(ExprKind::Call, Type::unit());
      C->Sym = functionSymbol(It->Fn);
      const ir::Local &L = Fn.Locals[It->Var];
      auto Addr = std::make_unique<ir::Expr>(ExprKind::AddrOf,
                                             Type::pointer(L.Ty, false));
      Addr->Mutable = true;
      Addr->Ops.push_back(ir::makeLocal(It->Var, L.Ty));
      // C converts the address to the parameter's type (`__free(kfree)`'s
      // cleanup takes `void *`); Rust needs the cast said.
      TypeRef Param = type(It->Fn->getParamDecl(0)->getType(), nullptr);
      ExprPtr Arg = std::move(Addr);
      if (!ir::sameType(Arg->Ty, Param))
        Arg = ir::makeCast(std::move(Arg), Param);
      C->Ops.push_back(std::move(Arg));
      Out.push_back(ir::Stmt::expr(std::move(C)));
    }
}

void FunctionLowering::declaration(const VarDecl *VD,
                                   std::vector<ir::Stmt> &Out, bool Hoisted) {
  if (VD->isStaticLocal())
    return staticLocal(VD);
  if (!VD->hasLocalStorage())
    return; // a block-scope `extern` declaration
  const clang::Expr *Init = VD->getInit();
  // `int x = x;` (a GCC idiom against "maybe uninitialized") leaves x as
  // indeterminate as no initialiser does.
  if (Init)
    if (const auto *Self =
            dyn_cast<DeclRefExpr>(Init->IgnoreParenImpCasts()))
      if (Self->getDecl() == VD)
        Init = nullptr;
  if (Hoisted) {
    if (Init) {
      ir::LocalId Id = Locals[VD];
      Out.push_back(ir::Stmt::expr(ir::makeAssign(
          ir::makeLocal(Id, Fn.Locals[Id].Ty), initializer(Init, VD->getType()))));
    }
    return;
  }
  TypeRef Ty = type(VD->getType(), Init);
  ExprPtr Value = Init ? coerce(initializer(Init, VD->getType()), Ty)
                       : zeroValue(Ty);
  ir::LocalId Id = addLocal(ir::rustIdent(VD->getNameAsString()), Ty);
  Locals[VD] = Id;
  Out.push_back(ir::Stmt::let(Id, std::move(Value)));
  if (const auto *CA = VD->getAttr<CleanupAttr>()) {
    if (CleanupScopes.empty() || !Regions.empty())
      reject(Init, "cleanup-attribute",
             "cleanup variable in a block with goto labels");
    CleanupScopes.back().push_back({Id, CA->getFunctionDecl()});
  }
}

void FunctionLowering::hoistDeclarations(
    const std::vector<const clang::Stmt *> &Stmts, std::vector<ir::Stmt> &Out) {
  for (const clang::Stmt *S : Stmts) {
    const auto *DS = dyn_cast<DeclStmt>(S);
    if (!DS)
      continue;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasLocalStorage())
        continue;
      if (VD->hasAttr<CleanupAttr>())
        reject(S, "cleanup-attribute",
               "cleanup variable declared across switch or goto sections");
      TypeRef Ty = type(VD->getType(), S);
      ir::LocalId Id = addLocal(ir::rustIdent(VD->getNameAsString()), Ty);
      Locals[VD] = Id;
      HoistedVars.insert(VD);
      Out.push_back(ir::Stmt::let(Id, zeroValue(Ty)));
    }
  }
}

void FunctionLowering::loop(const clang::Stmt *S, std::vector<ir::Stmt> &Out) {
  std::string Label = freshLabel("lp");
  const clang::Expr *Cond = nullptr;
  const clang::Stmt *Body = nullptr;
  const clang::Expr *Inc = nullptr;
  bool IsDo = false;
  if (const auto *WS = dyn_cast<WhileStmt>(S)) {
    if (WS->getConditionVariable())
      reject(S, "unsupported-statement", "while with a declaration");
    Cond = WS->getCond();
    Body = WS->getBody();
  } else if (const auto *DS = dyn_cast<DoStmt>(S)) {
    Cond = DS->getCond();
    Body = DS->getBody();
    IsDo = true;
  } else {
    const auto *FS = cast<ForStmt>(S);
    if (FS->getConditionVariable())
      reject(S, "unsupported-statement", "for with a declaration");
    stmt(FS->getInit(), Out);
    Cond = FS->getCond();
    Body = FS->getBody();
    Inc = FS->getInc();
  }

  // Lowered before the body: a literal when the condition is constant (as
  // for `if`, this includes what our own builtin answers decide).
  ExprPtr CondIR = Cond ? condition(Cond) : nullptr;
  bool CondConstant = !CondIR || CondIR->Kind == ExprKind::BoolLit;
  bool CondValue = !CondIR || CondIR->IntValue;

  // `continue` must still run a do-while's test or a for's increment: it
  // leaves a labelled block around the body instead of restarting the loop.
  bool ContinueLeavesBody = IsDo || Inc;
  std::string Next = ContinueLeavesBody ? freshLabel("next") : "";
  Jumps.push_back({Label, ContinueLeavesBody ? Next : Label, ContinueLeavesBody,
                   CleanupScopes.size()});
  ExprPtr BodyBlock = blockOf(Body);
  Jumps.pop_back();

  std::vector<ir::Stmt> LoopBody;
  if (ContinueLeavesBody) {
    BodyBlock->Label = Next;
    LoopBody.push_back(ir::Stmt::expr(std::move(BodyBlock)));
  } else {
    LoopBody = std::move(BodyBlock->Stmts);
  }
  if (Inc)
    effect(Inc, LoopBody);
  if (IsDo && !(CondConstant && CondValue)) {
    if (CondConstant) {
      LoopBody.push_back(ir::Stmt::expr(ir::makeBreak(Label)));
    } else {
      std::vector<ir::Stmt> Leave;
      Leave.push_back(ir::Stmt::expr(ir::makeBreak(Label)));
      LoopBody.push_back(ir::Stmt::expr(ir::makeIf(
          ir::makeUnary(ir::UnaryOp::Not, std::move(CondIR), Type::boolean()),
          ir::makeBlock(std::move(Leave), nullptr, Type::unit()), nullptr,
          Type::unit())));
    }
  }
  ExprPtr Block = ir::makeBlock(std::move(LoopBody), nullptr, Type::unit());
  ExprPtr L;
  if (IsDo || (CondConstant && CondValue)) {
    L = std::make_unique<ir::Expr>(ExprKind::Loop, Type::unit());
    L->Ops.push_back(std::move(Block));
  } else {
    L = std::make_unique<ir::Expr>(ExprKind::While, Type::unit());
    L->Ops.push_back(std::move(CondIR));
    L->Ops.push_back(std::move(Block));
  }
  L->Label = Label;
  Out.push_back(ir::Stmt::expr(std::move(L)));
}

} // namespace h2r::frontend
