// Tests of the in-kernel differential suite's plan (which helpers it may
// call twice in a running kernel) and of the suite's text.
#include "emitter/KunitSuite.h"
#include "ir/KernelCheck.h"

#include <catch2/catch.hpp>

#include <functional>

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

  const KernelCheck &plan(KernelSuiteSupport Support = {}) {
    planKernelChecks(M, Records, Support);
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

// `addr_of_mut!((*addr_of_mut!(pcpu_hot)).hot.<Field>)`, 6.12's place of
// the preempt count and of the other per-CPU data it keeps beside it.
ExprPtr pcpuHotField(const std::string &Field) {
  auto Wrap = [](ExprKind K, ExprPtr Op, TypeRef Ty) {
    auto E = std::make_unique<Expr>(K, std::move(Ty));
    E->Mutable = K == ExprKind::AddrOf;
    E->Ops.push_back(std::move(Op));
    return E;
  };
  TypeRef Hot = Type::record("pcpu_hot");
  auto Global = std::make_unique<Expr>(ExprKind::Path, Hot);
  Global->Sym = {SymbolKind::BindingsStatic, "pcpu_hot"};
  ExprPtr Place =
      Wrap(ExprKind::Deref,
           Wrap(ExprKind::AddrOf, std::move(Global), Type::pointer(Hot, false)),
           Hot);
  for (const std::string &Name : {std::string("hot"), Field}) {
    Place = Wrap(ExprKind::Field, std::move(Place), i32());
    Place->Name = Name;
  }
  return Wrap(ExprKind::AddrOf, std::move(Place), Type::pointer(i32(), false));
}

// `incl ({0})` with in(reg) Address.
ExprPtr incrementAt(ExprPtr Address) {
  auto A = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
  A->Text = "incl ({0})";
  A->Ops.push_back(std::move(Address));
  AsmOperand Op;
  Op.Class = AsmRegClass::Reg;
  Op.In = 0;
  A->AsmOps.push_back(Op);
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
        "takes 4 pointers or records, more than the suite builds");
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

  OneHelper Commented(i32(), intShape(), asmOf("/* a note */ lfence"));
  CHECK(Commented.plan().V == KernelCheck::Verdict::InSuite);
}

TEST_CASE("AArch64 asm is read as AArch64's", "[kernel-check]") {
  auto Plan = [](const std::string &Text) {
    OneHelper H(i32(), intShape(), asmOf(Text));
    H.M.TargetArch = Arch::AArch64;
    const KernelCheck &C = H.plan();
    return C.V == KernelCheck::Verdict::InSuite ? std::string("in suite")
                                                : C.Reason;
  };
  // An LL/SC loop, its barrier and an LSE atomic act on memory alone.
  CHECK(Plan("1:\tldxr\t{0:w}, [{2:x}]\n\tadd\t{0:w}, {0:w}, #1\n"
             "\tstlxr\t{1:w}, {0:w}, [{2:x}]\n\tcbnz\t{1:w}, 1b\n"
             "\tdmb\tish") == "in suite");
  CHECK(Plan(".arch_extension lse\n\tstadd\t{0:w}, [{1:x}]\t// LSE") ==
        "in suite");
  // `current` reads alike on both sides; the counter does not.
  CHECK(Plan("mrs {0:x}, sp_el0") == "in suite");
  CHECK(Plan("mrs {0:x}, cntvct_el0") == "asm runs `mrs`");
  CHECK(Plan("msr daifset, #3") == "asm runs `msr`");
  // A `brk` without a bug_entry is a BUG() to the kernel; another
  // immediate is KASAN's, UBSAN's or a debugger's.
  CHECK(Plan("brk #0x800") == "asm raises a kernel BUG (`brk`)");
  CHECK(Plan("brk #0x3e8") == "asm runs `brk`");
  // x86's mnemonics mean nothing here.
  CHECK(Plan("lock; incl ({0})") == "asm runs `incl`");
}

TEST_CASE("arm64's WARN reads its bug_entry's flags", "[kernel-check]") {
  KernelSuiteSupport Counts;
  Counts.CountsWarnings = true;
  auto Plan = [&](const std::string &Flags) {
    // What WARN_ON() gives on arm64 (asm-bug.h, DEBUG_BUGVERBOSE): the
    // flags written out as the entry's last `.short`.
    OneHelper H(i32(), intShape(),
                asmOf(".pushsection __bug_table,\"aw\"; .align 2; 14470: "
                      ".long 14471f - .; .pushsection .rodata.str,\"aMS\","
                      "@progbits,1; 14472: .string \"bug.c\"; .popsection; "
                      ".long 14472b - .; .short 12; .short " +
                      Flags + "; .align 2; .popsection; 14471: brk 0x800"));
    H.M.TargetArch = Arch::AArch64;
    const KernelCheck &C = H.plan(Counts);
    return C.V == KernelCheck::Verdict::InSuite ? std::string("in suite")
                                                : C.Reason;
  };
  // BUGFLAG_WARNING | BUGFLAG_TAINT(9), and WARN_ON_ONCE's BUGFLAG_ONCE.
  CHECK(Plan("(1 << 0)|(((9) << 8))") == "in suite");
  CHECK(Plan("(1 << 0)|((1 << 1) | ((9) << 8))") == "in suite");
  CHECK(Plan("{0}") == "asm raises a kernel BUG (`brk`)"); // no such operand
  // BUG(): no warning flag; nor flags it cannot evaluate.
  CHECK(Plan("0") == "asm raises a kernel BUG (`brk`)");
  CHECK(Plan("(1 << 3)") == "asm raises a kernel BUG (`brk`)");
  CHECK(Plan("FLAGS") == "asm raises a kernel BUG (`brk`)");
  CHECK(Plan("(1 << 0") == "asm raises a kernel BUG (`brk`)");
  CHECK(Plan("1 << 64") == "asm raises a kernel BUG (`brk`)");
}

