// Tests of PointerOrigins: a helper may read, return and store the pointers
// its arguments' objects hold, but not follow them.
#include "ir/PointerOrigins.h"

#include <catch2/catch.hpp>

using namespace h2r;
using namespace h2r::ir;

namespace {

// struct node { struct node *next; int val; }
TypeRef node() { return Type::record("node"); }
TypeRef nodePtr() { return Type::pointer(node(), false); }
TypeRef i32() { return Type::integer(32, true); }

ExprPtr deref(ExprPtr Ptr) {
  auto E = std::make_unique<Expr>(ExprKind::Deref, Ptr->Ty->pointee());
  E->Ops.push_back(std::move(Ptr));
  return E;
}

ExprPtr field(ExprPtr Place, const std::string &Name, TypeRef Ty) {
  auto E = std::make_unique<Expr>(ExprKind::Field, std::move(Ty));
  E->Name = Name;
  E->Ops.push_back(std::move(Place));
  return E;
}

ExprPtr next(ExprPtr Ptr) { return field(deref(std::move(Ptr)), "next", nodePtr()); }
ExprPtr val(ExprPtr Ptr) { return field(deref(std::move(Ptr)), "val", i32()); }

ExprPtr call(const std::string &Name, ExprPtr Arg, TypeRef Ret) {
  auto E = std::make_unique<Expr>(ExprKind::Call, std::move(Ret));
  E->Sym = {SymbolKind::InlineFn, Name};
  E->Ops.push_back(std::move(Arg));
  return E;
}

// A function `Name(x: *mut node) -> Ret { Lets; Tail }`; local 0 is x.
Function function(const std::string &Name, Function::Role Role, TypeRef Ret,
                  std::vector<Stmt> Lets, ExprPtr Tail) {
  Function F;
  F.CName = Name;
  F.RustName = Name;
  F.FnRole = Role;
  F.Ret = Ret;
  F.Locals.push_back({"x", nodePtr(), true, false});
  F.Locals.push_back({"q", nodePtr(), false, false});
  F.Params = {0};
  F.Body = makeBlock(std::move(Lets), std::move(Tail), std::move(Ret));
  return F;
}

ExprPtr x() { return makeLocal(0, nodePtr()); }
ExprPtr q() { return makeLocal(1, nodePtr()); }

// The stray dereference of helper `f` whose body is Lets; Tail, beside the
// inline functions Inlines.
std::string strayOf(ExprPtr Tail, std::vector<Stmt> Lets = {},
                    std::vector<Function> Inlines = {}) {
  Module M;
  TypeRef Ret = Tail->Ty;
  M.Functions.push_back(function("f", Function::Role::Helper, Ret,
                                 std::move(Lets), std::move(Tail)));
  for (Function &F : Inlines)
    M.Functions.push_back(std::move(F));
  PointerOrigins Origins(M);
  return Origins.strayDereference(M.Functions[0]);
}

std::vector<Stmt> letQ(ExprPtr Init) {
  std::vector<Stmt> S;
  S.push_back(Stmt::let(1, std::move(Init)));
  return S;
}

const char *StrayInF =
    "dereferences a pointer not derived from its arguments (in `f`)";

} // namespace

TEST_CASE("the argument's own object is read and written", "[pointer-origins]") {
  CHECK(strayOf(val(x())).empty());
  // A pointer the object holds may be read and returned, not followed.
  CHECK(strayOf(next(x())).empty());
  CHECK(strayOf(val(next(x()))) == StrayInF);
  CHECK(strayOf(makeMethod("read", next(x()), {}, node())) == StrayInF);
  // A pointer made from an integer is not derived either.
  CHECK(strayOf(val(makeCast(makeInt(64, Type::integer(64, false, true)),
                             nodePtr()))) == StrayInF);
}

