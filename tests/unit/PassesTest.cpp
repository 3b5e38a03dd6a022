// Tests of the IR clean-up passes. Each result is also compiled by rustc
// with warnings denied: the passes exist to make that succeed.
#include "RustCompile.h"
#include "emitter/RustEmitter.h"
#include "ir/ExprTraits.h"
#include "ir/LocalFlow.h"
#include "ir/Passes.h"

#include <catch2/catch.hpp>

using namespace h2r;
using namespace h2r::ir;

namespace {

TypeRef i32() { return Type::integer(32, true); }

struct FunctionBuilder {
  Function F;
  FunctionBuilder(TypeRef Ret = i32()) {
    F.CName = F.RustName = "g";
    F.FnRole = Function::Role::Helper;
    F.Ret = Ret;
  }
  LocalId param(const std::string &Name) {
    F.Locals.push_back({Name, i32(), true, false});
    F.Params.push_back(F.Locals.size() - 1);
    return F.Locals.size() - 1;
  }
  LocalId local(const std::string &Name) {
    F.Locals.push_back({Name, i32(), false, false});
    return F.Locals.size() - 1;
  }
};

ExprPtr loc(LocalId L) { return makeLocal(L, i32()); }
ExprPtr num(int V) { return makeInt(static_cast<uint64_t>(V), i32()); }
ExprPtr stmtBlock(std::vector<Stmt> S) {
  return makeBlock(std::move(S), nullptr, Type::unit());
}
ExprPtr ret(ExprPtr V) {
  auto R = std::make_unique<Expr>(ExprKind::Return, Type::unit());
  R->Ops.push_back(std::move(V));
  return R;
}

std::string compileFunction(Function F, const std::string &Name) {
  Module M;
  M.Functions.push_back(std::move(F));
  runFunctionPasses(M, PassOptions());
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  std::string Rust = emit::emitModule(M, O);
  auto R = test::compileRust(Rust, Name);
  INFO(Rust);
  INFO(R.Diagnostics);
  REQUIRE(R.Ok);
  return Rust;
}

} // namespace

TEST_CASE("loops and blocks diverge by rustc's rules", "[passes]") {
  auto Body = stmtBlock({});
  auto L = std::make_unique<Expr>(ExprKind::Loop, Type::unit());
  L->Label = "lp";
  L->Ops.push_back(std::move(Body));
  CHECK(diverges(*L));
  L->Ops[0]->Stmts.push_back(Stmt::expr(makeBreak("lp")));
  CHECK_FALSE(diverges(*L));

  std::vector<Stmt> S;
  S.push_back(Stmt::expr(makeBreak("blk")));
  auto B = stmtBlock(std::move(S));
  B->Label = "blk";
  CHECK_FALSE(diverges(*B)); // it breaks out of itself
  B->Label.clear();
  CHECK(diverges(*B));
}

TEST_CASE("jumps to the innermost loop lose their label", "[passes]") {
  FunctionBuilder FB(Type::unit());
  LocalId N = FB.param("n");
  // 'lp: while n > 0 { if n == 3 { break 'lp } }
  std::vector<Stmt> Then;
  Then.push_back(Stmt::expr(makeBreak("lp")));
  std::vector<Stmt> LoopBody;
  LoopBody.push_back(Stmt::expr(makeIf(
      makeBinary(BinaryOp::Eq, loc(N), num(3), Type::boolean()),
      stmtBlock(std::move(Then)), nullptr, Type::unit())));
  auto W = std::make_unique<Expr>(ExprKind::While, Type::unit());
  W->Label = "lp";
  W->Ops.push_back(makeBinary(BinaryOp::Gt, loc(N), num(0), Type::boolean()));
  W->Ops.push_back(stmtBlock(std::move(LoopBody)));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(std::move(W)));
  FB.F.Body = stmtBlock(std::move(Body));
  std::string Rust = compileFunction(std::move(FB.F), "unlabel");
  CHECK_THAT(Rust, Catch::Contains("break;"));
  CHECK_THAT(Rust, !Catch::Contains("'lp"));
}

