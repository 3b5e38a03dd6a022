//===- LoweringContext.cpp - What a unit's functions share ----------------===//
//
// The symbols calls and globals reach: the output's own functions, the
// bindings', or C declarations the output makes itself.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/LoweringContext.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

namespace h2r::frontend {

using namespace clang;
using ir::Type;
using ir::TypeRef;

ir::ExternFn LoweringContext::externSignature(const FunctionDecl *FD) {
  ir::ExternFn F;
  F.Name = FD->getNameAsString();
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  if (!FPT)
    throw LoweringFailure{
        "no-prototype", "'" + F.Name + "' has no prototype", {}};
  for (QualType P : FPT->getParamTypes())
    F.Params.push_back(Types.lower(P));
  F.Variadic = FPT->isVariadic();
  F.Ret = FD->isNoReturn() ? Type::never() : Types.lower(FPT->getReturnType());
  return F;
}

// Self mode declares every C item itself; bindgen mode reaches through the
// bindings what they hold.
bool LoweringContext::inBindings(
    const std::string &Name,
    bool (BindingsInventory::*Holds)(const std::string &) const) const {
  return !SelfTypes && (!Bindings || (Bindings->*Holds)(Name));
}

static std::string linkSymbol(const FunctionDecl *FD) {
  if (const auto *Label = FD->getAttr<AsmLabelAttr>())
    return Label->getLabel().str();
  return FD->getNameAsString();
}

ir::Symbol LoweringContext::calleeSymbol(const FunctionDecl *FD) {
  const FunctionDecl *Canon = FD->getCanonicalDecl();
  std::string Name = FD->getNameAsString();
  if (Inlines.count(Canon))
    return {ir::SymbolKind::InlineFn, ir::rustIdent(Name)};
  auto Helper = Helpers.find(Canon);
  if (Helper != Helpers.end())
    return {ir::SymbolKind::HelperFn, Helper->second};
  std::string Bound = boundName(FD);
  if (inBindings(Bound, &BindingsInventory::hasFunction)) {
    if (!BindingsFns.count(Bound)) {
      // Only the in-kernel suite reads it: a type the output cannot
      // spell keeps the signature out, not the call.
      try {
        ir::ExternFn F = externSignature(FD);
        F.Name = Bound;
        if (linkSymbol(FD) != Bound)
          F.LinkName = linkSymbol(FD);
        BindingsFns.emplace(Bound, std::move(F));
      } catch (const LoweringFailure &) {
      }
    }
    return {ir::SymbolKind::BindingsFn, Bound};
  }
  if (!ExternFns.count(Name)) {
    ExternFns[Name] = externSignature(FD);
    if (const auto *Label = FD->getAttr<AsmLabelAttr>())
      ExternFns[Name].LinkName = Label->getLabel().str();
  }
  return {ir::SymbolKind::ExternFn, Name};
}

std::string LoweringContext::boundName(const FunctionDecl *FD) {
  if (FirstNameOfSymbol.empty())
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        FirstNameOfSymbol.emplace(linkSymbol(F), F->getNameAsString());
  auto It = FirstNameOfSymbol.find(linkSymbol(FD));
  return It == FirstNameOfSymbol.end() ? FD->getNameAsString() : It->second;
}

ir::Symbol LoweringContext::externFunction(ir::ExternFn F) {
  std::string Name = F.Name;
  if (inBindings(Name, &BindingsInventory::hasFunction)) {
    BindingsFns.emplace(Name, std::move(F));
    return {ir::SymbolKind::BindingsFn, Name};
  }
  ExternFns.emplace(Name, std::move(F));
  return {ir::SymbolKind::ExternFn, Name};
}

ir::Symbol LoweringContext::externStatic(const VarDecl *VD, TypeRef Ty) {
  ir::ExternStatic S{VD->getNameAsString(), std::move(Ty)};
  std::string Name = S.Name;
  // Declared in function bodies only (is_zero_pfn's `extern unsigned long
  // zero_pfn;`): bindgen never sees it, so the output declares it.
  bool FileScope = llvm::any_of(
      VD->redecls(), [](const VarDecl *R) { return !R->isLocalExternDecl(); });
  if (FileScope && inBindings(Name, &BindingsInventory::hasVar))
    return {ir::SymbolKind::BindingsStatic, Name};
  ExternStatics[Name] = std::move(S);
  return {ir::SymbolKind::ExternStatic, Name};
}

} // namespace h2r::frontend
