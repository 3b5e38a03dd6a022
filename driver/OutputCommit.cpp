//===- driver/OutputCommit.cpp - All outputs or none ----------------------===//

#include "OutputCommit.h"
#include "Diagnostics.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace llvm;

namespace h2r::driver {

void makeAbsolute(std::vector<std::string> &Files) {
  for (std::string &F : Files) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    F = Abs.str().str();
  }
}

// Output paths are made absolute before Clang runs (it works in each compile
// command's directory), and none may name an input or another output.
bool checkOutputPaths(std::vector<PendingOutput> &Outputs,
                      const std::vector<std::string> &Inputs) {
  std::vector<std::string> Seen(Inputs);
  for (PendingOutput &O : Outputs) {
    if (O.Path == "-")
      continue;
    std::vector<std::string> One{O.Path};
    makeAbsolute(One);
    O.Path = One.front();
    if (sys::fs::is_directory(O.Path)) {
      fail("output '" + O.Path + "' is a directory");
      return false;
    }
    sys::fs::UniqueID Id;
    bool Exists = !sys::fs::getUniqueID(O.Path, Id);
    for (const std::string &Other : Seen) {
      sys::fs::UniqueID OtherId;
      bool Same =
          Other == O.Path ||
          (Exists && !sys::fs::getUniqueID(Other, OtherId) && OtherId == Id);
      if (Same) {
        fail("output '" + O.Path + "' would overwrite " +
             (std::find(Inputs.begin(), Inputs.end(), Other) != Inputs.end()
                  ? "the input '"
                  : "another output '") +
             Other + "'");
        return false;
      }
    }
    Seen.push_back(O.Path);
  }
  return true;
}

namespace {

// An existing output that is not a regular file (/dev/null, a FIFO): written
// in place, since renaming a file over it would replace the device itself.
bool isSpecialFile(const std::string &Path) {
  sys::fs::file_status St;
  return !sys::fs::status(Path, St) && sys::fs::exists(St) &&
         St.type() != sys::fs::file_type::regular_file;
}

} // namespace

bool commit(const std::vector<PendingOutput> &Outputs) {
  std::vector<sys::fs::TempFile> Temps;
  auto DiscardAll = [&] {
    for (auto &T : Temps)
      consumeError(T.discard());
  };
  for (const PendingOutput &O : Outputs) {
    if (O.Path == "-" || isSpecialFile(O.Path))
      continue;
    Expected<sys::fs::TempFile> T =
        sys::fs::TempFile::create(O.Path + "-%%%%%%.tmp");
    if (!T) {
      fail("cannot write '" + O.Path + "': " + toString(T.takeError()));
      DiscardAll();
      return false;
    }
    raw_fd_ostream OS(T->FD, /*shouldClose=*/false);
    OS << O.Content;
    OS.flush();
    if (OS.has_error()) {
      fail("cannot write '" + O.Path + "': " + OS.error().message());
      OS.clear_error();
      Temps.push_back(std::move(*T));
      DiscardAll();
      return false;
    }
    Temps.push_back(std::move(*T));
  }
  size_t I = 0;
  for (const PendingOutput &O : Outputs) {
    if (O.Path == "-") {
      outs() << O.Content;
      continue;
    }
    if (isSpecialFile(O.Path)) {
      std::error_code EC;
      raw_fd_ostream OS(O.Path, EC);
      if (!EC)
        OS << O.Content;
      if (EC || OS.has_error()) {
        fail("cannot write '" + O.Path +
             "': " + (EC ? EC : OS.error()).message());
        OS.clear_error();
        return false;
      }
      continue;
    }
    if (Error E = Temps[I++].keep(O.Path)) {
      fail("cannot write '" + O.Path + "': " + toString(std::move(E)));
      return false;
    }
  }
  return true;
}

} // namespace h2r::driver