TEST_CASE("a jump out of a labelled block keeps its label", "[passes]") {
  FunctionBuilder FB(Type::unit());
  LocalId N = FB.param("n");
  // 'lp: loop { 'next: { if n == 1 { break 'next } } break 'lp }
  std::vector<Stmt> Then;
  Then.push_back(Stmt::expr(makeBreak("next")));
  std::vector<Stmt> Inner;
  Inner.push_back(Stmt::expr(makeIf(
      makeBinary(BinaryOp::Eq, loc(N), num(1), Type::boolean()),
      stmtBlock(std::move(Then)), nullptr, Type::unit())));
  auto Next = stmtBlock(std::move(Inner));
  Next->Label = "next";
  std::vector<Stmt> LoopBody;
  LoopBody.push_back(Stmt::expr(std::move(Next)));
  LoopBody.push_back(Stmt::expr(makeBreak("lp")));
  auto L = std::make_unique<Expr>(ExprKind::Loop, Type::unit());
  L->Label = "lp";
  L->Ops.push_back(stmtBlock(std::move(LoopBody)));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(std::move(L)));
  FB.F.Body = stmtBlock(std::move(Body));
  std::string Rust = compileFunction(std::move(FB.F), "keep_label");
  CHECK_THAT(Rust, Catch::Contains("break 'next;"));
}

TEST_CASE("statements after a return are dropped", "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(ret(loc(A))));
  Body.push_back(Stmt::expr(ret(num(7))));
  FB.F.Body = makeBlock(std::move(Body), nullptr, i32());
  std::string Rust = compileFunction(std::move(FB.F), "trim");
  CHECK_THAT(Rust, !Catch::Contains("7_i32"));
}

TEST_CASE("an initialiser every path overwrites becomes a deferred let",
          "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  LocalId R = FB.local("r");
  // let r = 0; if a > 0 { r = 1 } else { r = 2 } r
  std::vector<Stmt> T, E;
  T.push_back(Stmt::expr(makeAssign(loc(R), num(1))));
  E.push_back(Stmt::expr(makeAssign(loc(R), num(2))));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::let(R, num(0)));
  Body.push_back(Stmt::expr(makeIf(makeBinary(BinaryOp::Gt, loc(A), num(0),
                                              Type::boolean()),
                                   stmtBlock(std::move(T)),
                                   stmtBlock(std::move(E)), Type::unit())));
  FB.F.Body = makeBlock(std::move(Body), loc(R), i32());
  std::string Rust = compileFunction(std::move(FB.F), "deferred_let");
  // Assigned exactly once on each path: no `mut`, and no dead zero.
  CHECK_THAT(Rust, Catch::Contains("let r: i32;"));
}

TEST_CASE("a dead store keeps the side effects of its value", "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  FB.F.Locals.push_back({"p", Type::pointer(i32(), false), true, false});
  LocalId P = FB.F.Locals.size() - 1;
  FB.F.Params.push_back(P);
  // a = read_volatile(p); a = 5; a
  auto Vol = std::make_unique<Expr>(ExprKind::VolatileRead, i32());
  Vol->Ops.push_back(makeLocal(P, Type::pointer(i32(), false)));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(makeAssign(loc(A), std::move(Vol))));
  Body.push_back(Stmt::expr(makeAssign(loc(A), num(5))));
  FB.F.Body = makeBlock(std::move(Body), loc(A), i32());
  std::string Rust = compileFunction(std::move(FB.F), "dead_store");
  CHECK_THAT(Rust, Catch::Contains("let _: i32 = core::ptr::read_volatile(p);"));
  // The incoming value is never read: the parameter says so with `_`.
  CHECK_THAT(Rust, Catch::Contains("mut _a: i32"));
}

