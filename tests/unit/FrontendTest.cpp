// Frontend tests: small C inputs through Clang, checked in the IR and the
// report, and the resulting Rust compiled by rustc.
#include "RustCompile.h"
#include "emitter/RustEmitter.h"
#include "frontend/kernel/GccFlags.h"
#include "frontend/Translator.h"
#include "ir/Passes.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace h2r;

namespace {

struct Translation {
  frontend::TranslationOutput Out;
  bool Ok;
};

Translation translateSource(const std::string &Name, const std::string &Code,
                            bool SelfTypes = true,
                            std::vector<std::string> Flags = {"-O2"}) {
  std::string Dir = H2R_TEST_TMP;
  mkdir(Dir.c_str(), 0755);
  std::string Path = Dir + "/" + Name + ".c";
  std::ofstream(Path) << Code;
  clang::tooling::FixedCompilationDatabase DB(Dir, Flags);
  frontend::TranslateOptions Opts;
  Opts.SelfTypes = SelfTypes;
  Translation T;
  T.Ok = frontend::translate(DB, {Path}, Opts, T.Out);
  return T;
}

const ir::HelperRecord &helper(const Translation &T, const std::string &Name) {
  for (const auto &H : T.Out.Report.Helpers)
    if (H.Name == Name)
      return H;
  FAIL("no helper " << Name);
  throw;
}

std::string emitAndCompile(Translation &T, const std::string &Name) {
  ir::runModulePasses(T.Out.Module, ir::PassOptions());
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  std::string Rust = emit::emitModule(T.Out.Module, O);
  auto R = test::compileRust(Rust, Name);
  INFO(Rust);
  INFO(R.Diagnostics);
  REQUIRE(R.Ok);
  return Rust;
}

} // namespace

TEST_CASE("helpers are found by prefix and by the __rust_helper marker",
          "[frontend]") {
  Translation T = translateSource("discovery", R"(
#define __rust_helper
int rust_helper_one(int a) { return a; }
__rust_helper int two(int a) { return a + 1; }
int not_a_helper(int a) { return a; }
static inline int rust_helper_static_inline_is_not_exported(void);
)");
  REQUIRE(T.Ok);
  std::vector<std::string> Names;
  for (const auto &H : T.Out.Report.Helpers)
    Names.push_back(H.Name + "=" + H.RustName);
  CHECK(Names == std::vector<std::string>{"rust_helper_one=one", "two=two"});
}

TEST_CASE("the closure is transitive and skips unevaluated operands",
          "[frontend]") {
  Translation T = translateSource("closure", R"(
static inline int leaf(int x) { return x * 2; }
static inline int mid(int x) { return leaf(x) + 1; }
static inline int only_in_sizeof(void) { return 3; }
static inline int callback(int x) { return x; }
int apply(int (*f)(int), int x);
int rust_helper_top(int x) {
  return mid(x) + (int)sizeof(only_in_sizeof()) + apply(callback, x);
}
)");
  REQUIRE(T.Ok);
  const auto &H = helper(T, "rust_helper_top");
  CHECK(H.St == ir::HelperRecord::Status::Translated);
  CHECK(H.Closure == std::vector<std::string>{"mid", "leaf", "callback"});
  bool CallbackHasCAbi = false;
  for (const auto &F : T.Out.Module.Functions)
    if (F.CName == "callback")
      CallbackHasCAbi = F.ExternAbi;
  CHECK(CallbackHasCAbi); // its address is taken
  std::string Rust = emitAndCompile(T, "closure");
  CHECK_THAT(Rust, Catch::Contains("pub fn apply(arg0: Option<unsafe extern \"C\" fn(i32) -> i32>, arg1: i32) -> i32;"));
  CHECK_THAT(Rust, !Catch::Contains("only_in_sizeof"));
}

