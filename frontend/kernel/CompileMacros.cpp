//===- CompileMacros.cpp - Predefined macros of two compiles --------------===//

#include "frontend/kernel/CompileMacros.h"
#include "frontend/kernel/BodyCompile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <algorithm>

namespace h2r::frontend {

namespace {

// Options of a compile that name a file or take the next argument as one,
// none of which changes the macros predefined.
bool takesFile(llvm::StringRef Arg) {
  return Arg == "-o" || Arg == "-include" || Arg == "-MF" || Arg == "-MT" ||
         Arg == "-MQ" || Arg == "-imacros";
}

bool isInput(llvm::StringRef Arg) {
  return !Arg.starts_with("-") &&
         (Arg.ends_with(".c") || Arg.ends_with(".S") || Arg.ends_with(".i"));
}

// Differences reviewed as leaving the meaning of the code they change as
// helpers.o's compile has it: the macro the code meets, the predefined
// macros it may come from, why, and whether the parse's definition may
// stay or the helper must be parsed with helpers.o's. Any other difference
// is an error.
struct ReviewedDifference {
  const char *Met;
  std::vector<const char *> Roots;
  const char *Why;
  ir::MacroChange::Resolution Res = ir::MacroChange::Resolution::SameMeaning;
};

const char *const Compilers[] = {"__clang__", "__GNUC__", "__GNUC_MINOR__",
                                 "__clang_major__", "__clang_minor__"};

const char *const UnqualifiedType =
    "the type without qualifiers, by `typeof_unqual` or by `_Generic`: the "
    "same type";
const char *const Register =
    "an asm operand GCC may place in memory and clang in a register only: "
    "where the operand lives, not its value (the translation's `asm!` takes "
    "a register either way)";
const char *const StaticCall =
    "the bindgen rule also serves modules: the static call goes through the "
    "trampoline a module may use, to the same function";
const char *const PerCpu =
    "per-CPU data as a `__seg_gs` variable where the compiler has "
    "`typeof_unqual`, else through `%gs:`-prefixed asm: the same %gs-relative "
    "access either way, as the translation makes it";
const char *const BuiltInTag =
    "an allocation tag is a static, which the translation defines in the "
    "bindings' built-in object as helpers.o's is in vmlinux, where only the "
    "built-in form has counters (the module loader gives a module's tags "
    "theirs) and no module name: the helper is parsed again with helpers.o's "
    "MODULE";

const ReviewedDifference Reviewed[] = {
    {"__rust_helper", {"__BINDGEN__"},
     "marks the helpers, `__always_inline` for helpers.o and nothing for "
     "bindgen: inlining, not meaning"},
    {"BTF_TYPE_TAG", {"__BINDGEN__"},
     "the BTF tag `__user` carries for helpers.o and not for bindgen: debug "
     "information, not code"},
    {"static_call_mod", {"MODULE"}, StaticCall},
    {"__STATIC_CALL_MOD_ADDRESSABLE", {"MODULE"}, StaticCall},
    {"__unqual_scalar_typeof", {std::begin(Compilers), std::end(Compilers)},
     UnqualifiedType},
    {"TYPEOF_UNQUAL", {std::begin(Compilers), std::end(Compilers)},
     UnqualifiedType},
    {"__percpu_qual", {std::begin(Compilers), std::end(Compilers)}, PerCpu},
    {"__my_cpu_type", {std::begin(Compilers), std::end(Compilers)}, PerCpu},
    {"__my_cpu_ptr", {std::begin(Compilers), std::end(Compilers)}, PerCpu},
    {"__my_cpu_var", {std::begin(Compilers), std::end(Compilers)}, PerCpu},
    {"ASM_INPUT_RM", {std::begin(Compilers), std::end(Compilers)}, Register},
    {"ASM_OUTPUT_RM", {std::begin(Compilers), std::end(Compilers)}, Register},
    {"ASM_INPUT_G", {std::begin(Compilers), std::end(Compilers)}, Register},
    {"__seg_gs", {"__seg_gs"},
     "a macro for Clang, a keyword for GCC: the same address space"},
    {"DEFINE_ALLOC_TAG", {"MODULE"}, BuiltInTag,
     ir::MacroChange::Resolution::ParsedAsCompiled},
    {"CT_MODULE_NAME", {"MODULE"}, BuiltInTag,
     ir::MacroChange::Resolution::ParsedAsCompiled},
};

} // namespace

MacroTable parseMacroDefinitions(llvm::StringRef Text) {
  MacroTable Table;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    Line = Line.trim();
    if (Line.consume_front("#undef ")) {
      Table.erase(Line.trim().str());
      continue;
    }
    if (!Line.consume_front("#define "))
      continue;
    size_t End = Line.find_first_of(" (");
    std::string Name = Line.substr(0, End).str();
    llvm::StringRef Rest = End == llvm::StringRef::npos ? "" : Line.drop_front(End);
    Table[Name] = Rest.starts_with(" ") ? Rest.drop_front().str() : Rest.str();
  }
  return Table;
}