TEST_CASE("mut is required exactly when a value may be overwritten",
          "[passes]") {
  FunctionBuilder FB;
  FB.param("a");
  LocalId X = FB.local("x");
  LocalId Y = FB.local("y");
  std::vector<Stmt> Body;
  Body.push_back(Stmt::let(X, num(1)));
  Body.push_back(Stmt::let(Y, num(2)));
  Body.push_back(Stmt::expr(makeAssign(loc(X), makeBinary(BinaryOp::Add, loc(X), loc(Y), i32()))));
  FB.F.Body = makeBlock(std::move(Body), loc(X), i32());
  std::vector<bool> Mut = localsNeedingMut(FB.F);
  CHECK(Mut[X]);
  CHECK_FALSE(Mut[Y]);
  compileFunction(std::move(FB.F), "mut_exact");
}

TEST_CASE("bodies get `unsafe` only when they need it", "[passes]") {
  FunctionBuilder Pure;
  LocalId A = Pure.param("a");
  Pure.F.Body = makeBlock({}, makeMethod("wrapping_neg", loc(A), {}, i32()), i32());
  CHECK_THAT(compileFunction(std::move(Pure.F), "no_unsafe"),
             !Catch::Contains("unsafe {"));

  FunctionBuilder Deref;
  Deref.F.Locals.push_back({"p", Type::pointer(i32(), true), true, false});
  Deref.F.Params.push_back(0);
  auto D = std::make_unique<Expr>(ExprKind::Deref, i32());
  D->Ops.push_back(makeLocal(0, Type::pointer(i32(), true)));
  Deref.F.Body = makeBlock({}, std::move(D), i32());
  CHECK_THAT(compileFunction(std::move(Deref.F), "with_unsafe"),
             Catch::Contains("unsafe {"));
}

TEST_CASE("a non-void body that can fall off its end returns zero",
          "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  std::vector<Stmt> Then;
  Then.push_back(Stmt::expr(ret(num(1))));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(makeIf(makeBinary(BinaryOp::Ne, loc(A), num(0),
                                              Type::boolean()),
                                   stmtBlock(std::move(Then)), nullptr,
                                   Type::unit())));
  FB.F.Body = makeBlock(std::move(Body), nullptr, i32());
  CHECK_THAT(compileFunction(std::move(FB.F), "fall_off"),
             Catch::Contains("0_i32\n"));
}

TEST_CASE("a loop that never loops becomes a block", "[passes]") {
  FunctionBuilder FB(Type::unit());
  LocalId N = FB.param("n");
  LocalId X = FB.local("x");
  // 'lp: loop { x = n; if n == 1 { break } x = 2; break }  (do-while(0))
  std::vector<Stmt> Then;
  Then.push_back(Stmt::expr(makeBreak("")));
  std::vector<Stmt> LoopBody;
  LoopBody.push_back(Stmt::expr(makeAssign(loc(X), loc(N))));
  LoopBody.push_back(Stmt::expr(makeIf(
      makeBinary(BinaryOp::Eq, loc(N), num(1), Type::boolean()),
      stmtBlock(std::move(Then)), nullptr, Type::unit())));
  LoopBody.push_back(Stmt::expr(makeAssign(loc(X), num(2))));
  LoopBody.push_back(Stmt::expr(makeBreak("lp")));
  auto L = std::make_unique<Expr>(ExprKind::Loop, Type::unit());
  L->Label = "lp";
  L->Ops.push_back(stmtBlock(std::move(LoopBody)));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::let(X, num(0)));
  Body.push_back(Stmt::expr(std::move(L)));
  FB.F.Body = stmtBlock(std::move(Body));
  std::string Rust = compileFunction(std::move(FB.F), "never_loop");
  CHECK_THAT(Rust, !Catch::Contains("loop"));
  // The early exit now leaves a labelled block, by name.
  CHECK_THAT(Rust, Catch::Contains("'lp: {"));
  CHECK_THAT(Rust, Catch::Contains("break 'lp;"));
}

