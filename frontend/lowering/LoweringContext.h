//===- LoweringContext.h - What a unit's functions share --------*- C++ -*-===//
//
// What the lowering of every function of a translation unit reads and adds
// to: the closure and the helpers by name, the C functions and globals
// reached, the call-site specialisations made so far.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_LOWERINGCONTEXT_H
#define H2R_FRONTEND_LOWERING_LOWERINGCONTEXT_H

#include "frontend/kernel/BindingsInventory.h"
#include "frontend/lowering/ConstArgs.h"
#include "frontend/lowering/LoweringFailure.h"
#include "frontend/types/TypeLowering.h"
#include "ir/Module.h"
#include "ir/RustVersion.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace h2r::frontend {

class AsmTarget;

// Everything a function's lowering needs from its translation unit.
struct LoweringContext {
  LoweringContext(clang::ASTContext &Ctx, TypeLowering &Types)
      : Ctx(Ctx), Types(Types) {}

  clang::ASTContext &Ctx;
  TypeLowering &Types;
  // What the unit's architecture's asm means (null: asm stays in C).
  const AsmTarget *Asm = nullptr;
  // Functions translated as Rust functions of the output (the closure).
  std::set<const clang::FunctionDecl *> Inlines;
  // The helpers, by canonical declaration, with their names in the output:
  // a helper calling a helper (itself, recursively) calls the output's.
  std::map<const clang::FunctionDecl *, std::string> Helpers;
  // Closure functions whose address is taken: they need the C ABI.
  std::set<const clang::FunctionDecl *> AddressTaken;
  // C functions and globals referenced but not translated, that the output
  // declares itself (all of them with --types=self), by name.
  std::map<std::string, ir::ExternFn> ExternFns;
  // The C functions of the bindings it calls, with their signatures.
  std::map<std::string, ir::ExternFn> BindingsFns;
  std::map<std::string, ir::ExternStatic> ExternStatics;
  // bindgen mode: what the bindings hold (null: everything; self mode: the
  // output declares every C item itself).
  const BindingsInventory *Bindings = nullptr;
  bool SelfTypes = false;
  // Before 0.61 bindgen declares C noreturn functions returning `()`, so
  // calls through the bindings get an explicit unreachable; from 0.61 they
  // are `-> !` and need none.
  bool BindingsNoreturnAsNever = false;
  // Shims may stand in for what Rust cannot express (--no-shims: never).
  bool Shims = true;
  // The helpers' bodies are those of a compile with KASAN (their parse has
  // `__SANITIZE_ADDRESS__` or `__SANITIZE_HWADDRESS__`): a locked asm stays
  // asm, which the sanitizer leaves unchecked in C and in Rust alike, where
  // a core atomic would be checked once more (a second report).
  bool SanitizedAccesses = false;
  // The oldest rustc the output must compile with.
  ir::RustVersion Rust;
  // Functions are exported with the C ABI (--export=c-abi) rather than
  // inlined into their Rust callers.
  bool ExportCAbi = false;
  // The output's crate enables `feature(asm_goto)` (before 1.87).
  bool AsmGotoFeature = false;
  bool hasAsmGoto() const { return AsmGotoFeature || Rust.atLeast(1, 87); }

  // A closure function specialised for constant arguments at a call site
  // (Specialisation.cpp), by its name in the output.
  struct Specialisation {
    const clang::FunctionDecl *Of = nullptr;
    std::string Arguments; // "key = &k + 8, branch = 0"
    std::optional<ir::Function> Fn;
    std::set<const clang::FunctionDecl *> Reached;
    std::set<std::string> Calls; // the specialisations its body calls
    std::vector<LoweringFailure> Notes, Shims;
  };
  std::map<std::string, Specialisation> Specialisations;
  std::set<std::string> SpecialisationsInProgress;
  // The parameters of F that must be constants where F is called: they
  // reach an asm immediate, directly or through a call.
  const std::set<unsigned> &constParams(const clang::FunctionDecl *F);
  // The parameters of F that reach `__builtin_constant_p`: worth binding
  // where a call passes a constant, as C does after inlining.
  const std::set<unsigned> &constantPParams(const clang::FunctionDecl *F);
  // ... or pick a switch's case where one calls BUILD_BUG() (an error
  // function): `switch (size)` in arm64's __arch_xchg().
  const std::set<unsigned> &buildBugParams(const clang::FunctionDecl *F);
  using ParamSets = std::map<const clang::FunctionDecl *, std::set<unsigned>>;
  ParamSets ConstParams, ConstantPParams, BuildBugParams;
  using DirectParams = std::function<void(
      const clang::Stmt *, const clang::FunctionDecl *, std::set<unsigned> &)>;
  const std::set<unsigned> &paramsReaching(const clang::FunctionDecl *F,
                                           ParamSets &Memo,
                                           const DirectParams &Direct);

  ir::Symbol calleeSymbol(const clang::FunctionDecl *FD);
  // bindgen binds one Rust function per symbol, named after the first
  // declaration of the unit that links to it: `__real_kmemdup`
  // (asm("kmemdup")) is bound as `kmemdup` where that comes first.
  std::string boundName(const clang::FunctionDecl *FD);
  std::map<std::string, std::string> FirstNameOfSymbol;
  ir::ExternFn externSignature(const clang::FunctionDecl *FD);
  // A C function or global defined elsewhere: reached through the bindings
  // when they hold it, else declared by the output.
  ir::Symbol externFunction(ir::ExternFn F);
  ir::Symbol externStatic(const clang::VarDecl *VD, ir::TypeRef Ty);
  bool inBindings(const std::string &Name,
                  bool (BindingsInventory::*Holds)(const std::string &)
                      const) const;
};

} // namespace h2r::frontend

#endif
