// helpers.o's own compile command: the macros its sanitizers define, and a
// helper parsed with them taking the branch helpers.o takes.
#include "RustCompile.h"
#include "emitter/RustEmitter.h"
#include "frontend/kernel/BodyCompile.h"
#include "frontend/kernel/CompileMacros.h"
#include "frontend/Translator.h"
#include "ir/Passes.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace h2r;

namespace {

std::string writeFile(const std::string &Name, const std::string &Text) {
  std::string Dir = H2R_TEST_TMP;
  mkdir(Dir.c_str(), 0755);
  std::string Path = Dir + "/" + Name;
  std::ofstream(Path) << Text;
  return Path;
}

// Path translated for x86-64 (self types, Rust 1.87) with the macros a body
// compile defines for its sanitizers; the Rust compiles.
std::string translated(const std::string &Path, std::vector<std::string> Macros,
                       const std::string &Name) {
  clang::tooling::FixedCompilationDatabase DB(
      H2R_TEST_TMP, {"-O2", "--target=x86_64-linux-gnu"});
  frontend::TranslateOptions Opts;
  Opts.SelfTypes = true;
  Opts.Rust.Minor = 87;
  Opts.BodySanitizerMacros = std::move(Macros);
  frontend::TranslationOutput Out;
  REQUIRE(frontend::translate(DB, {Path}, Opts, Out));
  ir::runModulePasses(Out.Module, ir::PassOptions());
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  O.Version = {1, 87};
  std::string Rust = emit::emitModule(Out.Module, O);
  auto R = test::compileRust(Rust, Name);
  INFO(Rust << R.Diagnostics);
  REQUIRE(R.Ok);
  return Rust;
}

std::string errorOf(const std::string &Path) {
  llvm::Expected<frontend::BodyCompile> B = frontend::readBodyCompile(Path);
  REQUIRE(!static_cast<bool>(B));
  return llvm::toString(B.takeError());
}

} // namespace

TEST_CASE("sanitizers say which macros the compiler defines", "[body-compile]") {
  using V = std::vector<std::string>;
  CHECK(frontend::sanitizerMacros({"gcc", "-fsanitize=kernel-address",
                                   "--param", "asan-stack=1", "-c"}) ==
        V{"__SANITIZE_ADDRESS__"});
  // KCSAN; HWASAN; both spellings of KASAN once.
  CHECK(frontend::sanitizerMacros({"clang", "-fsanitize=thread"}) ==
        V{"__SANITIZE_THREAD__"});
  CHECK(frontend::sanitizerMacros({"clang", "-fsanitize=kernel-hwaddress"}) ==
        V{"__SANITIZE_HWADDRESS__"});
  CHECK(frontend::sanitizerMacros(
            {"gcc", "-fsanitize=address,kernel-address"}) ==
        V{"__SANITIZE_ADDRESS__"});
  // The last word on a sanitizer wins; UBSAN's checks define nothing.
  CHECK(frontend::sanitizerMacros({"gcc", "-fsanitize=kernel-address",
                                   "-fno-sanitize=kernel-address"})
            .empty());
  CHECK(frontend::sanitizerMacros(
            {"gcc", "-fsanitize=bounds-strict", "-fsanitize=shift"})
            .empty());
}