TEST_CASE("a loop with a continue stays a loop", "[passes]") {
  FunctionBuilder FB(Type::unit());
  LocalId N = FB.param("n");
  std::vector<Stmt> Then;
  Then.push_back(Stmt::expr(makeContinue("")));
  std::vector<Stmt> LoopBody;
  LoopBody.push_back(Stmt::expr(makeIf(
      makeBinary(BinaryOp::Eq, loc(N), num(1), Type::boolean()),
      stmtBlock(std::move(Then)), nullptr, Type::unit())));
  LoopBody.push_back(Stmt::expr(makeBreak("lp")));
  auto L = std::make_unique<Expr>(ExprKind::Loop, Type::unit());
  L->Label = "lp";
  L->Ops.push_back(stmtBlock(std::move(LoopBody)));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(std::move(L)));
  FB.F.Body = stmtBlock(std::move(Body));
  CHECK_THAT(compileFunction(std::move(FB.F), "loop_continue"),
             Catch::Contains("loop {"));
}

TEST_CASE("boolean round trips fold", "[passes]") {
  FunctionBuilder FB(Type::boolean());
  LocalId A = FB.param("a");
  // (!!(a != 0) as i32 as i64) == 0  is  a == 0
  auto NotNot = makeUnary(UnaryOp::Not, makeUnary(UnaryOp::Not, makeBinary(BinaryOp::Ne, loc(A), num(0), Type::boolean()),
                     Type::boolean()),
      Type::boolean());
  auto Wide = makeCast(makeCast(std::move(NotNot), i32()),
                       Type::integer(64, true));
  FB.F.Body = makeBlock(
      {}, makeBinary(BinaryOp::Eq, std::move(Wide), makeInt(0, Type::integer(64, true)),
                     Type::boolean()),
      Type::boolean());
  std::string Rust = compileFunction(std::move(FB.F), "fold_bools");
  CHECK_THAT(Rust, Catch::Contains("    a == 0_i32\n"));
}

TEST_CASE("a decided right operand of && and || folds away", "[passes]") {
  FunctionBuilder FB(Type::boolean());
  LocalId A = FB.param("a");
  LocalId B = FB.param("b");
  auto True = std::make_unique<Expr>(ExprKind::BoolLit, Type::boolean());
  True->IntValue = 1;
  auto False = std::make_unique<Expr>(ExprKind::BoolLit, Type::boolean());
  auto IsA = makeBinary(BinaryOp::Ne, loc(A), num(0), Type::boolean());
  auto IsB = makeBinary(BinaryOp::Ne, loc(B), num(0), Type::boolean());
  // (a != 0 && true) || (b != 0 || false)  is  a != 0 || b != 0
  auto And = makeBinary(BinaryOp::And, std::move(IsA), std::move(True),
                        Type::boolean());
  auto Or = makeBinary(BinaryOp::Or, std::move(IsB), std::move(False),
                       Type::boolean());
  FB.F.Body = makeBlock({}, makeBinary(BinaryOp::Or, std::move(And),
                                       std::move(Or), Type::boolean()),
                        Type::boolean());
  std::string Rust = compileFunction(std::move(FB.F), "fold_decided");
  CHECK_THAT(Rust, Catch::Contains("    a != 0_i32 || b != 0_i32\n"));
}