llvm::Expected<MacroTable>
compilerPredefines(const std::vector<std::string> &Command,
                   const std::string &Path) {
  if (Command.empty())
    return commandError(Path, "no compile command");
  llvm::ErrorOr<std::string> Compiler =
      llvm::sys::findProgramByName(Command.front());
  if (!Compiler)
    return commandError(Path, "cannot find the compile's compiler '" +
                           Command.front() + "' to read its predefined macros");
  std::vector<llvm::StringRef> Args{*Compiler};
  for (size_t I = 1; I < Command.size(); ++I) {
    llvm::StringRef A = Command[I];
    if (takesFile(A)) {
      ++I;
      continue;
    }
    if (A == "-c" || A == "-MD" || A == "-MMD" || A.starts_with("-Wp,") ||
        isInput(A))
      continue;
    Args.push_back(A);
  }
  for (llvm::StringRef A : {"-dM", "-E", "-x", "c", "-"})
    Args.push_back(A);
  llvm::SmallString<128> In, Out, Err;
  if (llvm::sys::fs::createTemporaryFile("h2r-empty", "c", In) ||
      llvm::sys::fs::createTemporaryFile("h2r-macros", "txt", Out) ||
      llvm::sys::fs::createTemporaryFile("h2r-macros", "err", Err))
    return commandError(Path, "cannot create a temporary file");
  std::optional<llvm::StringRef> Redirects[] = {In.str(), Out.str(), Err.str()};
  std::string Message;
  int Rc = llvm::sys::ExecuteAndWait(*Compiler, Args, std::nullopt, Redirects,
                                     0, 0, &Message);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Out);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Stderr =
      llvm::MemoryBuffer::getFile(Err);
  for (const llvm::SmallString<128> &F : {In, Out, Err})
    llvm::sys::fs::remove(F);
  if (Rc != 0 || !Text) {
    std::string Why = !Message.empty() ? Message
                      : Stderr       ? (*Stderr)->getBuffer().split('\n').first.str()
                                     : "exit status " + std::to_string(Rc);
    return commandError(Path, "'" + Command.front() +
                           "' did not list its predefined macros: " + Why);
  }
  return parseMacroDefinitions((*Text)->getBuffer());
}

std::vector<ir::MacroDifferenceRecord> compareMacros(const MacroTable &Compile,
                                           const MacroTable &Parse) {
  std::vector<ir::MacroDifferenceRecord> Diffs;
  for (const auto &[Name, Def] : Compile) {
    auto It = Parse.find(Name);
    if (It == Parse.end())
      Diffs.push_back({Name, Def, std::nullopt});
    else if (It->second != Def)
      Diffs.push_back({Name, Def, It->second});
  }
  for (const auto &[Name, Def] : Parse)
    if (!Compile.count(Name))
      Diffs.push_back({Name, std::nullopt, Def});
  std::sort(Diffs.begin(), Diffs.end(),
            [](const ir::MacroDifferenceRecord &A,
               const ir::MacroDifferenceRecord &B) {
              return A.Name < B.Name;
            });
  return Diffs;
}

std::optional<ir::MacroChange>
reviewedDifference(const std::vector<std::string> &Chain) {
  for (const ReviewedDifference &R : Reviewed)
    if (Chain.back() == R.Met &&
        std::find(std::begin(R.Roots), std::end(R.Roots), Chain.front()) !=
            std::end(R.Roots)) {
      ir::MacroChange C;
      C.Chain = Chain;
      C.Why = R.Why;
      C.Res = R.Res;
      return C;
    }
  return std::nullopt;
}

std::string compiledDefinitionOption(const MacroTable &Compile,
                                     const std::string &Macro) {
  auto It = Compile.find(Macro);
  return It == Compile.end() ? "-U" + Macro : "-D" + Macro + "=" + It->second;
}

} // namespace h2r::frontend