namespace {

// WARN_ON's or BUG's asm: a label, the instruction, and a bug_entry whose
// flags are the const operand {0}.
ExprPtr bugAsm(uint64_t Flags) {
  auto A = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
  A->Text = "1:\t ud2 \n.pushsection __bug_table,\"aw\"\n\t2:\t"
            ".long 1b - .\t# bug_entry::bug_addr\n"
            "\t.word {0}\t# bug_entry::flags\n.popsection";
  AsmOperand Op;
  Op.Dir = AsmDir::Const;
  Op.In = 0;
  A->AsmOps.push_back(Op);
  A->Ops.push_back(makeInt(Flags, i32()));
  return bodyDoing(std::move(A));
}

// `<Mnemonic> {0}(%rip)` on the C global Global.
ExprPtr globalAsm(const std::string &Mnemonic, const std::string &Global) {
  auto A = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
  A->Text = Mnemonic + " {0}(%rip)";
  AsmOperand Op;
  Op.Dir = AsmDir::Sym;
  Op.Sym = {SymbolKind::BindingsStatic, Global};
  A->AsmOps.push_back(Op);
  return bodyDoing(std::move(A));
}

} // namespace

namespace {

// A C function of the bindings, as the frontend records what helpers call.
ExternFn cFunction(const std::string &Name, std::vector<TypeRef> Params,
                   TypeRef Ret, bool Variadic = false) {
  ExternFn F;
  F.Name = Name;
  F.Params = std::move(Params);
  F.Ret = std::move(Ret);
  F.Variadic = Variadic;
  return F;
}

} // namespace

TEST_CASE("warnings are counted where the tree's KUnit can", "[kernel-check]") {
  KernelSuiteSupport Counts;
  Counts.CountsWarnings = true;
  // WARN_ON_ONCE: BUGFLAG_WARNING | BUGFLAG_ONCE | BUGFLAG_TAINT(9).
  OneHelper Warns(i32(), intShape(), bugAsm(0x903));
  CHECK(Warns.plan().Reason == "asm raises a kernel warning (`ud2`), and "
                               "this tree's KUnit cannot count warnings");
  CHECK(!Warns.Records[0].Check.CountsWarnings);
  CHECK(Warns.plan(Counts).V == KernelCheck::Verdict::InSuite);
  CHECK(Warns.Records[0].Check.CountsWarnings);
  // BUG(): no warning flag, never run; nor a bug_entry it cannot read.
  OneHelper Bug(i32(), intShape(), bugAsm(0));
  CHECK(Bug.plan(Counts).Reason == "asm raises a kernel BUG (`ud2`)");
  OneHelper Unread(i32(), intShape(),
                   asmOf("1:\t ud2\n\t.word {}\t# bug_entry::flags"));
  CHECK(Unread.plan(Counts).Reason == "asm raises a kernel BUG (`ud2`)");

  OneHelper Saturates(i32(), intShape(),
                      callOf(SymbolKind::BindingsFn, "refcount_warn_saturate"));
  CHECK(Saturates.plan().Reason ==
        "calls the C function `refcount_warn_saturate`, and this tree's KUnit "
        "cannot count warnings");
  CHECK(Saturates.plan(Counts).V == KernelCheck::Verdict::InSuite);
  CHECK(Saturates.Records[0].Check.CountsWarnings);
  // Where calls are renamed, a double stands in for it: its WARN_ONCE()
  // would warn for the first side alone where "once" is a static (arm64).
  Counts.ReplacesCalls = true;
  Saturates.M.BindingsFns.push_back(
      cFunction("refcount_warn_saturate",
                {Type::pointer(Type::record("refcount_struct"), false),
                 Type::integer(32, false)},
                Type::unit()));
  CHECK(Saturates.plan(Counts).V == KernelCheck::Verdict::InSuite);
  CHECK(!Saturates.Records[0].Check.CountsWarnings);
  CHECK(Saturates.Records[0].Check.Doubles ==
        std::vector<std::string>{"refcount_warn_saturate"});
}

TEST_CASE("the preempt count is the one global the suite restores",
          "[kernel-check]") {
  OneHelper Disables(i32(), intShape(), globalAsm("incq", "__preempt_count"));
  CHECK(Disables.plan().V == KernelCheck::Verdict::InSuite);
  CHECK(Disables.Records[0].Check.PreemptCount ==
        std::vector<std::string>{"__preempt_count"});
  OneHelper Other(i32(), intShape(), globalAsm("incq", "nr_things"));
  CHECK(Other.plan().Reason == "asm writes the C global `nr_things` (`incq`)");
  CHECK(Other.Records[0].Check.PreemptCount.empty());
  // Linux 6.12 keeps it in pcpu_hot, beside data the suite must not touch.
  OneHelper Hot(i32(), intShape(), incrementAt(pcpuHotField("preempt_count")));
  CHECK(Hot.plan().V == KernelCheck::Verdict::InSuite);
  CHECK(Hot.Records[0].Check.PreemptCount ==
        std::vector<std::string>{"pcpu_hot", "hot", "preempt_count"});
  OneHelper HotOther(i32(), intShape(), incrementAt(pcpuHotField("top")));
  CHECK(HotOther.plan().Reason ==
        "takes the mutable address of the C global `pcpu_hot`");
  // preempt_enable()'s reschedule is a call the suite may make...
  OneHelper Enables(i32(), intShape(), asmOf("call __SCT__preempt_schedule"));
  CHECK(Enables.plan().V == KernelCheck::Verdict::InSuite);
  OneHelper Counts(i32(), intShape(), asmOf("call __sw_hweight64"));
  CHECK(Counts.plan().V == KernelCheck::Verdict::InSuite);
  OneHelper Calls(i32(), intShape(), asmOf("call do_things"));
  CHECK(Calls.plan().Reason == "asm runs `call`");
  // ...but not might_sleep()'s with interrupts off.
  std::vector<Stmt> Both;
  Both.push_back(Stmt::expr(globalAsm("decq", "__preempt_count")));
  Both.push_back(Stmt::expr(callOf(SymbolKind::BindingsFn, "__SCT__might_resched")));
  OneHelper Sleeps(i32(), intShape(),
                   makeBlock(std::move(Both), makeInt(0, i32()), i32()));
  CHECK(Sleeps.plan().Reason == "changes the preempt count and may reschedule");
}

