// Tests of the in-kernel differential suite's plan (which helpers it may
// call twice in a running kernel) and of the suite's text.
#include "emitter/KunitSuite.h"
#include "ir/KernelCheck.h"

#include <catch2/catch.hpp>

using namespace h2r;
using namespace h2r::ir;

namespace {

TypeRef i32() { return Type::integer(32, true); }

// A module with one helper `rust_helper_f(int a, <second> b)` whose body is
// Body (or empty), and its report record.
struct OneHelper {
  Module M;
  std::vector<HelperRecord> Records;

  explicit OneHelper(TypeRef Second, ValueShape SecondShape,
                     ExprPtr Body = nullptr) {
    Function F;
    F.CName = "rust_helper_f";
    F.RustName = "f";
    F.FnRole = Function::Role::Helper;
    F.Ret = i32();
    F.Locals.push_back({"a", i32(), true, false});
    F.Locals.push_back({"b", Second, true, false});
    F.Params = {0, 1};
    F.Body = Body ? std::move(Body) : makeBlock({}, makeInt(0, i32()), i32());
    M.Functions.push_back(std::move(F));
    HelperRecord H;
    H.Name = "rust_helper_f";
    H.RustName = "f";
    H.Sig.Ret = {"int", 32, true, 0, false, "int"};
    H.Sig.Params = {{"a", {"int", 32, true, 0, false, "int"}},
                    {"b", std::move(SecondShape)}};
    Records.push_back(std::move(H));
  }

  const KernelCheck &plan() {
    planKernelChecks(M, Records);
    return Records[0].Check;
  }
};

ValueShape intShape() { return {"int", 32, true, 0, false, "int"}; }
ValueShape pointerTo(uint64_t Size, bool Plain, std::string CType) {
  return {"pointer", 64, false, Size, Plain, std::move(CType)};
}

// { E; 0 }
ExprPtr bodyDoing(ExprPtr E) {
  std::vector<Stmt> S;
  S.push_back(Stmt::expr(std::move(E)));
  return makeBlock(std::move(S), makeInt(0, i32()), i32());
}

ExprPtr callOf(SymbolKind K, const std::string &Name) {
  auto C = std::make_unique<Expr>(ExprKind::Call, Type::unit());
  C->Sym = {K, Name};
  return bodyDoing(std::move(C));
}

ExprPtr asmOf(const std::string &Text) {
  auto A = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
  A->Text = Text;
  return bodyDoing(std::move(A));
}

} // namespace

TEST_CASE("scalars and pointers to plain data are in the suite", "[kernel-check]") {
  OneHelper Scalars(i32(), intShape());
  CHECK(Scalars.plan().V == KernelCheck::Verdict::InSuite);

  OneHelper Atomic(Type::pointer(Type::record("atomic_t"), false),
                   pointerTo(4, true, "atomic_t *"),
                   asmOf("lock; addl {0:e}, {1}"));
  CHECK(Atomic.plan().V == KernelCheck::Verdict::InSuite);
}

TEST_CASE("arguments the suite cannot build say why", "[kernel-check]") {
  // Objects that hold pointers, and `void *`, are built: PointerOrigins
  // keeps out a helper that follows a pointer they hold.
  OneHelper Device(Type::pointer(Type::record("device"), false),
                   pointerTo(720, false, "struct device *"));
  CHECK(Device.plan().V == KernelCheck::Verdict::InSuite);
  OneHelper Void(Type::pointer(Type::cvoid(), false),
                 pointerTo(0, false, "void *"));
  CHECK(Void.plan().V == KernelCheck::Verdict::InSuite);

  OneHelper Large(Type::pointer(Type::record("big"), false),
                  pointerTo(KernelCheckMaxObject + 1, true, "struct big *"));
  CHECK(Large.plan().Reason ==
        "argument `b` points to " + std::to_string(KernelCheckMaxObject + 1) +
            " bytes, more than the suite builds");

  OneHelper FourPointers(Type::pointer(Type::record("atomic_t"), false),
                         pointerTo(4, true, "atomic_t *"));
  for (const char *Name : {"c", "d", "e"}) {
    FourPointers.M.Functions[0].Locals.push_back(
        {Name, Type::pointer(Type::record("atomic_t"), false), true, false});
    FourPointers.M.Functions[0].Params.push_back(
        FourPointers.M.Functions[0].Locals.size() - 1);
    FourPointers.Records[0].Sig.Params.push_back(
        {Name, pointerTo(4, true, "atomic_t *")});
  }
  CHECK(FourPointers.plan().Reason ==
        "takes 4 pointers, more than the suite builds");
}