TEST_CASE("a kbuild command file or a bare command is read", "[body-compile]") {
  std::string Saved = writeFile(
      "helpers.o.cmd",
      "savedcmd_rust/helpers/helpers.o := gcc -Wp,-MMD,rust/helpers/.d "
      "-DKBUILD_MODNAME='\"helpers\"' -fsanitize=kernel-address -c -o "
      "rust/helpers/helpers.o rust/helpers/helpers.c\n\nsource_x := y\n");
  llvm::Expected<frontend::BodyCompile> B = frontend::readBodyCompile(Saved);
  REQUIRE(static_cast<bool>(B));
  CHECK(B->Command.front() == "gcc");
  CHECK(B->Command[2] == "-DKBUILD_MODNAME=\"helpers\"");
  CHECK(B->SanitizerMacros == std::vector<std::string>{"__SANITIZE_ADDRESS__"});
  CHECK(B->Uninstrumented.empty()); // rustc instruments for KASAN too

  llvm::Expected<frontend::BodyCompile> Bare = frontend::readBodyCompile(
      writeFile("bare.cmd", "clang -fsanitize=thread -c a.c\n"));
  REQUIRE(static_cast<bool>(Bare));
  CHECK(Bare->SanitizerMacros == std::vector<std::string>{"__SANITIZE_THREAD__"});
  CHECK(Bare->Uninstrumented == std::vector<std::string>{"thread"});
  // UBSAN's, the last option of each kind winning.
  CHECK(frontend::uninstrumentedSanitizers(
            {"gcc", "-fsanitize=shift,bounds-strict", "-fsanitize=kcfi",
             "-fno-sanitize=shift"}) ==
        std::vector<std::string>{"bounds-strict"});

  // objtool run on the object after the compile (a randconfig's
  // CONFIG_OBJTOOL without vmlinux-wide runs) is not part of it.
  llvm::Expected<frontend::BodyCompile> Then = frontend::readBodyCompile(
      writeFile("objtool.cmd", "savedcmd_x.o := gcc -c -o x.o x.c ; "
                               "./tools/objtool/objtool --hacks=jump_label x.o\n"));
  REQUIRE(static_cast<bool>(Then));
  CHECK(Then->Command == std::vector<std::string>{"gcc", "-c", "-o", "x.o", "x.c"});
  llvm::Expected<frontend::BodyCompile> Glued = frontend::readBodyCompile(
      writeFile("glued.cmd", "gcc -c x.c; objtool x.o\n"));
  REQUIRE(static_cast<bool>(Glued));
  CHECK(Glued->Command == std::vector<std::string>{"gcc", "-c", "x.c"});

  std::string Missing = std::string(H2R_TEST_TMP) + "/no-such.cmd";
  CHECK(errorOf(Missing).rfind(Missing + ":1:1: error: cannot read", 0) == 0);
  CHECK(errorOf(writeFile("empty.cmd", "\n")).find(
            ":1:1: error: no compile command") != std::string::npos);
  CHECK(errorOf(writeFile("broken.cmd", "savedcmd_x gcc -c\n"))
            .find("without ':='") != std::string::npos);
}

TEST_CASE("a helper parsed with helpers.o's sanitizer macros keeps its check",
          "[body-compile]") {
  std::string Path = writeFile("kasan.c", R"(
#ifdef __SANITIZE_ADDRESS__
_Bool __kasan_check_read(const volatile void *p, unsigned int size);
static inline _Bool kasan_check_read(const volatile void *p, unsigned int n)
{ return __kasan_check_read(p, n); }
#else
static inline _Bool kasan_check_read(const volatile void *p, unsigned int n)
{ return 1; }
#endif
int rust_helper_read(int *p) { kasan_check_read(p, sizeof(*p)); return *p; }
)");
  auto Translate = [&](std::vector<std::string> Defines) {
    return translated(Path, std::move(Defines), "kasan");
  };
  CHECK(Translate({"__SANITIZE_ADDRESS__"}).find("__kasan_check_read(") !=
        std::string::npos);
  CHECK(Translate({}).find("__kasan_check_read(") == std::string::npos);
}

TEST_CASE("predefined macros are read from -dM output and compared",
          "[body-compile]") {
  frontend::MacroTable Gcc = frontend::parseMacroDefinitions(
      "#define __GNUC__ 14\n#define __OPTIMIZE__ 1\n"
      "#define __INT64_C(c) c ## L\n#define KBUILD_MODNAME \"helpers\"\n"
      "#define GONE 1\n#undef GONE\n# 1 \"<command line>\" 1\n");
  CHECK(Gcc.size() == 4);
  CHECK(Gcc.at("__INT64_C") == "(c) c ## L");
  CHECK(Gcc.at("__OPTIMIZE__") == "1");
  frontend::MacroTable Clang = frontend::parseMacroDefinitions(
      "#define __GNUC__ 4\n#define __OPTIMIZE__ 1\n#define __clang__ 1\n"
      "#define KBUILD_MODNAME \"helpers\"\n#define EMPTY\n");
  CHECK(Clang.at("EMPTY").empty());
  std::vector<ir::MacroDifferenceRecord> D =
      frontend::compareMacros(Gcc, Clang);
  // By name; the same definitions are no difference.
  REQUIRE(D.size() == 4);
  CHECK(D[0].Name == "EMPTY");
  CHECK((!D[0].Compile && D[0].Parse == std::string()));
  CHECK((D[1].Name == "__GNUC__" && D[1].Compile == "14" && D[1].Parse == "4"));
  CHECK((D[2].Name == "__INT64_C" && !D[2].Parse));
  CHECK((D[3].Name == "__clang__" && !D[3].Compile && D[3].Parse == "1"));
}

