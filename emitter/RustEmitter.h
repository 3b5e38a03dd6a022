//===- emitter/RustEmitter.h - IR to Rust source text ----------*- C++ -*-===//
//
// Prints an ir::Module as one Rust source file. The emitter makes no semantic
// decisions: it resolves paths for the chosen type mode and prints with
// Rust's precedence, adding only the parentheses the grammar needs so the
// output is clean under `-D warnings`.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_RUSTEMITTER_H
#define H2R_EMITTER_RUSTEMITTER_H

#include "ir/RustVersion.h"
#include "ir/Module.h"

#include <string>
#include <utility>
#include <vector>

namespace h2r::emit {

enum class TypeMode {
  Self,    // emit #[repr(C)] definitions for every type used
  Bindgen, // refer to bindgen's `bindings::` items
};

struct EmitOptions {
  TypeMode Types = TypeMode::Bindgen;
  // Path of bindgen's bindings, as seen from the output's top level.
  std::string BindingsPath = "bindings";
  // The output's enclosing module glob-imports the bindings (the kernel's
  // bindings_helper module does): types are named through that import,
  // which keeps it used. Functions and statics still take BindingsPath,
  // since a helper's own name shadows the C function it wraps.
  bool BindingsInScope = false;
  ir::RustVersion Version;
  std::string Banner; // first comment lines, without "//"
  // Helpers (Rust names) whose translation the bindings' C function of the
  // same name hides from the bindings' users (the kernel's bindings_raw
  // prefers its own items to the glob import of the output): re-exported
  // in `pub mod helpers2rs_hidden` for the in-kernel suite.
  std::vector<std::string> HiddenHelpers;
};

// The module that re-exports EmitOptions::HiddenHelpers.
constexpr const char *HiddenHelpersModule = "helpers2rs_hidden";

std::string emitModule(const ir::Module &M, const EmitOptions &Opts);

// Each function of M as emitModule prints it, in M's order, with its C name
// (a call-site specialisation under the C name of the function it copies):
// the Rust a reviewer reads beside the C.
std::vector<std::pair<std::string, std::string>>
emitFunctionItems(const ir::Module &M, const EmitOptions &Opts);

// Exposed for unit tests.
std::string emitType(const ir::Type &T, const EmitOptions &Opts);

} // namespace h2r::emit

#endif