TEST_CASE("effects beyond the arguments keep a helper out", "[kernel-check]") {
  OneHelper Calls(i32(), intShape(), callOf(SymbolKind::BindingsFn, "kfree"));
  CHECK(Calls.plan().Reason == "calls the C function `kfree`");

  // A C function that changes nothing and reads no argument's object; not
  // memset(), whose length a helper may compute past the object.
  OneHelper Lookup(i32(), intShape(),
                   callOf(SymbolKind::BindingsFn, "is_vmalloc_addr"));
  CHECK(Lookup.plan().V == KernelCheck::Verdict::InSuite);
  OneHelper Memset(i32(), intShape(), callOf(SymbolKind::BindingsFn, "memset"));
  CHECK(Memset.plan().Reason == "calls the C function `memset`");

  OneHelper Shim(i32(), intShape(), callOf(SymbolKind::ShimFn, "static_key"));
  CHECK(Shim.plan().V == KernelCheck::Verdict::InSuite);

  OneHelper Flags(i32(), intShape(), asmOf("push {0}; popf"));
  CHECK(Flags.plan().Reason == "asm runs `push`"); // the first of two

  OneHelper PerCpu(i32(), intShape(), asmOf("addl {0:e}, %gs:{1}"));
  CHECK(PerCpu.plan().Reason == "asm writes per-CPU data (`addl`)");

  // Reading per-CPU data (current, the CPU number) leaves it as it was.
  OneHelper ReadsPerCpu(i32(), intShape(), asmOf("movq %gs:{1}, {0}"));
  CHECK(ReadsPerCpu.plan().V == KernelCheck::Verdict::InSuite);

  // WARN_ON's asm: a label, then the instruction.
  OneHelper Warns(i32(), intShape(),
                  asmOf("1:\t ud2 \n.pushsection __bug_table,\"aw\"\n\t2:\t"
                        ".long 1b - .\t# bug_entry::bug_addr\n.popsection"));
  CHECK(Warns.plan().Reason == "asm raises a kernel warning or BUG (`ud2`)");

  OneHelper Commented(i32(), intShape(), asmOf("/* a note */ lfence"));
  CHECK(Commented.plan().V == KernelCheck::Verdict::InSuite);
}

TEST_CASE("the suite calls both sides with the same arguments", "[kernel-check]") {
  OneHelper Atomic(Type::pointer(Type::record("atomic_t"), false),
                   pointerTo(4, true, "atomic_t *"));
  Atomic.plan();
  std::string Suite = emit::emitKunitSuite(Atomic.M, Atomic.Records, "test");
  CHECK(Suite.find("#[macros::kunit_tests(helpers2rs_differential)]") !=
        std::string::npos);
  CHECK(Suite.find("        #[link_name = \"rust_helper_f\"]\n"
                   "        fn c_f(a0: i32, a1: *mut bindings::atomic_t) -> "
                   "i32;\n") != std::string::npos);
  // Beside a pointer, integers come from the small grid (they may index).
  // 128 bytes either side of the (at least 128-byte) object are compared.
  CHECK(Suite.find("assert!(same(\"f\", &[SMALL.len(), PATTERNS.len()], "
                   "true, 384, |d, z, c| {\n"
                   "            let a0 = SMALL[d[0]] as i32;\n"
                   "            let a1 = z.at::<bindings::atomic_t>(0);\n") !=
        std::string::npos);
  CHECK(Suite.find("                    c_f(a0, a1)\n                } else "
                   "{\n                    bindings::f(a0, a1)\n") !=
        std::string::npos);

  OneHelper Large(Type::pointer(Type::record("big"), false),
                  pointerTo(KernelCheckMaxObject + 1, true, "struct big *"));
  Large.plan();
  CHECK(emit::emitKunitSuite(Large.M, Large.Records, "test").find("fn f()") ==
        std::string::npos);

  // A device (720 bytes) gets 768 and the 128 bytes either side.
  OneHelper Device(Type::pointer(Type::record("device"), false),
                   pointerTo(720, false, "struct device *"));
  Device.plan();
  CHECK(emit::emitKunitSuite(Device.M, Device.Records, "test")
            .find("&[SMALL.len(), PATTERNS.len()], true, 1024, |") !=
        std::string::npos);

  // A function pointer argument is null: stored, never called.
  TypeRef Callback = Type::fnPtr(Type::unit(), {}, false);
  OneHelper Stores(Callback, {"fnptr", 64, false, 0, false, "void (*)(void)"});
  Stores.plan();
  CHECK(emit::emitKunitSuite(Stores.M, Stores.Records, "test")
            .find("            let a1 = None;\n") != std::string::npos);
}
