#include "frontend/kernel/TranslateOptions.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/types/TypeLowering.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/TargetInfo.h"

#include "llvm/Support/raw_ostream.h"

namespace h2r::frontend {

bool loadBindingsInventory(const clang::tooling::CompilationDatabase &DB,
                           const std::string &File,
                           const TranslateOptions &Opts,
                           std::optional<BindingsInventory> &Out) {
  if (Opts.SelfTypes)
    return true;
  Out.emplace(Opts.Params);
  Out->AssumeAll = Opts.BindingsHeader.empty();
  if (Out->AssumeAll ||
      takeBindingsInventory(DB, File, Opts.BindingsHeader, *Out))
    return true;
  llvm::errs() << "helpers2rs: error: the bindings header '"
               << Opts.BindingsHeader << "' does not compile\n";
  return false;
}

PendingInventory::PendingInventory(const clang::tooling::CompilationDatabase &DB,
                                   const std::string &File,
                                   const TranslateOptions &Opts)
    : Worker([this, &DB, File, &Opts] {
        Ok = loadBindingsInventory(DB, File, Opts, Inventory);
      }) {}

PendingInventory::~PendingInventory() { wait(); }

bool PendingInventory::wait() {
  if (Worker.joinable())
    Worker.join();
  return Ok;
}

TypeOptions typeOptions(const TranslateOptions &Opts,
                        const BindingsInventory *Bindings) {
  TypeOptions TyOpts;
  TyOpts.OpaquePatterns = Opts.OpaqueTypes;
  TyOpts.Scalars = Opts.Scalars;
  TyOpts.NewtypeEnums = Opts.Params.NewtypeEnums;
  TyOpts.Bindings = Bindings;
  TyOpts.DefinesRecords = Opts.SelfTypes;
  return TyOpts;
}

void configureLowering(LoweringContext &LC, const TranslateOptions &Opts,
                       const BindingsInventory *Bindings) {
  LC.Bindings = Bindings;
  LC.SelfTypes = Opts.SelfTypes;
  LC.Rust = Opts.Rust;
  LC.AsmGotoFeature = Opts.AsmGotoFeature;
  LC.Shims = Opts.Shims;
  for (const std::string &M : Opts.BodySanitizerMacros)
    LC.SanitizedAccesses |=
        M == "__SANITIZE_ADDRESS__" || M == "__SANITIZE_HWADDRESS__";
  LC.ExportCAbi = Opts.ExportCAbi;
  LC.BindingsNoreturnAsNever = Opts.BindingsNoreturnAsNever;
  LC.Asm = asmTargetFor(LC.Ctx.getTargetInfo().getTriple());
}

} // namespace h2r::frontend