TEST_CASE("operations on constants are computed as C would", "[passes]") {
  TypeRef U64 = Type::integer(64, false), I8 = Type::integer(8, true);
  auto Run = [](ExprPtr Value, TypeRef Ty) {
    FunctionBuilder FB(Ty);
    FB.F.Body = makeBlock({}, std::move(Value), Ty);
    return compileFunction(std::move(FB.F), "fold_constants");
  };
  auto Wrapping = [](const char *Op, ExprPtr A, ExprPtr B, TypeRef Ty) {
    std::vector<ExprPtr> Args;
    Args.push_back(std::move(B));
    return makeMethod(Op, std::move(A), std::move(Args), Ty);
  };
  // A specialisation's `0_u64.wrapping_div(64_u64)`.
  CHECK_THAT(Run(Wrapping("wrapping_div", makeInt(0, U64), makeInt(64, U64), U64), U64),
             Catch::Contains("    0_u64\n"));
  // i8: 127 + 1 wraps to MIN; MIN / -1 wraps to MIN; -7 >> 1 is -4.
  CHECK_THAT(Run(Wrapping("wrapping_add", makeInt(127, I8), makeInt(1, I8), I8), I8),
             Catch::Contains("i8::MIN"));
  CHECK_THAT(Run(Wrapping("wrapping_div", makeInt(uint64_t(-128), I8),
                          makeInt(uint64_t(-1), I8), I8), I8),
             Catch::Contains("i8::MIN"));
  CHECK_THAT(Run(Wrapping("wrapping_shr", makeInt(uint64_t(-7), I8), makeInt(1, I8), I8), I8),
             Catch::Contains("-4_i8"));
  // A division by zero stays as written.
  CHECK_THAT(Run(Wrapping("wrapping_div", num(1), num(0), i32()), i32()),
             Catch::Contains("wrapping_div"));

  // `if 1 == 1 || a != 0 { 1 } else { 2 }` is the then branch; signed and
  // unsigned comparisons differ on the same bits.
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  auto Cond = makeBinary(
      BinaryOp::Or, makeBinary(BinaryOp::Eq, num(1), num(1), Type::boolean()),
      makeBinary(BinaryOp::Ne, loc(A), num(0), Type::boolean()), Type::boolean());
  FB.F.Body = makeBlock(
      {}, makeIf(std::move(Cond), makeBlock({}, num(1), i32()),
                 makeBlock({}, num(2), i32()), i32()),
      i32());
  std::string Rust = compileFunction(std::move(FB.F), "fold_condition");
  CHECK_THAT(Rust, !Catch::Contains("if "));
  CHECK_THAT(Rust, Catch::Contains("    1_i32\n"));
  CHECK_THAT(Run(makeIf(makeBinary(BinaryOp::Lt, num(-1), num(0), Type::boolean()),
                        makeBlock({}, num(1), i32()), makeBlock({}, num(2), i32()), i32()),
                 i32()),
             Catch::Contains("    1_i32\n"));
  CHECK_THAT(Run(makeIf(makeBinary(BinaryOp::Lt, makeInt(~uint64_t(0), U64),
                                   makeInt(0, U64), Type::boolean()),
                        makeBlock({}, num(1), i32()), makeBlock({}, num(2), i32()), i32()),
                 i32()),
             Catch::Contains("    2_i32\n"));
}

TEST_CASE("cast chains fold only when the bits are the same", "[passes]") {
  TypeRef U32 = Type::integer(32, false), I64 = Type::integer(64, true),
          U64 = Type::integer(64, false);
  auto Run = [&](TypeRef From, TypeRef Mid, TypeRef To) {
    Function F;
    F.CName = F.RustName = "g";
    F.FnRole = Function::Role::Helper;
    F.Ret = To;
    F.Locals.push_back({"x", From, true, false});
    F.Params.push_back(0);
    F.Body = makeBlock({}, makeCast(makeCast(makeLocal(0, From), Mid), To), To);
    return compileFunction(std::move(F), "casts");
  };
  // i32 -> i64 -> u64 sign-extends either way.
  CHECK_THAT(Run(i32(), I64, U64), Catch::Contains("    x as u64\n"));
  // u32 -> i32 -> i64 sign-extends what u32 -> i64 zero-extends.
  CHECK_THAT(Run(U32, i32(), I64), Catch::Contains("x as i32 as i64"));
  // i64 -> i32 -> i64 truncates first.
  CHECK_THAT(Run(I64, i32(), I64), Catch::Contains("x as i32 as i64"));
  // i64 -> u64 -> u32 only keeps the low bits.
  CHECK_THAT(Run(I64, U64, U32), Catch::Contains("    x as u32\n"));
}

TEST_CASE("a late initialisation becomes the let", "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  LocalId R = FB.local("r");
  LocalId Unused = FB.local("unused");
  std::vector<Stmt> Body;
  Body.push_back(Stmt::let(R, nullptr));
  Body.push_back(Stmt::let(Unused, nullptr));
  Body.push_back(Stmt::expr(makeAssign(loc(A), makeBinary(BinaryOp::Add, loc(A), num(1), i32()))));
  Body.push_back(Stmt::expr(makeAssign(loc(R), loc(A))));
  FB.F.Body = makeBlock(std::move(Body), loc(R), i32());
  std::string Rust = compileFunction(std::move(FB.F), "late_let");
  CHECK_THAT(Rust, Catch::Contains("let r: i32 = a;"));
  CHECK_THAT(Rust, !Catch::Contains("unused"));
  // clippy::assign_op_pattern: `a = a + 1` prints as `a += 1`.
  CHECK_THAT(Rust, Catch::Contains("a += 1_i32;"));
}

