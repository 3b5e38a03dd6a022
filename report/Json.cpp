#include "report/Json.h"

#include <map>
#include <set>

namespace h2r::report {

using nlohmann::json;

namespace {

json location(const ir::SourceLoc &L) { return L.str(); }

json reasonJson(const ir::FallbackReason &R) {
  json Chain = json::array();
  for (const ir::MacroStep &S : R.MacroChain)
    Chain.push_back({{"macro", S.Macro}, {"location", location(S.Loc)}});
  return {{"construct", R.Construct},
          {"function", R.Function},
          {"location", location(R.Loc)},
          {"macro_chain", Chain},
          {"message", R.Message}};
}

json shapeJson(const ir::ValueShape &S) {
  json J = {{"kind", S.Kind}, {"c_type", S.CType}};
  if (S.Kind == "int" || S.Kind == "float" || S.Kind == "bool")
    J["bits"] = S.Bits;
  if (S.Kind == "int")
    J["signed"] = S.Signed;
  if (S.Kind == "pointer") {
    J["pointee_size"] = S.PointeeSize;
    J["pointee_plain"] = S.PointeePlain;
  }
  if (S.Kind == "record") {
    J["bits"] = S.Bits;
    J["plain"] = S.PointeePlain;
  }
  return J;
}

json reasonsJson(const std::vector<ir::FallbackReason> &Reasons) {
  json Out = json::array();
  for (const ir::FallbackReason &Why : Reasons)
    Out.push_back(reasonJson(Why));
  return Out;
}

json macroChangeJson(const ir::MacroChange &C) {
  json Change = {{"chain", C.Chain},
                 {"function", C.Function},
                 {"location", location(C.Loc)},
                 {"why_same", C.Why}};
  switch (C.Res) {
  case ir::MacroChange::Resolution::SameMeaning:
    break;
  case ir::MacroChange::Resolution::ParsedAsCompiled:
    Change["parsed_as_compiled"] = true;
    break;
  }
  return Change;
}

// The in-kernel suite's verdict on a helper and what it does around it.
json kernelCheckJson(const ir::HelperRecord &H) {
  const ir::KernelCheck &K = H.Check;
  json Check = {{"verdict", ir::verdictName(K.V)}};
  if (!K.Reason.empty())
    Check["reason"] = K.Reason;
  if (K.CountsWarnings)
    Check["counts_warnings"] = true;
  if (K.ChecksAddresses)
    Check["kasan_case"] = true;
  if (!K.PreemptCount.empty())
    Check["changes_preempt_count"] = true;
  for (size_t I : K.InitialisedMutexes)
    Check["initialised_mutexes"].push_back(H.Sig.Params[I].first);
  if (K.Allocates != ir::Allocation::None) {
    json Roles = json::object();
    for (const auto &[I, Role] : K.AllocatorArguments)
      Roles[H.Sig.Params[I].first] = ir::allocatorArgumentName(Role);
    Check["allocates"] = ir::allocationName(K.Allocates);
    Check["allocator_arguments"] = Roles;
  }
  if (!K.Doubles.empty())
    Check["doubles"] = K.Doubles;
  for (const auto &[Double, Args] : K.CodeAddressArguments)
    Check["code_address_arguments"][Double] = Args;
  for (const auto &[I, Bound] : K.IndexBounds)
    Check["index_bounds"][H.Sig.Params[I].first] = Bound;
  return Check;
}

json helperJson(const ir::HelperRecord &H, ir::FallbackRoute Route) {
  json Params = json::array();
  for (const auto &[Name, Shape] : H.Sig.Params) {
    json P = shapeJson(Shape);
    P["name"] = Name;
    Params.push_back(P);
  }
  json Helper = {
      {"name", H.Name},
      {"rust_name", H.RustName},
      {"location", location(H.Loc)},
      {"file", H.Loc.File},
      {"status", ir::statusName(H.St)},
      {"closure", H.Closure},
      {"reasons", reasonsJson(H.Reasons)},
      {"notes", reasonsJson(H.Notes)},
      {"shims", reasonsJson(H.Shims)},
      {"signature", {{"return", shapeJson(H.Sig.Ret)}, {"params", Params}}}};
  if (H.St == ir::HelperRecord::Status::Fallback)
    Helper["fallback_route"] = ir::routeName(Route);
  for (const ir::MacroChange &C : H.MacroChanges)
    Helper["macro_changes"].push_back(macroChangeJson(C));
  if (H.Check.V != ir::KernelCheck::Verdict::Unplanned)
    Helper["kernel_check"] = kernelCheckJson(H);
  return Helper;
}

json functionJson(const ir::FunctionRecord &F) {
  json Function = {{"name", F.Name},
                   {"location", location(F.Loc)},
                   {"status", F.Translated ? "translated" : "rejected"},
                   {"callees", F.Callees},
                   {"reasons", reasonsJson(F.Reasons)},
                   {"notes", reasonsJson(F.Notes)},
                   {"shims", reasonsJson(F.Shims)}};
  if (!F.CSource.empty())
    Function["c_source"] = F.CSource;
  if (!F.RustSource.empty())
    Function["rust"] = F.RustSource;
  return Function;
}

json summaryJson(const ir::Report &R) {
  std::map<std::string, int> ByStatus{
      {"translated", 0}, {"shimmed", 0}, {"fallback", 0}};
  std::map<std::string, int> ByConstruct, ByVerdict;
  for (const ir::HelperRecord &H : R.Helpers) {
    ++ByStatus[ir::statusName(H.St)];
    std::set<std::string> Constructs;
    for (const ir::FallbackReason &Why : H.Reasons)
      Constructs.insert(Why.Construct);
    for (const std::string &C : Constructs)
      ++ByConstruct[C];
    if (H.Check.V != ir::KernelCheck::Verdict::Unplanned)
      ++ByVerdict[ir::verdictName(H.Check.V)];
  }
  int Translated = 0;
  for (const ir::FunctionRecord &F : R.Functions)
    Translated += F.Translated;
  json Summary = {
      {"helpers", R.Helpers.size()},
      {"translated", ByStatus["translated"]},
      {"shimmed", ByStatus["shimmed"]},
      {"fallback", ByStatus["fallback"]},
      {"functions", R.Functions.size()},
      {"functions_translated", Translated},
      {"functions_rejected", static_cast<int>(R.Functions.size()) - Translated},
      {"fallback_by_construct", ByConstruct}};
  if (!ByVerdict.empty())
    Summary["kernel_check"] = ByVerdict;
  return Summary;
}

json optionsJson(const ir::Report &R) {
  json Options = {{"types", R.TypeMode},
                  {"export", R.ExportMode},
                  {"fallback_route", ir::routeName(R.Route)}};
  if (R.BodyCompile.empty())
    return Options;
  json Differences = json::array();
  for (const ir::MacroDifferenceRecord &D : R.MacroDifferences) {
    json Entry = {{"name", D.Name}, {"compile", nullptr}, {"parse", nullptr}};
    if (D.Compile)
      Entry["compile"] = *D.Compile;
    if (D.Parse)
      Entry["parse"] = *D.Parse;
    Differences.push_back(Entry);
  }
  Options["body_compile"] = {
      {"command", R.BodyCompile},
      {"macros", R.BodyMacros},
      {"uninstrumented_sanitizers", R.BodyUninstrumented},
      {"predefined_differences", Differences}};
  return Options;
}

json configurationJson(const ir::KernelConfiguration &C) {
  json Read = json::object();
  for (const auto &[Name, Value] : C.OptionsRead)
    Read[Name] = Value ? json(*Value) : json(nullptr);
  auto OrNull = [](const std::string &S) {
    return S.empty() ? json() : json(S);
  };
  return {{"target", C.Target},
          {"release", OrNull(C.Release)},
          {"compiler", OrNull(C.Compiler)},
          {"rustc", OrNull(C.Rustc)},
          {"options_set", C.OptionsSet},
          {"options_read", Read},
          {"defined_elsewhere", C.DefinedElsewhere}};
}

} // namespace

json reportToJson(const ir::Report &R) {
  json Helpers = json::array();
  for (const ir::HelperRecord &H : R.Helpers)
    Helpers.push_back(helperJson(H, R.Route));
  json Functions = json::array();
  for (const ir::FunctionRecord &F : R.Functions)
    Functions.push_back(functionJson(F));
  return {{"format_version", ReportFormatVersion},
          {"tool", "helpers2rs"},
          {"kind", "translation"},
          {"inputs", R.Inputs},
          {"configuration", configurationJson(R.Configuration)},
          {"options", optionsJson(R)},
          {"summary", summaryJson(R)},
          {"helpers", Helpers},
          {"functions", Functions}};
}

nlohmann::json surveyToJson(const std::vector<ir::FunctionRecord> &Functions,
                            const SurveyShard &Shard) {
  json Fns = json::array();
  for (const ir::FunctionRecord &F : Functions) {
    json Reasons = json::array();
    for (const ir::FallbackReason &Why : F.Reasons)
      Reasons.push_back(reasonJson(Why));
    Fns.push_back({{"name", F.Name},
                   {"location", location(F.Loc)},
                   {"status", F.Translated ? "translatable" : "rejected"},
                   {"reasons", Reasons}});
  }
  json Summary =
      surveySummary(Fns, Shard.Units.size(), Shard.FailedUnits.size());
  return {{"format_version", ReportFormatVersion},
          {"tool", "helpers2rs"},
          {"kind", "survey"},
          {"shard", {{"index", Shard.Index}, {"count", Shard.Count}}},
          {"options",
           {{"types", Shard.Types}, {"rust_version", Shard.RustVersion}}},
          {"units", Shard.Units},
          {"failed_units", Shard.FailedUnits},
          {"summary", Summary},
          {"functions", Fns}};
}

json surveySummary(const json &Functions, size_t Units, size_t FailedUnits) {
  std::map<std::string, int> ByConstruct;
  int Translatable = 0;
  for (const json &F : Functions) {
    Translatable += F["status"] == "translatable";
    for (const json &Why : F["reasons"])
      ++ByConstruct[Why["construct"].get<std::string>()];
  }
  int Total = static_cast<int>(Functions.size());
  return {{"functions", Total},
          {"translatable", Translatable},
          {"rejected", Total - Translatable},
          {"translatable_share",
           Total ? static_cast<double>(Translatable) / Total : 0.0},
          {"rejected_by_construct", ByConstruct},
          {"units", Units},
          {"failed_units", FailedUnits}};
}

} // namespace h2r::report
