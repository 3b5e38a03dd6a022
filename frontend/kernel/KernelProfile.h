//===- KernelProfile.h - What a kernel tree's Rust side says ----*- C++ -*-===//
//
// The translation must type everything exactly as the kernel's own bindgen
// rule does. A kernel source tree says how: `rust/ffi.rs` maps C scalars to
// Rust integers (from 6.12 on: `c_long = isize`, `c_char = u8`; older trees
// use `core::ffi`), `rust/bindgen_parameters` changes which items bindgen
// emits and how, and `rust/bindings/bindings_helper.h` decides which
// declarations the bindings hold at all.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_KERNELPROFILE_H
#define H2R_FRONTEND_KERNEL_KERNELPROFILE_H

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace h2r::frontend {

// A Rust primitive integer as an `ffi` alias names it.
struct RustInt {
  unsigned Bits = 0;
  bool Signed = false;
  bool PointerSized = false; // isize / usize
};

// C integer type (by its core::ffi alias name: c_char, c_long, ...) to the
// Rust integer the tree's bindings use for it.
using ScalarMapping = std::map<std::string, RustInt>;

// The bindgen options that change a name, a type or what exists. Each holds
// bindgen's patterns, which match whole names.
struct BindgenParameters {
  std::vector<std::string> OpaqueTypes;        // --opaque-type
  std::vector<std::string> BlocklistTypes;     // --blocklist-type
  std::vector<std::string> BlocklistFunctions; // --blocklist-function
  std::vector<std::string> BlocklistItems;     // --blocklist-item
  std::vector<std::string> BlocklistVars;      // --blocklist-var
  std::vector<std::string> NewtypeEnums;       // --newtype-enum
};

struct KernelProfile {
  std::string Name; // for messages: "Linux 6.12 (rust/ffi.rs)"
  ScalarMapping Scalars; // empty: core::ffi, i.e. Clang's own C types
  BindgenParameters Params;
  std::string BindingsHeader; // empty: every C item is assumed bound
  // The tree's minimum rustc (scripts/min-tool-version.sh), "1.85"; empty
  // when the tree does not say.
  std::string MinRustVersion;
  // The tree's minimum bindgen, "0.71"; empty when the tree does not say.
  std::string MinBindgenVersion;
  // The tree's files the profile was read from: a change to any of them
  // changes the output (translate --depfile names them).
  std::vector<std::string> SourceFiles;
};

// Parses `alias! { c_long = isize; ... }` in rust/ffi.rs. Returns nullopt
// and sets Error ("file:line:col: ...") on an entry it cannot read.
std::optional<ScalarMapping> parseFfiCrate(const std::string &Path,
                                           std::string &Error);

// Reads bindgen options from a rust/bindgen_parameters file.
bool parseBindgenParameters(const std::string &Path, BindgenParameters &Out,
                            std::string &Error);

// The profile of a kernel source tree (the directory holding rust/).
std::optional<KernelProfile> loadKernelProfile(const std::string &SrcTree,
                                               std::string &Error);

} // namespace h2r::frontend

#endif