TEST_CASE("a declaration the block's value uses stays", "[passes]") {
  // let x; if a != 0 { a } else { x = a; x }
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  LocalId X = FB.local("x");
  std::vector<Stmt> Else;
  Else.push_back(Stmt::expr(makeAssign(loc(X), loc(A))));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::let(X, nullptr));
  FB.F.Body = makeBlock(
      std::move(Body),
      makeIf(makeBinary(BinaryOp::Ne, loc(A), num(0), Type::boolean()),
             makeBlock({}, loc(A), i32()),
             makeBlock(std::move(Else), loc(X), i32()), i32()),
      i32());
  std::string Rust = compileFunction(std::move(FB.F), "tail_uses_let");
  CHECK_THAT(Rust, Catch::Contains("let x"));
}

TEST_CASE("final returns in both branches become the value", "[passes]") {
  FunctionBuilder FB;
  LocalId A = FB.param("a");
  std::vector<Stmt> T, E;
  T.push_back(Stmt::expr(ret(num(1))));
  E.push_back(Stmt::expr(ret(loc(A))));
  std::vector<Stmt> Body;
  Body.push_back(Stmt::expr(makeIf(makeBinary(BinaryOp::Ne, loc(A), num(0),
                                              Type::boolean()),
                                   stmtBlock(std::move(T)),
                                   stmtBlock(std::move(E)), Type::unit())));
  FB.F.Body = makeBlock(std::move(Body), nullptr, i32());
  std::string Rust = compileFunction(std::move(FB.F), "tail_if");
  CHECK_THAT(Rust, !Catch::Contains("return"));
}

TEST_CASE("a helper forwarding to a private inline becomes it", "[passes]") {
  Module M;
  Function Inline;
  Inline.CName = Inline.RustName = "inc";
  Inline.FnRole = Function::Role::Inline;
  Inline.Ret = i32();
  Inline.Locals.push_back({"v", i32(), true, false});
  Inline.Params.push_back(0);
  Inline.Body = makeBlock({}, makeBinary(BinaryOp::BitOr, makeLocal(0, i32()), num(1), i32()), i32());
  Function Helper;
  Helper.CName = "rust_helper_inc";
  Helper.RustName = "inc";
  Helper.FnRole = Function::Role::Helper;
  Helper.Ret = i32();
  Helper.Locals.push_back({"w", i32(), true, false});
  Helper.Params.push_back(0);
  auto Call = std::make_unique<Expr>(ExprKind::Call, i32());
  Call->Sym = {SymbolKind::InlineFn, "inc"};
  Call->Ops.push_back(makeLocal(0, i32()));
  Helper.Body = makeBlock({}, std::move(Call), i32());
  M.Functions.push_back(std::move(Helper));
  M.Functions.push_back(std::move(Inline));
  runModulePasses(M, PassOptions());
  REQUIRE(M.Functions.size() == 1);
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  std::string Rust = emit::emitModule(M, O);
  INFO(Rust);
  CHECK_THAT(Rust, Catch::Contains("v | 1_i32"));
  CHECK_THAT(Rust, !Catch::Contains("mod inlines"));
  REQUIRE(test::compileRust(Rust, "thin_wrapper").Ok);
}

