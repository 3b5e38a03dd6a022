//===- frontend/ModuleMerger.h - Translation units into one module -*- C++
//-*-===//
//
// Collects the translation units (and a helper's second parse) into one
// module and one report. Inline functions seen in several units (one
// header, many helper files) are emitted once.
//
//===----------------------------------------------------------------------===//

#ifndef H2R_FRONTEND_MODULEMERGER_H
#define H2R_FRONTEND_MODULEMERGER_H

#include "frontend/Translator.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace h2r::frontend {

class ModuleMerger {
public:
  explicit ModuleMerger(TranslationOutput &Out) : Out(Out) {}

  void addRecord(ir::RecordDef R) {
    addOnce(RecordNames, Out.Module.Records, std::move(R));
  }
  void addOpaqueLayout(ir::OpaqueLayout L) {
    addOnce(OpaqueNames, Out.Module.OpaqueLayouts, std::move(L));
  }
  void addExternFn(ir::ExternFn F) {
    addOnce(ExternNames, Out.Module.ExternFns, std::move(F));
  }
  void setArch(ir::Arch A) { Out.Module.TargetArch = A; }
  void addBindingsFn(ir::ExternFn F) {
    addOnce(BindingsNames, Out.Module.BindingsFns, std::move(F));
  }
  void addExternStatic(ir::ExternStatic S) {
    addOnce(StaticNames, Out.Module.ExternStatics, std::move(S));
  }
  // False if a different function of the same name was emitted already.
  bool canAddInline(const std::string &Name, const ir::SourceLoc &Loc) const {
    auto It = InlineLocs.find(Name);
    return It == InlineLocs.end() || It->second == Loc.str();
  }
  void addInline(ir::Function F) {
    if (InlineLocs.emplace(F.RustName, F.Loc.str()).second)
      Inlines.push_back(std::move(F));
  }
  // Keeps the place of a helper whose translation a later parse gives.
  void reserveHelper(const std::string &CName) {
    Reserved[CName] = Helpers.size();
    Helpers.emplace_back();
  }
  void addHelper(ir::Function F) {
    auto It = Reserved.find(F.CName);
    if (It == Reserved.end())
      Helpers.push_back(std::move(F));
    else
      Helpers[It->second] = std::move(F);
  }
  void addFunctionRecord(ir::FunctionRecord R) {
    if (FunctionKeys.insert(R.Name + "@" + R.Loc.str()).second)
      Out.Report.Functions.push_back(std::move(R));
  }

  void finish() {
    for (std::optional<ir::Function> &F : Helpers)
      if (F)
        Out.Module.Functions.push_back(std::move(*F));
    for (ir::Function &F : Inlines)
      Out.Module.Functions.push_back(std::move(F));
  }

private:
  // Appends Item unless one of its name came before.
  template <typename T>
  static void addOnce(std::set<std::string> &Seen, std::vector<T> &To, T Item) {
    if (Seen.insert(Item.Name).second)
      To.push_back(std::move(Item));
  }

  TranslationOutput &Out;
  std::set<std::string> RecordNames, OpaqueNames, ExternNames, BindingsNames,
      StaticNames, FunctionKeys;
  std::map<std::string, std::string> InlineLocs;
  std::map<std::string, size_t> Reserved;
  std::vector<std::optional<ir::Function>> Helpers;
  std::vector<ir::Function> Inlines;
};

} // namespace h2r::frontend

#endif