namespace {

TypeRef mutexPtr() { return Type::pointer(Type::record("mutex"), false); }

// A helper `f(a, b: *mut mutex)` that calls the C function Locker on Lock,
// beside the tree's `__mutex_init(lock, name, key)` helper if WithInit.
struct LocksMutex : OneHelper {
  LocksMutex(const std::string &Locker, ExprPtr Lock, bool WithInit)
      : OneHelper(mutexPtr(), pointerTo(160, false, "struct mutex *"),
                  callingWith(Locker, std::move(Lock))) {
    if (!WithInit)
      return;
    Function Init;
    Init.CName = MutexInitialiser;
    Init.RustName = "__mutex_init";
    Init.FnRole = Function::Role::Helper;
    Init.Ret = Type::unit();
    TypeRef Char = Type::pointer(Type::integer(8, false), true);
    TypeRef Key = Type::pointer(Type::record("lock_class_key"), false);
    Init.Locals = {{"lock", mutexPtr(), true, false},
                   {"name", Char, true, false},
                   {"key", Key, true, false}};
    Init.Params = {0, 1, 2};
    Init.Body = makeBlock({}, nullptr, Type::unit());
    M.Functions.push_back(std::move(Init));
  }

  static ExprPtr callingWith(const std::string &Locker, ExprPtr Lock) {
    auto C = std::make_unique<Expr>(ExprKind::Call, Type::unit());
    C->Sym = {SymbolKind::BindingsFn, Locker};
    C->Ops.push_back(std::move(Lock));
    return bodyDoing(std::move(C));
  }
};

} // namespace

TEST_CASE("a mutex the helper locks is one the kernel initialised",
          "[kernel-check]") {
  KernelSuiteSupport NoLockdep;
  NoLockdep.TracksLocks = false;
  LocksMutex Locks("mutex_lock", makeLocal(1, mutexPtr()), true);
  CHECK(Locks.plan().Reason == "calls the C function `mutex_lock`, and "
                               "lockdep tracks this kernel's locks");
  CHECK(Locks.plan(NoLockdep).V == KernelCheck::Verdict::InSuite);
  CHECK(Locks.Records[0].Check.InitialisedMutexes == std::vector<size_t>{1});
  std::string Suite = emit::emitKunitSuite(Locks.M, Locks.Records, "test").Rust;
  CHECK(Suite.find("            let a1 = z.at::<bindings::mutex>(0);\n"
                   "            // SAFETY: the zone holds a mutex's bytes, "
                   "which the kernel's\n"
                   "            // initialiser makes an unlocked mutex.\n"
                   "            unsafe { c___mutex_init(a1, "
                   "c\"helpers2rs\".as_ptr().cast(), "
                   "core::ptr::null_mut()) };\n") != std::string::npos);
  CHECK(Suite.find("#[link_name = \"rust_helper___mutex_init\"]\n"
                   "        fn c___mutex_init(a0: *mut bindings::mutex, "
                   "a1: *const u8, a2: *mut bindings::lock_class_key);\n") !=
        std::string::npos);

  // Initialising needs no mutex built first.
  LocksMutex Inits("mutex_init_generic", makeLocal(1, mutexPtr()), true);
  CHECK(Inits.plan(NoLockdep).V == KernelCheck::Verdict::InSuite);
  CHECK(Inits.Records[0].Check.InitialisedMutexes.empty());

  LocksMutex NoInit("mutex_trylock", makeLocal(1, mutexPtr()), false);
  CHECK(NoInit.plan(NoLockdep).Reason ==
        "locks a mutex, and the tree has no translated `__mutex_init(lock, "
        "name, key)` helper to build one");
  // A mutex inside another object is not one the suite built.
  auto Inner = std::make_unique<Expr>(ExprKind::Field, Type::record("mutex"));
  Inner->Name = "inner";
  auto Deref = std::make_unique<Expr>(ExprKind::Deref, Type::record("mutex"));
  Deref->Ops.push_back(makeLocal(1, mutexPtr()));
  Inner->Ops.push_back(std::move(Deref));
  auto Address = std::make_unique<Expr>(ExprKind::AddrOf, mutexPtr());
  Address->Mutable = true;
  Address->Ops.push_back(std::move(Inner));
  LocksMutex Elsewhere("mutex_lock", std::move(Address), true);
  CHECK(Elsewhere.plan(NoLockdep).Reason ==
        "locks a mutex it is not given as an argument");
}

namespace {

// `f(size: usize, p: *const c_void, flags: u32) -> *mut c_void` whose body
// calls the C allocator Allocator with Args (built from the parameters),
// then yields Tail (or the allocator's result).
struct Allocates {
  Module M;
  std::vector<HelperRecord> Records;

  Allocates(const std::string &Allocator,
            std::function<std::vector<ExprPtr>()> Args, bool ReturnsIt = true) {
    TypeRef Usize = Type::integer(64, false, true), U32 = Type::integer(32, false);
    TypeRef Void = Type::pointer(Type::cvoid(), true);
    TypeRef Out = Type::pointer(Type::cvoid(), false);
    Function F;
    F.CName = "rust_helper_f";
    F.RustName = "f";
    F.FnRole = Function::Role::Helper;
    F.Ret = Out;
    F.Locals = {{"size", Usize, true, false},
                {"p", Void, true, false},
                {"flags", U32, true, false}};
    F.Params = {0, 1, 2};
    auto Call = std::make_unique<Expr>(ExprKind::Call, Out);
    Call->Sym = {SymbolKind::BindingsFn, Allocator};
    Call->Ops = Args();
    std::vector<Stmt> Body;
    if (!ReturnsIt)
      Body.push_back(Stmt::expr(std::move(Call)));
    F.Body = makeBlock(std::move(Body),
                       ReturnsIt ? std::move(Call)
                                 : std::make_unique<Expr>(ExprKind::NullPtr, Out),
                       Out);
    M.Functions.push_back(std::move(F));
    HelperRecord H;
    H.Name = "rust_helper_f";
    H.RustName = "f";
    H.Sig.Ret = pointerTo(0, false, "void *");
    H.Sig.Params = {{"size", {"int", 64, false, 0, false, "size_t"}},
                    {"p", pointerTo(0, false, "const void *")},
                    {"flags", {"int", 32, false, 0, false, "gfp_t"}}};
    Records.push_back(std::move(H));
  }

