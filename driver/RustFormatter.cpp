#include "RustFormatter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

namespace h2r::driver {

using namespace llvm;

namespace {

std::optional<std::string> findRustfmt(const FormatRequest &R) {
  if (!R.Rustfmt.empty())
    return R.Rustfmt;
  if (std::optional<std::string> Env = sys::Process::GetEnv("RUSTFMT"))
    return *Env;
  if (ErrorOr<std::string> P = sys::findProgramByName("rustfmt"))
    return *P;
  return std::nullopt;
}

// Removes a temporary file when it goes out of scope.
struct TempFile {
  SmallString<128> Path;
  ~TempFile() {
    if (!Path.empty())
      sys::fs::remove(Path);
  }
};

// ExecuteAndWait's timeout is an alarm signal, which reaches whichever
// thread the kernel picks; the tool runs on a worker thread, so it polls.
int runWithTimeout(StringRef Program, ArrayRef<StringRef> Args,
                   ArrayRef<std::optional<StringRef>> Redirects,
                   unsigned TimeoutSeconds, std::string &Error) {
  bool Failed = false;
  sys::ProcessInfo PI = sys::ExecuteNoWait(Program, Args, std::nullopt,
                                           Redirects, 0, &Error, &Failed);
  if (Failed)
    return -1;
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(TimeoutSeconds);
  for (;;) {
    sys::ProcessInfo Done = sys::Wait(PI, /*SecondsToWait=*/0, &Error);
    if (Done.Pid != 0)
      return Done.ReturnCode;
    if (std::chrono::steady_clock::now() > Deadline) {
      ::kill(PI.Pid, SIGKILL);
      sys::Wait(PI, std::nullopt);
      Error = "no answer within " + std::to_string(TimeoutSeconds) + " s";
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

size_t longestLine(const std::string &Text) {
  size_t Longest = 0;
  for (size_t Start = 0; Start < Text.size();) {
    size_t End = Text.find('\n', Start);
    if (End == std::string::npos)
      End = Text.size();
    Longest = std::max(Longest, End - Start);
    Start = End + 1;
  }
  return Longest;
}

} // namespace

std::optional<std::string> formatRust(const std::string &Source,
                                      const FormatRequest &R,
                                      std::string &Error) {
  if (size_t Longest = longestLine(Source); Longest > R.MaxLineBytes) {
    Error = "a " + std::to_string(Longest) +
            "-byte expression is more than rustfmt lays out in reasonable time";
    return std::nullopt;
  }
  std::optional<std::string> Rustfmt = findRustfmt(R);
  if (!Rustfmt) {
    Error = "rustfmt not found (set RUSTFMT or --rustfmt)";
    return std::nullopt;
  }
  TempFile In, Out, Err;
  int FD;
  if (sys::fs::createTemporaryFile("helpers2rs", "rs", FD, In.Path) ||
      sys::fs::createTemporaryFile("helpers2rs-fmt", "rs", Out.Path) ||
      sys::fs::createTemporaryFile("helpers2rs-fmt", "txt", Err.Path)) {
    Error = "cannot create a temporary file for rustfmt";
    return std::nullopt;
  }
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Source;
  }
  std::vector<std::string> Args = {*Rustfmt, "--edition", R.Edition,
                                   "--emit", "stdout",    "--quiet"};
  if (!R.ConfigPath.empty()) {
    Args.push_back("--config-path");
    Args.push_back(R.ConfigPath);
  }
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {
      StringRef(In.Path), StringRef(Out.Path), StringRef(Err.Path)};
  std::string ExecError;
  int Status =
      runWithTimeout(*Rustfmt, ArgRefs, Redirects, R.TimeoutSeconds, ExecError);
  if (Status != 0) {
    std::string Why = "exit status " + std::to_string(Status);
    if (!ExecError.empty())
      Why = ExecError;
    else if (auto Buf = MemoryBuffer::getFile(Err.Path);
             Buf && !StringRef((*Buf)->getBuffer()).trim().empty())
      Why = StringRef((*Buf)->getBuffer()).trim().split('\n').first.str();
    Error = "rustfmt failed (" + *Rustfmt + "): " + Why;
    return std::nullopt;
  }
  auto Buf = MemoryBuffer::getFile(Out.Path);
  if (!Buf) {
    Error = "cannot read rustfmt's output";
    return std::nullopt;
  }
  return (*Buf)->getBuffer().str();
}

PartsFormatter::PartsFormatter(FormatRequest Request)
    : Request(std::move(Request)) {}

void PartsFormatter::add(std::string Text) {
  auto P = std::make_unique<Part>();
  P->Text = std::move(Text);
  Part *Started = P.get();
  P->Laid = std::async(std::launch::async, [this, Started] {
    return formatRust(Started->Text, Request, Started->Error);
  });
  Parts.push_back(std::move(P));
}

std::vector<std::string> PartsFormatter::finish() {
  std::vector<std::string> Laid;
  std::vector<std::string> Said;
  for (std::unique_ptr<Part> &P : Parts) {
    if (std::optional<std::string> Formatted = P->Laid.get()) {
      Laid.push_back(std::move(*Formatted));
      continue;
    }
    if (std::find(Said.begin(), Said.end(), P->Error) == Said.end()) {
      errs() << "helpers2rs: warning: the output is not formatted: "
             << P->Error << "; --formatter=none skips rustfmt\n";
      Said.push_back(P->Error);
    }
    Laid.push_back(std::move(P->Text));
  }
  Parts.clear();
  return Laid;
}

} // namespace h2r::driver
