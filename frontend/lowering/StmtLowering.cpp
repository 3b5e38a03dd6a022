//===- StmtLowering.cpp - C statements to the IR --------------------------===//
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

ExprPtr StmtLowering::zeroValue(const TypeRef &T) {
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

// ---- statements ------------------------------------------------------------

ExprPtr StmtLowering::blockOf(const clang::Stmt *S) {
  std::vector<ir::Stmt> Body;
  if (S)
    stmt(S, Body);
  return ir::makeBlock(std::move(Body), nullptr, Type::unit());
}

void StmtLowering::returnStmt(const ReturnStmt *RS,
                              std::vector<ir::Stmt> &Out) {
  auto Ret = std::make_unique<ir::Expr>(ExprKind::Return, Type::unit());
  bool Cleanups = false;
  for (const auto &Open : Scope.CleanupScopes)
    Cleanups |= !Open.empty();
  if (const clang::Expr *V = RS->getRetValue()) {
    if (Fn.Ret->isUnit() || Fn.Ret->isNever()) {
      Exprs.effect(V, Out);
    } else if (Cleanups) {
      // The value is computed before the cleanups run.
      ir::LocalId Tmp = addLocal("__ret", Fn.Ret);
      Out.push_back(
          ir::Stmt::let(Tmp, Exprs.coerce(Exprs.rvalue(V), Fn.Ret)));
      Ret->Ops.push_back(ir::makeLocal(Tmp, Fn.Ret));
    } else {
      Ret->Ops.push_back(Exprs.coerce(Exprs.rvalue(V), Fn.Ret));
    }
  }
  runCleanups(0, Out);
  Out.push_back(ir::Stmt::expr(std::move(Ret)));
}

void StmtLowering::ifStmt(const IfStmt *IS, std::vector<ir::Stmt> &Out) {
  if (IS->getInit() || IS->getConditionVariable())
    reject(IS, "unsupported-statement", "if with a declaration");
  // A constant condition (IS_ENABLED(), BUILD_BUG_ON()) keeps only the
  // branch C would run; the other is dead code in every build.
  // The condition is lowered first: it is a literal when Clang can fold
  // it or when our own answers (__builtin_constant_p) decide it.
  ExprPtr Cond = Exprs.condition(IS->getCond());
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
}

// `break` and `continue`: the cleanups of the scopes they leave run first.
void StmtLowering::jumpStmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out) {
  if (isa<BreakStmt>(S)) {
    if (Scope.Jumps.empty())
      reject(S, "unsupported-statement", "break outside a loop or switch");
    runCleanups(Scope.Jumps.back().CleanupDepth, Out);
    Out.push_back(ir::Stmt::expr(ir::makeBreak(Scope.Jumps.back().BreakLabel)));
    return;
  }
  for (auto It = Scope.Jumps.rbegin(); It != Scope.Jumps.rend(); ++It) {
    if (It->ContinueLabel.empty())
      continue;
    runCleanups(It->CleanupDepth, Out);
    Out.push_back(ir::Stmt::expr(It->ContinueIsBreak
                                     ? ir::makeBreak(It->ContinueLabel)
                                     : ir::makeContinue(It->ContinueLabel)));
    return;
  }
  reject(S, "unsupported-statement", "continue outside a loop");
}

void StmtLowering::stmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out) {
  if (!S || isa<NullStmt>(S))
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return compound(CS, Out);
  if (const auto *E = dyn_cast<clang::Expr>(S))
    return Exprs.effect(E, Out);
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        declaration(VD, Out, HoistedVars.count(VD) != 0);
    return;
  }
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return returnStmt(RS, Out);
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return ifStmt(IS, Out);
  if (isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<ForStmt>(S))
    return loop(S, Out);
  if (isa<BreakStmt>(S) || isa<ContinueStmt>(S))
    return jumpStmt(S, Out);
  if (const auto *SS = dyn_cast<SwitchStmt>(S))
    return Sections.switchStmt(SS, Out);
  if (const auto *GS = dyn_cast<GotoStmt>(S))
    return Sections.gotoStmt(GS->getLabel(), S, Out);
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
    return AsmStmts.asmStmt(AS, Out);
  if (isa<MSAsmStmt>(S))
    reject(S, "inline-asm", "Microsoft-style inline assembly");
  if (isa<CaseStmt>(S) || isa<DefaultStmt>(S))
    reject(S, "switch-case-nested",
           "case label nested inside another statement of its switch");
  reject(S, "unsupported-statement",
         std::string("statement '") + S->getStmtClassName() + "'");
}

