//===- BodyCompile.cpp - What helpers.o's own compile means ---------------===//

#include "frontend/kernel/BodyCompile.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/StringSaver.h"

#include <algorithm>
#include <map>

namespace h2r::frontend {

namespace {

// The sanitizers whose use a compiler announces by a predefined macro the
// kernel's headers test (GCC's own predefines; compiler-clang.h defines the
// same from `__has_feature`).
struct SanitizerMacro {
  const char *Sanitizer;
  const char *Macro;
};
constexpr SanitizerMacro Table[] = {
    {"address", "__SANITIZE_ADDRESS__"},
    {"kernel-address", "__SANITIZE_ADDRESS__"},
    {"hwaddress", "__SANITIZE_HWADDRESS__"},
    {"kernel-hwaddress", "__SANITIZE_HWADDRESS__"},
    {"thread", "__SANITIZE_THREAD__"},
    {"memory", "__SANITIZE_MEMORY__"},
    {"kernel-memory", "__SANITIZE_MEMORY__"},
};

// The sanitizers whose instrumentation the kernel's Rust gets too (rustc's
// -Zsanitizer=kernel-address, kcfi, shadow-call-stack).
const char *const RustInstrumented[] = {"address", "kernel-address",
                                        "hwaddress", "kernel-hwaddress",
                                        "kcfi", "shadow-call-stack"};

// The sanitizers the command enables, the last -fsanitize/-fno-sanitize of
// each kind winning, sorted.
std::vector<std::string>
enabledSanitizers(const std::vector<std::string> &Command) {
  std::map<std::string, bool> On;
  for (llvm::StringRef Arg : Command) {
    bool Enable = Arg.consume_front("-fsanitize=");
    if (!Enable && !Arg.consume_front("-fno-sanitize="))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Names;
    Arg.split(Names, ',');
    for (llvm::StringRef Name : Names)
      On[Name.str()] = Enable;
  }
  std::vector<std::string> Enabled;
  for (const auto &[Name, Enable] : On)
    if (Enable)
      Enabled.push_back(Name);
  return Enabled;
}

} // namespace

llvm::Error commandError(const std::string &Path, const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + ":1:1: error: " + Message);
}

std::vector<std::string>
sanitizerMacros(const std::vector<std::string> &Command) {
  std::vector<std::string> Enabled = enabledSanitizers(Command);
  std::vector<std::string> Macros;
  for (const SanitizerMacro &S : Table) {
    bool On = std::count(Enabled.begin(), Enabled.end(), S.Sanitizer);
    if (On && !std::count(Macros.begin(), Macros.end(), S.Macro))
      Macros.push_back(S.Macro);
  }
  return Macros;
}

std::vector<std::string>
uninstrumentedSanitizers(const std::vector<std::string> &Command) {
  std::vector<std::string> Left;
  for (const std::string &S : enabledSanitizers(Command))
    if (!std::count(std::begin(RustInstrumented), std::end(RustInstrumented),
                    S))
      Left.push_back(S);
  return Left;
}

llvm::Expected<BodyCompile> readBodyCompile(const std::string &Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return commandError(Path, "cannot read the compile command: " +
                           Buffer.getError().message());
  llvm::StringRef Line = (*Buffer)->getBuffer().split('\n').first;
  // kbuild writes `savedcmd_<target> := <command>` (`cmd_` before 6.3).
  if (Line.starts_with("savedcmd_") || Line.starts_with("cmd_")) {
    size_t Assign = Line.find(":=");
    if (Assign == llvm::StringRef::npos)
      return commandError(Path, "a kbuild command file without ':='");
    Line = Line.drop_front(Assign + 2);
  }
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 64> Argv;
  llvm::cl::TokenizeGNUCommandLine(Line, Saver, Argv);
  if (Argv.empty())
    return commandError(Path, "no compile command on its first line");
  BodyCompile B;
  B.Path = Path;
  // kbuild may run more after the compile (`; ./tools/objtool/objtool ...`
  // with objtool on individual objects): the compile is the first command.
  for (llvm::StringRef A : Argv) {
    if (A == ";" || A == "&&" || A == "||")
      break;
    if (A.consume_back(";")) {
      B.Command.push_back(A.str());
      break;
    }
    B.Command.push_back(A.str());
  }
  B.SanitizerMacros = sanitizerMacros(B.Command);
  B.Uninstrumented = uninstrumentedSanitizers(B.Command);
  return B;
}

} // namespace h2r::frontend