TEST_CASE("only reviewed differences are harmless", "[body-compile]") {
  using V = std::vector<std::string>;
  using Resolution = ir::MacroChange::Resolution;
  auto Reviewed = [](V Chain) { return frontend::reviewedDifference(Chain); };
  // The asm operand placement GCC and clang spell differently.
  CHECK(Reviewed(V{"__clang__", "ASM_INPUT_RM"})->Res ==
        Resolution::SameMeaning);
  CHECK(Reviewed(V{"__clang__", "CC_HAS_TYPEOF_UNQUAL", "USE_TYPEOF_UNQUAL",
                   "__unqual_scalar_typeof"}));
  CHECK(Reviewed(V{"MODULE", "static_call_mod"})->Res ==
        Resolution::SameMeaning);
  // An allocation tag must be the one helpers.o defines.
  CHECK(Reviewed(V{"MODULE", "DEFINE_ALLOC_TAG"})->Res ==
        Resolution::ParsedAsCompiled);
  // The same macro from another root, and any sanitizer, are not reviewed.
  CHECK(!Reviewed(V{"FLAVOUR", "ASM_INPUT_RM"}));
  CHECK(!Reviewed(V{"__SANITIZE_ADDRESS__", "kasan_check_read"}));
  CHECK(!Reviewed(V{"__clang__"}));
  CHECK(frontend::compiledDefinitionOption({{"A", "2"}}, "A") == "-DA=2");
  CHECK(frontend::compiledDefinitionOption({{"A", "2"}}, "MODULE") ==
        "-UMODULE");
}