  const KernelCheck &plan() {
    planKernelChecks(M, Records, {});
    return Records[0].Check;
  }
};

std::vector<ExprPtr> reallocArgs() {
  std::vector<ExprPtr> A;
  A.push_back(makeLocal(1, Type::pointer(Type::cvoid(), true)));
  A.push_back(makeLocal(0, Type::integer(64, false, true)));
  A.push_back(makeLocal(2, Type::integer(32, false)));
  return A;
}

} // namespace

TEST_CASE("what an allocator returns is compared and freed", "[kernel-check]") {
  Allocates Realloc("krealloc_noprof", reallocArgs);
  CHECK(Realloc.plan().V == KernelCheck::Verdict::InSuite);
  CHECK(Realloc.Records[0].Check.Allocates == Allocation::Memory);
  CHECK(Realloc.Records[0].Check.AllocatorArguments ==
        std::map<size_t, AllocatorArgument>{{0, AllocatorArgument::Size},
                                            {1, AllocatorArgument::Object},
                                            {2, AllocatorArgument::Flags}});
  std::string Suite =
      emit::emitKunitSuite(Realloc.M, Realloc.Records, "test").Rust;
  // No zone: the object is null, sizes small, flags from GFP.
  CHECK(Suite.find("same(\"f\", &[SMALL.len(), GFP.len()], false, 0, |d, _, c| {\n"
                   "            let a0 = SMALL[d[0]] as usize;\n"
                   "            let a1 = core::ptr::null();\n"
                   "            let a2 = GFP[d[1]] as u32;\n") !=
        std::string::npos);
  CHECK(Suite.find("            let value = allocated(r.cast());\n"
                   "            // SAFETY: `r` is what the allocator returned, "
                   "freed once.\n"
                   "            unsafe { bindings::kvfree(r.cast()) };\n"
                   "            Outcome::of(value)\n") != std::string::npos);
  CHECK(Suite.find("const ALIGNMENTS") == std::string::npos);

  // `let r = krealloc(...); r = r as *mut c_void; r`: a store of the local
  // into itself adds no other source.
  Allocates Again("krealloc_noprof", reallocArgs);
  {
    Function &F = Again.M.Functions[0];
    TypeRef Out = F.Ret;
    F.Locals.push_back({"r", Out, false, false});
    std::vector<Stmt> Body;
    Body.push_back(Stmt::let(3, std::move(F.Body)));
    Body.push_back(Stmt::expr(
        makeAssign(makeLocal(3, Out), makeCast(makeLocal(3, Out), Out))));
    F.Body = makeBlock(std::move(Body), makeLocal(3, Out), Out);
  }
  CHECK(Again.plan().V == KernelCheck::Verdict::InSuite);

  Allocates Leaks("krealloc_noprof", reallocArgs, /*ReturnsIt=*/false);
  CHECK(Leaks.plan().Reason == "allocates what it does not return");
  CHECK(Leaks.Records[0].Check.Allocates == Allocation::None);

  // Pages are freed with their order, which must be the helper's argument.
  Allocates Pages("alloc_pages_node_noprof", [] {
    std::vector<ExprPtr> A;
    A.push_back(makeInt(0, i32()));
    A.push_back(makeLocal(2, Type::integer(32, false)));
    A.push_back(makeInt(3, Type::integer(32, false)));
    return A;
  });
  CHECK(Pages.plan().Reason == "allocates pages of an order it computes");
}

TEST_CASE("a translation the bindings hide is called through its re-export",
          "[kernel-check]") {
  KernelSuiteSupport Support;
  Support.HelpersNamedInBindings = {"f"}; // errname(): C's and a helper's
  OneHelper Hidden(i32(), intShape());
  Hidden.plan(Support);
  CHECK(Hidden.Records[0].Check.HiddenByBindings);
  CHECK(emit::emitKunitSuite(Hidden.M, Hidden.Records, "test")
            .Rust.find("bindings::helpers2rs_hidden::f(a0, a1)") !=
        std::string::npos);
  emit::EmitOptions Opts;
  Opts.HiddenHelpers = {"f"};
  CHECK(emit::emitModule(Hidden.M, Opts)
            .find("pub mod helpers2rs_hidden {\n    pub use super::f;\n}\n") !=
        std::string::npos);
  OneHelper Seen(i32(), intShape());
  Seen.plan();
  CHECK(!Seen.Records[0].Check.HiddenByBindings);
}

TEST_CASE("a C function bounded by a length runs on the helper's own "
          "arguments", "[kernel-check]") {
  TypeRef Void = Type::pointer(Type::cvoid(), true);
  auto Memchr = [&](ExprPtr Length) {
    auto C = std::make_unique<Expr>(ExprKind::Call, Void);
    C->Sym = {SymbolKind::BindingsFn, "memchr"};
    C->Ops.push_back(makeLocal(1, Void));
    C->Ops.push_back(makeLocal(0, i32()));
    C->Ops.push_back(std::move(Length));
    return bodyDoing(std::move(C));
  };
  OneHelper Own(Void, pointerTo(0, false, "const void *"),
                Memchr(makeLocal(0, i32())));
  CHECK(Own.plan().V == KernelCheck::Verdict::InSuite);
  // A length the helper computes may run past the object.
  OneHelper Computed(Void, pointerTo(0, false, "const void *"),
                     Memchr(makeInt(4096, i32())));
  CHECK(Computed.plan().Reason == "calls the C function `memchr` on a pointer "
                                  "or length other than its own arguments");
}