TEST_CASE("a pointer's address as an integer and back is still derived",
          "[pointer-origins]") {
  // this_cpu_read_stable(): `*(addr_of!(var) as usize as *const T)`.
  auto RoundTrip = [](ExprPtr Ptr) {
    return makeCast(makeCast(std::move(Ptr), Type::integer(64, false, true)),
                    nodePtr());
  };
  CHECK(strayOf(val(RoundTrip(x()))).empty());
  CHECK(strayOf(val(RoundTrip(next(x())))) == StrayInF);
}

TEST_CASE("locals hold derived pointers only if every store is derived",
          "[pointer-origins]") {
  auto Offset = [] {
    std::vector<ExprPtr> Args;
    Args.push_back(makeInt(1, Type::integer(64, true, true)));
    return makeMethod("wrapping_offset", x(), std::move(Args), nodePtr());
  };
  CHECK(strayOf(val(q()), letQ(Offset())).empty());
  CHECK(strayOf(val(q()), letQ(next(x()))) == StrayInF);

  // q = x; ...; q = (*x).next: the second store makes q stray.
  std::vector<Stmt> Stores = letQ(x());
  Stores.push_back(Stmt::expr(makeAssign(q(), next(x()))));
  CHECK(strayOf(val(q()), std::move(Stores)) == StrayInF);
}

TEST_CASE("inline functions are followed with what they are given",
          "[pointer-origins]") {
  auto Reads = [] {
    std::vector<Function> I;
    I.push_back(function("g", Function::Role::Inline, i32(), {}, val(x())));
    return I;
  };
  CHECK(strayOf(call("g", x(), i32()), {}, Reads()).empty());
  CHECK(strayOf(call("g", next(x()), i32()), {}, Reads()) ==
        "dereferences a pointer not derived from its arguments (in `g`)");

  // What an inline function returns is derived if it returns its argument.
  std::vector<Function> Identity;
  Identity.push_back(function("id", Function::Role::Inline, nodePtr(), {}, x()));
  CHECK(strayOf(val(call("id", x(), nodePtr())), {}, std::move(Identity))
            .empty());
  std::vector<Function> Loads;
  Loads.push_back(
      function("load", Function::Role::Inline, nodePtr(), {}, next(x())));
  CHECK(strayOf(val(call("load", x(), nodePtr())), {}, std::move(Loads)) ==
        StrayInF);
}

TEST_CASE("an asm follows the pointers it uses as addresses",
          "[pointer-origins]") {
  // xchgq {0}, ({1}): operand 1 is an address, operand 0 a value.
  auto Xchg = [](ExprPtr Value, ExprPtr Address) {
    auto A = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
    A->Text = "xchgq {0:r}, ({1})";
    A->Ops.push_back(std::move(Value));
    A->Ops.push_back(std::move(Address));
    AsmOperand V, P;
    V.Class = P.Class = AsmRegClass::Reg;
    V.In = 0;
    P.In = 1;
    A->AsmOps = {V, P};
    return A;
  };
  CHECK(strayOf(Xchg(next(x()), x())).empty());
  CHECK(strayOf(Xchg(x(), next(x()))) == StrayInF);
}

TEST_CASE("the running task may be read, not written", "[pointer-origins]") {
  auto Current = [] {
    auto C = std::make_unique<Expr>(ExprKind::Call, nodePtr());
    C->Sym = {SymbolKind::InlineFn, "get_current"};
    return C;
  };
  CHECK(strayOf(val(Current())).empty());
  CHECK(strayOf(makeAssign(val(Current()), makeInt(1, i32()))) == StrayInF);
  auto Address = std::make_unique<Expr>(ExprKind::AddrOf,
                                        Type::pointer(i32(), false));
  Address->Mutable = true;
  Address->Ops.push_back(val(Current()));
  CHECK(strayOf(std::move(Address)) == StrayInF);
  // What it holds is no more derived than what an argument's object holds.
  CHECK(strayOf(val(next(Current()))) == StrayInF);
}