TEST_CASE("an asm followed by unreachable is a noreturn asm", "[passes]") {
  // The same template in AT&T syntax and in Rust's default (Intel's).
  for (AsmSyntax Syntax : {AsmSyntax::Att, AsmSyntax::Default}) {
    FunctionBuilder FB(Type::unit());
    auto Asm = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
    Asm->Text = "ud2";
    Asm->AsmOpts.Syntax = Syntax;
    auto Unreachable = std::make_unique<Expr>(ExprKind::Call, Type::never());
    Unreachable->Sym = {SymbolKind::Core, "core::hint::unreachable_unchecked"};
    std::vector<Stmt> Body;
    Body.push_back(Stmt::expr(std::move(Asm)));
    Body.push_back(Stmt::expr(std::move(Unreachable)));
    FB.F.Body = stmtBlock(std::move(Body));
    std::string Rust = compileFunction(std::move(FB.F), "noreturn_asm");
    CHECK_THAT(Rust, Catch::Contains(Syntax == AsmSyntax::Att
                                         ? "options(att_syntax, noreturn)"
                                         : "\"ud2\",\n            options(noreturn)"));
    CHECK_THAT(Rust, !Catch::Contains("unreachable_unchecked"));
  }
}

TEST_CASE("an inline only a dead branch called is dropped", "[passes]") {
  // g() { if false { dead() } else { live() } }: dead() no longer reached.
  Module M;
  auto Inline = [](const char *Name, int V) {
    Function F;
    F.CName = F.RustName = Name;
    F.FnRole = Function::Role::Inline;
    F.Ret = i32();
    F.Body = makeBlock({}, num(V), i32());
    return F;
  };
  auto Call = [](const char *Name) {
    auto C = std::make_unique<Expr>(ExprKind::Call, i32());
    C->Sym = {SymbolKind::InlineFn, Name};
    return C;
  };
  FunctionBuilder FB;
  auto False = std::make_unique<Expr>(ExprKind::BoolLit, Type::boolean());
  FB.F.Body = makeBlock({}, makeIf(std::move(False), makeBlock({}, Call("dead"), i32()),
                                   makeBlock({}, Call("live"), i32()), i32()),
                        i32());
  M.Functions.push_back(std::move(FB.F));
  M.Functions.push_back(Inline("dead", 1));
  M.Functions.push_back(Inline("live", 2));
  runModulePasses(M, PassOptions());
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  std::string Rust = emit::emitModule(M, O);
  INFO(Rust);
  CHECK_THAT(Rust, !Catch::Contains("dead"));
  CHECK_THAT(Rust, Catch::Contains("fn live"));
  REQUIRE(test::compileRust(Rust, "dead_inline").Ok);
}

TEST_CASE("expression kinds answer yes/no questions from one table",
          "[traits]") {
  using namespace h2r::ir;
  TypeRef I32 = Type::integer(32, true);
  auto Call = [&] {
    return std::make_unique<Expr>(ExprKind::Call, I32);
  };
  ExprPtr Sum = makeBinary(BinaryOp::Add, makeInt(1, I32), makeInt(2, I32), I32);
  CHECK(isPure(*Sum));
  CHECK_FALSE(mayWrite(*Sum));
  CHECK_FALSE(isPure(*Call()));
  CHECK(mayWrite(*Call()));
  // An operand's effect is the whole expression's.
  ExprPtr WithCall = makeBinary(BinaryOp::Add, makeInt(1, I32), Call(), I32);
  CHECK_FALSE(isPure(*WithCall));
  CHECK(mayWrite(*WithCall));
  // Taking a place's address mutably may write through it; reading may not.
  ExprPtr Shared = makeLocal(0, I32), Mutable = makeLocal(0, I32);
  auto AddrOf = [&](ExprPtr Place, bool Mut) {
    auto E = std::make_unique<Expr>(ExprKind::AddrOf);
    E->Mutable = Mut;
    E->Ops.push_back(std::move(Place));
    return E;
  };
  CHECK_FALSE(mayWrite(*AddrOf(std::move(Shared), false)));
  CHECK(mayWrite(*AddrOf(std::move(Mutable), true)));
  CHECK(traits(ExprKind::Local).NamesPlace);
  CHECK(traits(ExprKind::Assign).Stores);
  CHECK(traits(ExprKind::Assign).OperandFirst);
  CHECK_FALSE(traits(ExprKind::Call).OperandFirst);
  CHECK(traits(ExprKind::VolatileWrite).Volatile);
  CHECK(traits(ExprKind::Return).Control);
}