TEST_CASE("an untranslatable construct makes exactly its helpers fall back",
          "[frontend]") {
  Translation T = translateSource("fallback", R"(
#define barrier() __asm__ __volatile__("1%=:" ::: "memory")
#define my_barrier() barrier()
static inline void fence(void) { my_barrier(); }
static inline int twice(int x) { return x * 2; }
void rust_helper_fence(void) { fence(); }
int rust_helper_twice(int x) { return twice(x); }
)");
  REQUIRE(T.Ok);
  const auto &Fence = helper(T, "rust_helper_fence");
  REQUIRE(Fence.St == ir::HelperRecord::Status::Fallback);
  REQUIRE(Fence.Reasons.size() == 1);
  const ir::FallbackReason &Why = Fence.Reasons[0];
  CHECK(Why.Construct == "asm-constraint-unsupported"); // %= has no Rust form
  CHECK(Why.Function == "fence");
  CHECK(Why.Loc.Line == 4);
  REQUIRE(Why.MacroChain.size() == 2);
  CHECK(Why.MacroChain[0].Macro == "barrier");
  CHECK(Why.MacroChain[1].Macro == "my_barrier");
  CHECK(Why.MacroChain[1].Loc.Line == 4);
  CHECK(helper(T, "rust_helper_twice").St ==
        ir::HelperRecord::Status::Translated);
  // The fallback is declared so Rust calls one API either way.
  REQUIRE(T.Out.Module.Fallbacks.size() == 1);
  CHECK(T.Out.Module.Fallbacks[0].RustName == "fence");
  std::string Rust = emitAndCompile(T, "fallback");
  CHECK_THAT(Rust, !Catch::Contains("fn fence() {"));
}

TEST_CASE("self-mode records reproduce Clang's layout", "[frontend]") {
  Translation T = translateSource("layout", R"(
struct __attribute__((packed)) p { char c; int i; short s; };
struct bits { unsigned a : 3; int b : 7; unsigned long long c : 50; char d; };
struct anon { int x; union { int i; float f; }; struct { char a, b; } pair; };
struct __attribute__((aligned(32))) wide { char c; };
int rust_helper_use(struct p *p, struct bits *b, struct anon *a, struct wide *w) {
  return p->i + b->b + a->i + a->pair.b + w->c;
}
)");
  REQUIRE(T.Ok);
  REQUIRE(helper(T, "rust_helper_use").St ==
          ir::HelperRecord::Status::Translated);
  std::map<std::string, const ir::RecordDef *> Records;
  for (const auto &R : T.Out.Module.Records)
    Records[R.Name] = &R;
  REQUIRE(Records.count("p"));
  CHECK(Records["p"]->Size == 7);
  CHECK(Records["p"]->PackedTo == 1);
  CHECK(Records["bits"]->Bitfields.size() == 3);
  CHECK(Records["wide"]->AlignAttr == 32);
  CHECK(Records.count("anon__bindgen_ty_1"));
  CHECK(Records.count("anon__bindgen_ty_2"));
  std::string Rust = emitAndCompile(T, "layout");
  // rustc has checked size, alignment and offsets against Clang's numbers.
  CHECK_THAT(Rust, Catch::Contains("(*a).__bindgen_anon_1.i"));
  CHECK_THAT(Rust, Catch::Contains("(*a).pair.b"));
}

TEST_CASE("globals and extern functions are declared, not defined",
          "[frontend]") {
  Translation T = translateSource("externs", R"(
extern int counter;
extern const char *const names[4];
void log_it(const char *fmt, ...);
int rust_helper_bump(void) { log_it("n=%d", counter); return ++counter; }
)");
  REQUIRE(T.Ok);
  std::string Rust = emitAndCompile(T, "externs");
  CHECK_THAT(Rust, Catch::Contains("pub static mut counter: i32;"));
  CHECK_THAT(Rust, Catch::Contains("pub fn log_it(arg0: *const i8, ...);"));
  CHECK_THAT(Rust, Catch::Contains("log_it(c\"n=%d\".as_ptr(), "));
}

TEST_CASE("a file that does not compile reports failure", "[frontend]") {
  Translation T = translateSource("broken", "int rust_helper_x(void) { return y; }");
  CHECK_FALSE(T.Ok);
}