TEST_CASE("records of plain data pass by value", "[kernel-check]") {
  OneHelper Uid(Type::record("kuid_t"), {"record", 32, false, 0, true, "kuid_t"});
  CHECK(Uid.plan().V == KernelCheck::Verdict::InSuite);
  std::string Suite = emit::emitKunitSuite(Uid.M, Uid.Records, "test").Rust;
  CHECK(Suite.find("            // SAFETY: the zone is aligned for the record "
                   "and holds its bytes.\n"
                   "            let a1 = unsafe { z.at::<bindings::kuid_t>(0)"
                   ".read() };\n") != std::string::npos);
  OneHelper Holds(Type::record("path"), {"record", 128, false, 0, false, "struct path"});
  CHECK(Holds.plan().Reason == "argument `b` is a `struct path` passed by value");

  OneHelper Returns(i32(), intShape());
  Returns.M.Functions[0].Ret = Type::record("refcount_t");
  Returns.M.Functions[0].Body =
      makeBlock({}, std::make_unique<Expr>(ExprKind::Zeroed, Type::record("refcount_t")),
                Type::record("refcount_t"));
  Returns.Records[0].Sig.Ret = {"record", 32, false, 0, true, "refcount_t"};
  CHECK(Returns.plan().V == KernelCheck::Verdict::InSuite);
  CHECK(emit::emitKunitSuite(Returns.M, Returns.Records, "test").Rust
            .find("Outcome::of(bits(r))") != std::string::npos);
  Returns.Records[0].Sig.Ret = {"record", 128, false, 0, true, "struct pair"};
  CHECK(Returns.plan().Reason == "returns a `struct pair` by value");
}

TEST_CASE("the suite measures what the plan says a helper does",
          "[kernel-check]") {
  KernelSuiteSupport Counts;
  Counts.CountsWarnings = true;
  OneHelper Plain(i32(), intShape());
  Plain.plan(Counts);
  std::string Suite = emit::emitKunitSuite(Plain.M, Plain.Records, "test").Rust;
  CHECK(Suite.find("fn counting_warnings") == std::string::npos);
  CHECK(Suite.find("fn measuring_preempt_count") == std::string::npos);
  // Each grid only where a case uses it: rustc warns of an unused const.
  CHECK(Suite.find("const EDGES") != std::string::npos);
  CHECK(Suite.find("const SMALL") == std::string::npos);

  OneHelper Warns(i32(), intShape(), bugAsm(0x903));
  Warns.plan(Counts);
  Suite = emit::emitKunitSuite(Warns.M, Warns.Records, "test").Rust;
  CHECK(Suite.find("fn counting_warnings") != std::string::npos);
  CHECK(Suite.find("            counting_warnings(|| {\n"
                   "                // SAFETY:") != std::string::npos);

  OneHelper Disables(i32(), intShape(), globalAsm("incq", "__preempt_count"));
  Disables.plan();
  Suite = emit::emitKunitSuite(Disables.M, Disables.Records, "test").Rust;
  CHECK(Suite.find("fn measuring_preempt_count") != std::string::npos);
  CHECK(Suite.find("            let preempt_count = "
                   "core::ptr::addr_of_mut!(bindings::__preempt_count);\n"
                   "            measuring_preempt_count(preempt_count, || {\n") !=
        std::string::npos);
  // A field of a global: through a union, so `unsafe`.
  OneHelper Hot(i32(), intShape(), incrementAt(pcpuHotField("preempt_count")));
  Hot.plan();
  Suite = emit::emitKunitSuite(Hot.M, Hot.Records, "test").Rust;
  CHECK(Suite.find("            let preempt_count = unsafe { "
                   "core::ptr::addr_of_mut!(bindings::pcpu_hot.hot.preempt_count)"
                   " };\n") != std::string::npos);
}

TEST_CASE("the suite calls both sides with the same arguments", "[kernel-check]") {
  OneHelper Atomic(Type::pointer(Type::record("atomic_t"), false),
                   pointerTo(4, true, "atomic_t *"));
  Atomic.plan();
  std::string Suite = emit::emitKunitSuite(Atomic.M, Atomic.Records, "test").Rust;
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
  CHECK(emit::emitKunitSuite(Large.M, Large.Records, "test").Rust.find("fn f()") ==
        std::string::npos);

  // A device (720 bytes) gets 768 and the 128 bytes either side.
  OneHelper Device(Type::pointer(Type::record("device"), false),
                   pointerTo(720, false, "struct device *"));
  Device.plan();
  CHECK(emit::emitKunitSuite(Device.M, Device.Records, "test").Rust
            .find("&[SMALL.len(), PATTERNS.len()], true, 1024, |") !=
        std::string::npos);

  // A function pointer argument is null: stored, never called.
  TypeRef Callback = Type::fnPtr(Type::unit(), {}, false);
  OneHelper Stores(Callback, {"fnptr", 64, false, 0, false, "void (*)(void)"});
  Stores.plan();
  CHECK(emit::emitKunitSuite(Stores.M, Stores.Records, "test").Rust
            .find("            let a1 = None;\n") != std::string::npos);
}

TEST_CASE("without #[kunit_tests], C registers the suite's functions",
          "[kernel-check]") {
  OneHelper Atomic(Type::pointer(Type::record("atomic_t"), false),
                   pointerTo(4, true, "atomic_t *"));
  Atomic.plan();
  emit::KunitSuite Suite = emit::emitKunitSuite(
      Atomic.M, Atomic.Records, "test", emit::KunitSuiteForm::CTable);
  CHECK(Suite.Rust.find("kunit_tests") == std::string::npos);
  CHECK(Suite.Rust.find("#![no_std]") == std::string::npos); // kbuild's
  CHECK(Suite.Rust.find("\nuse kernel::bindings;\n") != std::string::npos);
  CHECK(Suite.Rust.find("\n#[no_mangle]\npub extern \"C\" fn "
                        "helpers2rs_differential_f() -> bool {\n"
                        "    same(\"f\", &[SMALL.len(), PATTERNS.len()], true, "
                        "384, |d, z, c| {\n") != std::string::npos);
  CHECK(Suite.Rust.find("\nfn same(") != std::string::npos);
  CHECK(Suite.C.find("bool helpers2rs_differential_f(void);\n") !=
        std::string::npos);
  CHECK(Suite.C.find("\tKUNIT_EXPECT_TRUE(test, helpers2rs_differential_f());") !=
        std::string::npos);
  CHECK(Suite.C.find("\t{ .run_case = helpers2rs_differential_case_f, "
                     ".name = \"f\" },\n\t{}\n};") != std::string::npos);
  CHECK(Suite.C.find("kunit_test_suite(helpers2rs_differential_suite);") !=
        std::string::npos);
  CHECK(emit::emitKunitSuite(Atomic.M, Atomic.Records, "test").C.empty());
}