TEST_CASE("an allocation tag is parsed again as helpers.o compiles it",
          "[body-compile]") {
  // The shape of <linux/alloc_tag.h>: a module's tag gets its counters from
  // the module loader, a built-in one has its own.
  std::string Path = writeFile("alloc_tag.c", R"(
struct counters { unsigned long long bytes, calls; };
struct tag {
  const char *modname, *function;
  struct counters *counters;
};
#ifdef MODULE
#define CT_MODULE_NAME KBUILD_MODNAME
#else
#define CT_MODULE_NAME 0
#endif
#ifdef MODULE
#define DEFINE_ALLOC_TAG(t)                                                  \
  static struct tag t __attribute__((used, section("alloc_tags"))) =        \
      { CT_MODULE_NAME, __func__, 0 }
#else
#define DEFINE_ALLOC_TAG(t)                                                  \
  static struct counters t##_cntr;                                           \
  static struct tag t __attribute__((used, section("alloc_tags"))) =        \
      { CT_MODULE_NAME, __func__, &t##_cntr }
#endif
void *alloc_noprof(unsigned long n, struct tag *t);
#define alloc(n) ({ DEFINE_ALLOC_TAG(_tag); alloc_noprof(n, &_tag); })
static inline int twice(int x) { return 2 * x; }
void *rust_helper_alloc(unsigned long n) { return alloc(n); }
int rust_helper_twice(int x) { return twice(x); }
)");
  // Each object has its own KBUILD_MODNAME: a module's tag names it, so the
  // first parse's tag differs from helpers.o's in it as well.
  llvm::Expected<frontend::MacroTable> Compiled =
      frontend::compilerPredefines({"clang-19", "-O2",
                                    "--target=x86_64-linux-gnu",
                                    "-DKBUILD_MODNAME=\"helpers\""},
                                   "helpers.cmd");
  REQUIRE(static_cast<bool>(Compiled));
  std::vector<std::string> Flags = {"-O2", "--target=x86_64-linux-gnu",
                                    "-DKBUILD_MODNAME=\"bindings\"",
                                    "-DMODULE"};
  clang::tooling::FixedCompilationDatabase DB(H2R_TEST_TMP, Flags);
  frontend::TranslateOptions Opts;
  Opts.SelfTypes = true;
  Opts.Rust.Minor = 87;
  Opts.BodyMacros = *Compiled;
  frontend::TranslationOutput Out;
  REQUIRE(frontend::translate(DB, {Path}, Opts, Out));
  // In source order, both translated; the change says how it was met.
  REQUIRE(Out.Report.Helpers.size() == 2);
  const ir::HelperRecord &Alloc = Out.Report.Helpers[0];
  CHECK(Alloc.Name == "rust_helper_alloc");
  CHECK(Alloc.St == ir::HelperRecord::Status::Translated);
  REQUIRE(Alloc.MacroChanges.size() == 2);
  CHECK(Alloc.MacroChanges[0].Chain ==
        std::vector<std::string>{"MODULE", "DEFINE_ALLOC_TAG"});
  CHECK(Alloc.MacroChanges[1].Chain ==
        std::vector<std::string>{"MODULE", "CT_MODULE_NAME"});
  for (const ir::MacroChange &C : Alloc.MacroChanges)
    CHECK(C.Res == ir::MacroChange::Resolution::ParsedAsCompiled);
  CHECK(Out.Report.Helpers[1].Name == "rust_helper_twice");
  CHECK(Out.Report.Helpers[1].MacroChanges.empty());
  ir::runModulePasses(Out.Module, ir::PassOptions());
  REQUIRE(Out.Module.Functions.size() >= 2);
  CHECK(Out.Module.Functions[0].CName == "rust_helper_alloc");
  CHECK(Out.Module.Functions[1].CName == "rust_helper_twice");
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  O.Version = {1, 87};
  std::string Rust = emit::emitModule(Out.Module, O);
  auto R = test::compileRust(Rust, "alloc_tag");
  INFO(Rust << R.Diagnostics);
  REQUIRE(R.Ok);
  // The built-in form: the tag points to its own counters, and names no
  // module.
  CHECK(Rust.find("_tag_cntr") != std::string::npos);
  CHECK(Rust.find("c\"bindings\"") == std::string::npos);
  CHECK(Rust.find("#[link_section = \"alloc_tags\"]") != std::string::npos);
}

TEST_CASE("the compile's compiler lists its predefined macros",
          "[body-compile]") {
  // clang-19 for helpers.o with its sanitizer, dependency file, output,
  // -include and input left out.
  llvm::Expected<frontend::MacroTable> M = frontend::compilerPredefines(
      {"clang-19", "-Wp,-MMD,x.d", "-include", "/no/such/header.h",
       "-DKBUILD_MODNAME=\"helpers\"", "-O2", "-c", "-o", "x.o", "x.c"},
      "x.cmd");
  REQUIRE(static_cast<bool>(M));
  CHECK(M->at("KBUILD_MODNAME") == "\"helpers\"");
  CHECK(M->at("__OPTIMIZE__") == "1");
  CHECK(M->count("__clang__"));
  llvm::Expected<frontend::MacroTable> Bad = frontend::compilerPredefines(
      {"clang-19", "-fno-such-option"}, "bad.cmd");
  REQUIRE(!static_cast<bool>(Bad));
  CHECK(llvm::toString(Bad.takeError())
            .rfind("bad.cmd:1:1: error: 'clang-19' did not list its "
                   "predefined macros: ",
                   0) == 0);
}

TEST_CASE("under KASAN a locked asm stays asm", "[body-compile]") {
  // KASAN checks a core atomic's access in Rust but not an asm's in C: the
  // translation keeps the asm, so both report a bad address as often.
  std::string Path = writeFile("xchg.c", R"(
int rust_helper_xchg(int *p, int v) {
  asm volatile("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
  return v;
}
)");
  auto Translate = [&](std::vector<std::string> Defines) {
    return translated(Path, std::move(Defines), "xchg");
  };
  CHECK(Translate({}).find(".swap(") != std::string::npos);
  std::string Kasan = Translate({"__SANITIZE_ADDRESS__"});
  CHECK(Kasan.find(".swap(") == std::string::npos);
  CHECK(Kasan.find("xchg") != std::string::npos);
}