TEST_CASE("GCC-only flags of a kernel command are dropped, the rest kept",
          "[frontend]") {
  std::vector<std::string> Cmd = {
      "clang-19", "-nostdinc", "-Werror=unknown-warning-option",
      "-Wno-maybe-uninitialized", "-Wimplicit-fallthrough=5", "-Wall",
      "-Wframe-larger-than=2048", "-fconserve-stack", "-mrecord-mcount",
      "-mfentry", "-Wno-sign-compare", "-DKBUILD_MODNAME=\"x\"", "-c",
      "-o", "x.o", "x.c"};
  frontend::FilteredCommand F = frontend::filterGccOnlyFlags(Cmd);
  REQUIRE(F.Error.empty());
  std::vector<std::string> Dropped;
  for (const auto &D : F.Dropped)
    Dropped.push_back(D.Flag);
  CHECK(Dropped == std::vector<std::string>{"-Wno-maybe-uninitialized",
                                            "-Wimplicit-fallthrough=5",
                                            "-fconserve-stack",
                                            "-mrecord-mcount"});
  CHECK(F.Args.size() == Cmd.size() - 4);
  CHECK(F.Args.back() == "x.c");

  frontend::FilteredCommand Bad =
      frontend::filterGccOnlyFlags({"clang-19", "-c", "x.c", "-o"});
  CHECK_FALSE(Bad.Error.empty());
}

TEST_CASE("members of an opaque type are reached by offset, bitfields not",
          "[frontend]") {
  std::string Dir = H2R_TEST_TMP;
  std::string Path = Dir + "/opaque.c";
  std::ofstream(Path) << R"(
struct spinlock { int raw; unsigned flag : 1; };
static inline int peek(struct spinlock *l) { return l->raw; }
int rust_helper_peek(struct spinlock *l) { return peek(l); }
void *rust_helper_pass(struct spinlock *l) { return l; }
unsigned rust_helper_flag(struct spinlock *l) { return l->flag; }
)";
  clang::tooling::FixedCompilationDatabase DB(Dir, {"-O2"});
  frontend::TranslateOptions Opts;
  Opts.OpaqueTypes = {"spin.*"};
  frontend::TranslationOutput Out;
  REQUIRE(frontend::translate(DB, {Path}, Opts, Out));
  REQUIRE(Out.Report.Helpers.size() == 3);
  CHECK(Out.Report.Helpers[0].St == ir::HelperRecord::Status::Translated);
  CHECK(Out.Report.Helpers[1].St == ir::HelperRecord::Status::Translated);
  CHECK(Out.Report.Helpers[2].St == ir::HelperRecord::Status::Fallback);
  CHECK(Out.Report.Helpers[2].Reasons[0].Construct == "opaque-type");
  REQUIRE(Out.Module.OpaqueLayouts.size() == 1);
  CHECK(Out.Module.OpaqueLayouts[0].Name == "spinlock");
  CHECK(Out.Module.OpaqueLayouts[0].Size == 8);
  CHECK(Out.Module.OpaqueLayouts[0].Align == 4);
}

TEST_CASE("asm that pushes keeps the stack aligned; the rest is nostack",
          "[frontend]") {
  Translation T = translateSource("stack", R"(
void rust_helper_quiet(void) { asm volatile("nop"); }
void rust_helper_pushes(void) { asm volatile("pushfq; popfq"); }
_Bool rust_helper_flag(unsigned long *p) {
  _Bool c;
  asm volatile("btq $0, %1" : "=@ccc"(c) : "m"(*p));
  return c;
}
)");
  REQUIRE(T.Ok);
  std::string Rust = emitAndCompile(T, "stack");
  CHECK_THAT(Rust, Catch::Contains("\"nop\",\n            options(att_syntax, nostack)"));
  CHECK_THAT(Rust, Catch::Contains("\"pushfq; popfq\",\n            options(att_syntax)\n"));
  // setc writes 0 or 1: the bool is that byte, with no compare.
  CHECK_THAT(Rust, Catch::Contains("core::mem::transmute::<u8, bool>(__flag)"));
}

