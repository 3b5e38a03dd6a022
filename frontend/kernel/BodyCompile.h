//===- BodyCompile.h - What helpers.o's own compile means -------*- C++ -*-===//
//
// The translation is parsed with the bindgen rule's flags, which are right
// for the bindings' types; the helpers' bodies must mean what helpers.o's
// own compile makes of them. That compile may instrument them: with
// `-fsanitize=kernel-address` the compiler defines `__SANITIZE_ADDRESS__`
// (GCC itself, clang through compiler-clang.h's `__has_feature`), and
// kasan-checks.h's `kasan_check_read()` becomes a real check instead of
// `return true`. The bindgen rule drops those options, so the parse would
// take the other branch. This reads helpers.o's command (kbuild's .cmd
// file) and says which such macros the parse must define.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_BODYCOMPILE_H
#define H2R_FRONTEND_KERNEL_BODYCOMPILE_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace h2r::frontend {

struct BodyCompile {
  std::string Path;                 // where the command was read
  std::vector<std::string> Command; // compiler first
  // The macros a sanitizer of the command makes the compiler define
  // (`__SANITIZE_ADDRESS__`), which the parse needs.
  std::vector<std::string> SanitizerMacros;
  // The sanitizers it instruments every access or operation with that the
  // kernel's Rust gets no instrumentation for (KCSAN's `thread`, UBSAN's
  // `bounds`, `shift`, ...): the translation keeps the checks the helpers
  // call (`kcsan_check_access()`), not these.
  std::vector<std::string> Uninstrumented;
};

// The macros the compiler defines for the sanitizers of a command
// (`-fsanitize=kernel-address,...`, the last `-fsanitize`/`-fno-sanitize`
// of each kind winning), in the order of the table in BodyCompile.cpp.
std::vector<std::string>
sanitizerMacros(const std::vector<std::string> &Command);

// The sanitizers a command enables whose instrumentation rustc does not
// make for the kernel (all but KASAN's, KCFI and the shadow call stack),
// sorted.
std::vector<std::string>
uninstrumentedSanitizers(const std::vector<std::string> &Command);

// An error about the command read from Path, `<Path>:1:1: error: ...`.
llvm::Error commandError(const std::string &Path, const std::string &Message);

// Reads a compile command from Path: a kbuild .cmd file
// (`savedcmd_<target> := <command>`) or the command alone on its first
// line; of several commands (`cc ...; objtool ...`), the first. An error
// says `<Path>:1:1: error: ...`-style what is wrong.
llvm::Expected<BodyCompile> readBodyCompile(const std::string &Path);

} // namespace h2r::frontend

#endif