TEST_CASE("C functions the suite knows nothing of are replaced by doubles "
          "where the build renames calls",
          "[kernel-check]") {
  KernelSuiteSupport Renames;
  Renames.ReplacesCalls = true;
  TypeRef Lock = Type::pointer(Type::record("raw_spinlock"), false);
  OneHelper Locks(i32(), intShape(),
                  callOf(SymbolKind::BindingsFn, "_raw_spin_lock"));
  Locks.M.BindingsFns.push_back(
      cFunction("_raw_spin_lock", {Lock}, Type::unit()));
  CHECK(Locks.plan().Reason == "calls the C function `_raw_spin_lock`");
  CHECK(Locks.plan(Renames).V == KernelCheck::Verdict::InSuite);
  CHECK(Locks.Records[0].Check.Doubles ==
        std::vector<std::string>{"_raw_spin_lock"});

  // A double records and answers: it cannot take a variable argument list
  // or stop the caller.
  OneHelper Prints(i32(), intShape(), callOf(SymbolKind::BindingsFn, "_printf"));
  Prints.M.BindingsFns.push_back(cFunction("_printf", {Lock}, i32(), true));
  CHECK(Prints.plan(Renames).Reason ==
        "calls the C function `_printf`, which is variadic");
  OneHelper Panics(i32(), intShape(),
                   callOf(SymbolKind::BindingsFn, "__fortify_panic"));
  Panics.M.BindingsFns.push_back(
      cFunction("__fortify_panic", {i32()}, Type::never()));
  CHECK(Panics.plan(Renames).Reason ==
        "calls the C function `__fortify_panic`, which does not return");
  // The suite's own calls are renamed with the helpers': never replaced.
  OneHelper Frees(i32(), intShape(), callOf(SymbolKind::BindingsFn, "kvfree"));
  Frees.M.BindingsFns.push_back(cFunction("kvfree", {Lock}, Type::unit()));
  CHECK(Frees.plan(Renames).Reason == "calls the C function `kvfree`");
  // Nor those the compiler calls for it: the zones are filled by memset().
  OneHelper Fills(i32(), intShape(), callOf(SymbolKind::BindingsFn, "memset"));
  Fills.M.BindingsFns.push_back(
      cFunction("memset", {Lock, i32(), Type::integer(64, false)}, Lock));
  CHECK(Fills.plan(Renames).Reason == "calls the C function `memset`");
  // A double writes nothing: the mutable address of a C global is only
  // recorded (`__request_region(&iomem_resource, ...)`), unlike where a
  // real C function is given it.
  auto Requests = [&](const std::string &Callee,
                      SymbolKind Kind = SymbolKind::BindingsStatic) {
    TypeRef Resource = Type::record("resource");
    auto Global = std::make_unique<Expr>(ExprKind::Path, Resource);
    Global->Sym = {Kind, "iomem_resource"};
    auto Address = std::make_unique<Expr>(ExprKind::AddrOf,
                                          Type::pointer(Resource, false));
    Address->Mutable = true;
    Address->Ops.push_back(std::move(Global));
    auto Call = std::make_unique<Expr>(ExprKind::Call, Type::unit());
    Call->Sym = {SymbolKind::BindingsFn, Callee};
    Call->Ops.push_back(std::move(Address));
    OneHelper H(i32(), intShape(), bodyDoing(std::move(Call)));
    H.M.BindingsFns.push_back(cFunction(
        "__request_region", {Type::pointer(Resource, false)}, Type::unit()));
    H.plan(Renames);
    return H.Records[0].Check;
  };
  CHECK(Requests("__request_region").V == KernelCheck::Verdict::InSuite);
  CHECK(Requests("is_vmalloc_addr").Reason ==
        "takes the mutable address of the C global `iomem_resource`");
  // A function's own static is one object in C and another in Rust.
  CHECK(Requests("__request_region", SymbolKind::LocalStatic).Reason ==
        "passes `__request_region` the address of its static "
        "`iomem_resource`, which C and Rust each have at an address of "
        "their own");
  // So is a string literal.
  auto Named = std::make_unique<Expr>(ExprKind::Call, Type::unit());
  Named->Sym = {SymbolKind::BindingsFn, "_raw_spin_lock"};
  auto Literal = std::make_unique<Expr>(
      ExprKind::ByteStr, Type::pointer(Type::integer(8, true), true));
  Literal->Text = std::string("lock\0", 5);
  Named->Ops.push_back(std::move(Literal));
  OneHelper Names(i32(), intShape(), bodyDoing(std::move(Named)));
  Names.M.BindingsFns = Locks.M.BindingsFns;
  CHECK(Names.plan(Renames).Reason ==
        "passes `_raw_spin_lock` a string literal, which C and Rust each have "
        "at an address of their own");
  // Without the signature, no double.
  OneHelper Unknown(i32(), intShape(), callOf(SymbolKind::ExternFn, "g"));
  CHECK(Unknown.plan(Renames).Reason == "calls the C function `g`");
}