TEST_CASE("asm of an architecture with no asm target stays in C",
          "[frontend]") {
  Translation T = translateSource("riscv", R"(
void rust_helper_barrier(void) { asm volatile("fence rw, rw" ::: "memory"); }
void rust_helper_trap(void) { __builtin_trap(); }
int rust_helper_add(int a, int b) { return a + b; }
)",
                                  true,
                                  {"-O2", "--target=riscv64-linux-gnu",
                                   "-ffreestanding"});
  REQUIRE(T.Ok);
  const ir::HelperRecord &Barrier = helper(T, "rust_helper_barrier");
  REQUIRE(Barrier.St == ir::HelperRecord::Status::Fallback);
  CHECK(Barrier.Reasons[0].Construct == "asm-target-unsupported");
  CHECK(Barrier.Reasons[0].Message == "asm for riscv64 has no translation");
  const ir::HelperRecord &Trap = helper(T, "rust_helper_trap");
  REQUIRE(Trap.St == ir::HelperRecord::Status::Fallback);
  CHECK(Trap.Reasons[0].Message ==
        "'__builtin_trap' has no translation on riscv64");
  CHECK(helper(T, "rust_helper_add").St ==
        ir::HelperRecord::Status::Translated);
  // No x86 form reaches the output.
  CHECK_THAT(emitAndCompile(T, "riscv"), !Catch::Contains("asm!"));
}

TEST_CASE("a constant argument decides the BUILD_BUG branches of the "
          "function it is passed to",
          "[frontend]") {
  // arm64's cpucap_is_possible(): the capability is checked twice, once
  // through __builtin_constant_p and once by value; __arch_xchg(): a switch
  // on the size whose default is BUILD_BUG().
  Translation T = translateSource("buildbug", R"(
#define __always_inline inline __attribute__((__always_inline__))
extern void not_constant(void) __attribute__((__error__("cap must be a constant")));
extern void too_big(void) __attribute__((__error__("cap must be < 64")));
extern void bad_size(void) __attribute__((__error__("bad size")));
static __always_inline _Bool possible(const unsigned int cap)
{
	if (!__builtin_constant_p(cap))
		not_constant();
	if (!(cap < 64))
		too_big();
	return cap != 3;
}
static __always_inline unsigned long xchg_sized(unsigned long x, int size)
{
	switch (size) {
	case 4: return x + 4;
	case 8: return x + 8;
	default: bad_size();
	}
	__builtin_unreachable();
}
int rust_helper_possible(void) { return possible(5); }
unsigned long rust_helper_xchg(unsigned long *p)
{
	return xchg_sized(1, sizeof(*p));
}
)");
  REQUIRE(T.Ok);
  CHECK(helper(T, "rust_helper_possible").St ==
        ir::HelperRecord::Status::Translated);
  CHECK(helper(T, "rust_helper_xchg").St ==
        ir::HelperRecord::Status::Translated);
  std::string Rust = emitAndCompile(T, "buildbug");
  CHECK_THAT(Rust, Catch::Contains("fn possible__5()"));
  CHECK_THAT(Rust, Catch::Contains("fn xchg_sized__8(x: u64) -> u64 {\n"
                                   "        x.wrapping_add(8_u64)\n"));
}

TEST_CASE("char is the bindings' c_char, widened by C's signedness",
          "[frontend]") {
  const char *Code = R"(
int rust_helper_first(const char *s) { return s[0]; }
const char *rust_helper_name(void) { return "abc"; }
)";
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Bindgen;
  // bindgen writes core::ffi::c_char, i8 on x86-64, whatever the flags.
  Translation Unsigned = translateSource("uchar", Code, /*SelfTypes=*/false,
                                         {"-O2", "-funsigned-char"});
  REQUIRE(Unsigned.Ok);
  std::string Rust = emit::emitModule(Unsigned.Out.Module, O);
  CHECK_THAT(Rust, Catch::Contains("fn first(s: *const i8) -> i32"));
  CHECK_THAT(Rust, Catch::Contains("as u8 as i32"));
  CHECK_THAT(Rust, Catch::Contains("fn name() -> *const i8"));
  Translation Signed = translateSource("schar", Code, /*SelfTypes=*/false);
  REQUIRE(Signed.Ok);
  Rust = emit::emitModule(Signed.Out.Module, O);
  CHECK_THAT(Rust, Catch::Contains("fn first(s: *const i8) -> i32"));
  CHECK_THAT(Rust, !Catch::Contains("as u8"));
  // Its own types follow C's char.
  Translation Own = translateSource("ownchar", Code, /*SelfTypes=*/true,
                                    {"-O2", "-funsigned-char"});
  REQUIRE(Own.Ok);
  CHECK_THAT(emitAndCompile(Own, "ownchar"),
             Catch::Contains("fn first(s: *const u8) -> i32"));
}
