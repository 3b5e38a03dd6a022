//===- TranslateOptions.h - What a translation is asked ---------*- C++ -*-===//
//
// The options of one translation, shared by translate and survey (a survey
// answers for the translation these options describe), and how they become
// the settings of type and function lowering.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_TRANSLATEOPTIONS_H
#define H2R_FRONTEND_KERNEL_TRANSLATEOPTIONS_H

#include "frontend/kernel/BindingsInventory.h"
#include "frontend/kernel/CompileMacros.h"
#include "frontend/kernel/KernelProfile.h"
#include "ir/RustVersion.h"

#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

struct LoweringContext;
struct TypeOptions;

struct TranslateOptions {
  std::string HelperPrefix = "rust_helper_";
  bool ExportCAbi = false;
  std::string SymbolPrefix;
  bool SelfTypes = false;
  bool Verbose = false; // say which compiler flags were dropped
  ir::RustVersion Rust; // --rust-version
  bool AsmGotoFeature = false;            // --rust-features=asm_goto
  bool Shims = true;                      // --no-shims: false
  // bindgen --opaque-type patterns: records whose members stay hidden.
  std::vector<std::string> OpaqueTypes;
  // The tree's `ffi` crate mapping; empty: Clang's C types (core::ffi).
  ScalarMapping Scalars;
  // bindgen mode: the header the bindings come from, and the options that
  // blocklist items from them. Empty: every C item is assumed bound, less
  // the blocklisted.
  std::string BindingsHeader;
  BindgenParameters Params;
  // Show the C compiler's warnings (the kernel's bindgen rule passes -w).
  bool ShowCWarnings = false;
  // The bindings declare C noreturn functions `-> !` (bindgen >= 0.61 with
  // --enable-function-attribute-detection, as the kernel's rule runs it).
  bool BindingsNoreturnAsNever = false;
  // The macros helpers.o's own compile defines for its sanitizers
  // (--body-compile, BodyCompile.h): the parse of the helpers, not of the
  // bindings, gets them.
  std::vector<std::string> BodySanitizerMacros;
  // That compile's sanitizers the translation does not reproduce (reported).
  std::vector<std::string> BodyUninstrumented;
  // The macros helpers.o's compile predefines (CompileMacros.h): the
  // parse's are compared with them, and a difference that changes a reached
  // function leaves the helper to C unless reviewed.
  std::optional<MacroTable> BodyMacros;
  // --macro-differences=error: such a difference is an error, not a helper
  // left to C.
  bool MacroDifferencesAreErrors = false;
};

// What the bindings hold in bindgen mode, seen through File's compile
// command (the helpers and the bindings are built with the same flags);
// nothing in self mode. False, after an error message, when the bindings
// header does not compile.
bool loadBindingsInventory(const clang::tooling::CompilationDatabase &DB,
                           const std::string &File,
                           const TranslateOptions &Opts,
                           std::optional<BindingsInventory> &Out);

// loadBindingsInventory on a thread of its own, started on construction:
// the helpers' parse runs meanwhile, and their lowering, which first needs
// the inventory, waits for it.
class PendingInventory {
public:
  PendingInventory(const clang::tooling::CompilationDatabase &DB,
                   const std::string &File, const TranslateOptions &Opts);
  ~PendingInventory();
  PendingInventory(const PendingInventory &) = delete;
  PendingInventory &operator=(const PendingInventory &) = delete;

  // Waits for the inventory; false when the bindings header did not
  // compile.
  bool wait();
  // After wait(): the inventory, null in self mode.
  const BindingsInventory *get() const {
    return Inventory ? &*Inventory : nullptr;
  }

private:
  std::optional<BindingsInventory> Inventory;
  bool Ok = true;
  std::thread Worker; // last: it starts once the rest is constructed
};

// Type lowering's settings for a translation with these options.
TypeOptions typeOptions(const TranslateOptions &Opts,
                        const BindingsInventory *Bindings);

// Function lowering's settings (everything but the unit's own function
// sets) for a translation with these options.
void configureLowering(LoweringContext &LC, const TranslateOptions &Opts,
                       const BindingsInventory *Bindings);

} // namespace h2r::frontend

#endif