TEST_CASE("the suite gives both sides the doubles", "[kernel-check]") {
  KernelSuiteSupport Renames;
  Renames.ReplacesCalls = true;
  TypeRef Object = Type::pointer(Type::record("object"), false);
  OneHelper Calls(Object, pointerTo(8, true, "struct object *"),
                  callOf(SymbolKind::BindingsFn, "lookup"));
  Calls.M.BindingsFns.push_back(
      cFunction("lookup", {Object, Type::integer(64, false)}, Object));
  Calls.plan(Renames);
  emit::KunitSuite Suite = emit::emitKunitSuite(Calls.M, Calls.Records, "test");
  // The build renames the helper's copy and the function's calls.
  CHECK(Suite.SymbolMap == "rust_helper_f h2r_c_rust_helper_f\n"
                           "lookup h2r_double_lookup\n");
  CHECK(Suite.Rust.find("        #[link_name = \"h2r_c_rust_helper_f\"]\n"
                        "        fn c_f(") != std::string::npos);
  CHECK(Suite.Rust.find(
            "    #[no_mangle]\n"
            "    extern \"C\" fn h2r_double_lookup(a0: *mut bindings::object, "
            "a1: u64) -> *mut bindings::object {\n"
            "        answered_address(called(0, &[address(a0), a1])) as "
            "*mut bindings::object\n    }\n") != std::string::npos);
  // The case's first digit picks the first answer.
  CHECK(Suite.Rust.find("assert!(same(\"f\", &[SMALL.len(), ANSWERS.len(), "
                        "PATTERNS.len()], true, 384, |d, z, c| {\n") !=
        std::string::npos);
  CHECK(Suite.Rust.find("            doubled(d[1], || {\n") != std::string::npos);

  // Without doubles, none of it.
  OneHelper Plain(i32(), intShape());
  Plain.plan(Renames);
  Suite = emit::emitKunitSuite(Plain.M, Plain.Records, "test");
  CHECK(Suite.SymbolMap.empty());
  CHECK(Suite.Rust.find("fn doubled") == std::string::npos);
}

TEST_CASE("a double does not compare the address of the caller's code",
          "[kernel-check]") {
  KernelSuiteSupport Renames;
  Renames.ReplacesCalls = true;
  TypeRef Map = Type::pointer(Type::record("lockdep_map"), false);
  TypeRef Word = Type::integer(64, false, /*PointerSized=*/true);
  // lock_release(map, _THIS_IP_), _THIS_IP_ as the target computes it.
  auto Releases = [&](Arch A, const std::string &Text) {
    auto Here = std::make_unique<Expr>(ExprKind::Asm, Type::unit());
    Here->Text = Text;
    auto Call = std::make_unique<Expr>(ExprKind::Call, Type::unit());
    Call->Sym = {SymbolKind::BindingsFn, "lock_release"};
    Call->Ops.push_back(makeLocal(1, Map));
    std::vector<Stmt> S;
    S.push_back(Stmt::expr(std::move(Here)));
    Call->Ops.push_back(makeBlock(std::move(S), makeInt(0, Word), Word));
    OneHelper H(Map, pointerTo(8, true, "struct lockdep_map *"),
                bodyDoing(std::move(Call)));
    H.M.TargetArch = A;
    H.M.BindingsFns.push_back(cFunction("lock_release", {Map, Word}, Type::unit()));
    H.plan(Renames);
    return H;
  };
  OneHelper X86 = Releases(Arch::X86_64, "lea 0(%rip), {0}");
  INFO(X86.Records[0].Check.Reason);
  REQUIRE(X86.Records[0].Check.V == KernelCheck::Verdict::InSuite);
  CHECK(X86.Records[0].Check.CodeAddressArguments ==
        std::map<std::string, std::set<size_t>>{{"lock_release", {1}}});
  CHECK(emit::emitKunitSuite(X86.M, X86.Records, "test")
            .Rust.find("    extern \"C\" fn h2r_double_lock_release(a0: *mut "
                       "bindings::lockdep_map, _a1: usize) {\n"
                       "        called(0, &[address(a0), 0]);\n") !=
        std::string::npos);
  OneHelper Arm = Releases(Arch::AArch64, "adr {0:x}, .");
  CHECK(Arm.Records[0].Check.CodeAddressArguments.count("lock_release"));
  // Another address relative to the program counter is a value like any.
  OneHelper Table = Releases(Arch::X86_64, "lea table(%rip), {0}");
  CHECK(Table.Records[0].Check.CodeAddressArguments.empty());
}

TEST_CASE("where the suite counts KASAN's reports, a helper that makes "
          "KASAN's checks gets a KASAN case",
          "[kernel-check]") {
  TypeRef Counter = Type::pointer(Type::record("atomic_t"), false);
  auto Checks = [&](TypeRef Second, ValueShape Shape) {
    auto Call = std::make_unique<Expr>(ExprKind::Call, Type::unit());
    Call->Sym = {SymbolKind::BindingsFn, "__kasan_check_write"};
    Call->Ops.push_back(makeLocal(1, Second));
    Call->Ops.push_back(makeInt(4, Type::integer(32, false)));
    OneHelper H(Second, std::move(Shape), bodyDoing(std::move(Call)));
    H.M.BindingsFns.push_back(cFunction(
        "__kasan_check_write",
        {Type::pointer(Type::cvoid(), true), Type::integer(32, false)},
        Type::boolean()));
    return H;
  };
  KernelSuiteSupport Kasan;
  Kasan.ReplacesCalls = true;
  Kasan.CountsKasanReports = true;
  OneHelper Adds = Checks(Counter, pointerTo(4, true, "atomic_t *"));
  const KernelCheck &Planned = Adds.plan(Kasan);
  REQUIRE(Planned.V == KernelCheck::Verdict::InSuite);
  CHECK(Planned.ChecksAddresses);
  CHECK(Planned.Doubles.empty()); // the check is made for real
  std::string Rust = emit::emitKunitSuite(Adds.M, Adds.Records, "test").Rust;
  CHECK(Rust.find("    #[test]\n    fn f_kasan() {\n        assert!(kasan_same(\"f\", "
                  "|bad, c| {\n            let a0: i32 = Default::default();\n"
                  "            let a1: *mut bindings::atomic_t = bad.cast();\n") !=
        std::string::npos);
  CHECK(Rust.find("fn kasan_same(") != std::string::npos);
  // Without the count, the check is a double like any C function, and no
  // KASAN case.
  KernelSuiteSupport Plain;
  Plain.ReplacesCalls = true;
  OneHelper Doubled = Checks(Counter, pointerTo(4, true, "atomic_t *"));
  CHECK(Doubled.plan(Plain).Doubles ==
        std::vector<std::string>{"__kasan_check_write"});
  CHECK_FALSE(Doubled.Records[0].Check.ChecksAddresses);
  CHECK(emit::emitKunitSuite(Doubled.M, Doubled.Records, "test")
            .Rust.find("kasan_same") == std::string::npos);
  // An object larger than the case's bad address stands for: no case.
  OneHelper Large = Checks(Counter, pointerTo(64, true, "struct large *"));
  CHECK(Large.plan(Kasan).V == KernelCheck::Verdict::InSuite);
  CHECK_FALSE(Large.Records[0].Check.ChecksAddresses);
}