void StmtLowering::compound(const CompoundStmt *CS,
                            std::vector<ir::Stmt> &Out) {
  for (const clang::Stmt *S : CS->body())
    if (isa<LabelStmt>(S))
      return Sections.gotoRegion(CS, Out);
  // Local names are unique per function, so a nested block can be flattened
  // into its parent without changing what any name refers to.
  Scope.CleanupScopes.emplace_back();
  for (const clang::Stmt *S : CS->body())
    stmt(S, Out);
  bool FallsOff = Out.empty() || Out.back().K != ir::Stmt::Kind::Expr ||
                  !ir::diverges(*Out.back().E);
  if (FallsOff)
    runCleanups(Scope.CleanupScopes.size() - 1, Out);
  Scope.CleanupScopes.pop_back();
}

// Calls the cleanups of every scope from Depth inwards, innermost first.
void StmtLowering::runCleanups(size_t Depth, std::vector<ir::Stmt> &Out) {
  for (size_t Open = Scope.CleanupScopes.size(); Open-- > Depth;)
    for (auto It = Scope.CleanupScopes[Open].rbegin();
         It != Scope.CleanupScopes[Open].rend(); ++It) {
      auto C = std::make_unique<ir::Expr>(ExprKind::Call, Type::unit());
      C->Sym = Scope.functionSymbol(It->Fn);
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

void StmtLowering::declaration(const VarDecl *VD, std::vector<ir::Stmt> &Out,
                               bool Hoisted) {
  if (VD->isStaticLocal())
    return StaticLocals.staticLocal(VD);
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
      ir::LocalId Id = Scope.Locals[VD];
      Out.push_back(ir::Stmt::expr(
          ir::makeAssign(ir::makeLocal(Id, Fn.Locals[Id].Ty),
                         Inits.initializer(Init, VD->getType()))));
    }
    return;
  }
  TypeRef Ty = type(VD->getType(), Init);
  ExprPtr Value = Init
                      ? Exprs.coerce(Inits.initializer(Init, VD->getType()), Ty)
                      : zeroValue(Ty);
  ir::LocalId Id = addLocal(ir::rustIdent(VD->getNameAsString()), Ty);
  Scope.Locals[VD] = Id;
  Out.push_back(ir::Stmt::let(Id, std::move(Value)));
  if (const auto *CA = VD->getAttr<CleanupAttr>()) {
    if (Scope.CleanupScopes.empty() || !Scope.Regions.empty())
      reject(Init, "cleanup-attribute",
             "cleanup variable in a block with goto labels");
    Scope.CleanupScopes.back().push_back({Id, CA->getFunctionDecl()});
  }
}

void StmtLowering::hoistDeclarations(
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
      Scope.Locals[VD] = Id;
      HoistedVars.insert(VD);
      Out.push_back(ir::Stmt::let(Id, zeroValue(Ty)));
    }
  }
}

void StmtLowering::loop(const clang::Stmt *S, std::vector<ir::Stmt> &Out) {
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
  ExprPtr CondIR = Cond ? Exprs.condition(Cond) : nullptr;
  bool CondConstant = !CondIR || CondIR->Kind == ExprKind::BoolLit;
  bool CondValue = !CondIR || CondIR->IntValue;

  // `continue` must still run a do-while's test or a for's increment: it
  // leaves a labelled block around the body instead of restarting the loop.
  bool ContinueLeavesBody = IsDo || Inc;
  std::string Next = ContinueLeavesBody ? freshLabel("next") : "";
  Scope.Jumps.push_back({Label, ContinueLeavesBody ? Next : Label,
                         ContinueLeavesBody, Scope.CleanupScopes.size()});
  ExprPtr BodyBlock = blockOf(Body);
  Scope.Jumps.pop_back();

  std::vector<ir::Stmt> LoopBody;
  if (ContinueLeavesBody) {
    BodyBlock->Label = Next;
    LoopBody.push_back(ir::Stmt::expr(std::move(BodyBlock)));
  } else {
    LoopBody = std::move(BodyBlock->Stmts);
  }
  if (Inc)
    Exprs.effect(Inc, LoopBody);
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