TEST_CASE("an argument indexing an array stays inside it", "[kernel-check]") {
  // f(int a, struct dev *b): b->res[a], with `res` an array of 11 ints.
  TypeRef Dev = Type::record("dev");
  TypeRef Res = Type::array(i32(), 11);
  TypeRef IntPtr = Type::pointer(i32(), false);
  auto Indexing = [&](TypeRef Array) {
    auto Field = std::make_unique<Expr>(ExprKind::Field, Array);
    Field->Name = "res";
    auto Place = std::make_unique<Expr>(ExprKind::Deref, Dev);
    Place->Ops.push_back(makeLocal(1, Type::pointer(Dev, false)));
    Field->Ops.push_back(std::move(Place));
    auto Address = std::make_unique<Expr>(ExprKind::AddrOf,
                                          Type::pointer(Array, false));
    Address->Mutable = true;
    Address->Ops.push_back(std::move(Field));
    auto Offset = std::make_unique<Expr>(ExprKind::Method, IntPtr);
    Offset->Name = "wrapping_offset";
    Offset->Ops.push_back(makeCast(std::move(Address), IntPtr));
    Offset->Ops.push_back(
        makeCast(makeLocal(0, i32()), Type::integer(64, true, true)));
    auto Read = std::make_unique<Expr>(ExprKind::Deref, i32());
    Read->Ops.push_back(std::move(Offset));
    OneHelper H(Type::pointer(Dev, false), pointerTo(64, true, "struct dev *"),
                bodyDoing(std::move(Read)));
    H.plan();
    return H;
  };
  OneHelper Bounded = Indexing(Res);
  INFO(Bounded.Records[0].Check.Reason);
  REQUIRE(Bounded.Records[0].Check.V == KernelCheck::Verdict::InSuite);
  CHECK(Bounded.Records[0].Check.IndexBounds ==
        std::map<size_t, uint64_t>{{0, 11}});
  std::string Rust =
      emit::emitKunitSuite(Bounded.M, Bounded.Records, "test").Rust;
  CHECK(Rust.find("&[below(&SMALL, 11), PATTERNS.len()]") !=
        std::string::npos);
  CHECK(Rust.find("let a0 = SMALL[d[0]] as i32;") != std::string::npos);
  CHECK(Rust.find("fn below(grid: &[u64], bound: u64) -> usize") !=
        std::string::npos);
  // A flexible array member has no bound.
  OneHelper Flexible = Indexing(Type::array(i32(), 0));
  CHECK(Flexible.Records[0].Check.IndexBounds.empty());
}

TEST_CASE("the suite's object names the keys of the static calls it makes",
          "[kernel-check]") {
  // { static mut KEPT: *mut c_void = addr_of_mut!(__SCK__WARN_trap) as _;
  //   __SCT__WARN_trap(); 0 }: __static_call(WARN_trap)() as translated.
  TypeRef Key = Type::record("static_call_key");
  auto Global = std::make_unique<Expr>(ExprKind::Path, Key);
  Global->Sym = {SymbolKind::BindingsStatic, "__SCK__WARN_trap"};
  auto Address =
      std::make_unique<Expr>(ExprKind::AddrOf, Type::pointer(Key, false));
  Address->Mutable = true;
  Address->Ops.push_back(std::move(Global));
  Stmt Kept(Stmt::Kind::Static);
  Kept.Item.Name = "KEPT";
  Kept.Item.Ty = Type::pointer(Type::cvoid(), false);
  Kept.Item.Init = makeCast(std::move(Address), Kept.Item.Ty);
  auto Call = std::make_unique<Expr>(ExprKind::Call, Type::unit());
  Call->Sym = {SymbolKind::BindingsFn, "__SCT__WARN_trap"};
  std::vector<Stmt> S;
  S.push_back(std::move(Kept));
  S.push_back(Stmt::expr(std::move(Call)));
  OneHelper H(i32(), intShape(),
              makeBlock(std::move(S), makeInt(0, i32()), i32()));
  H.M.BindingsFns.push_back(cFunction("__SCT__WARN_trap", {}, Type::unit()));
  // A static's initialiser is the compiler's: taking a global's address
  // there changes nothing when the helper runs.
  const KernelCheck &Check = H.plan({/*CountsWarnings=*/true});
  INFO(Check.Reason);
  REQUIRE(Check.V == KernelCheck::Verdict::InSuite);
  CHECK(Check.StaticCalls == std::set<std::string>{"WARN_trap"});
  std::string Rust = emit::emitKunitSuite(H.M, H.Records, "test").Rust;
  CHECK(Rust.find("        static __SCK__WARN_trap: u8;\n") !=
        std::string::npos);
  CHECK(Rust.find("    #[link_section = \".discard.addressable\"]\n"
                  "    static mut WARN_TRAP_KEY: *const u8 = "
                  "core::ptr::addr_of!(__SCK__WARN_trap);\n") !=
        std::string::npos);
}
