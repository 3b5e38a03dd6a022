//===- report/Text.cpp - What the formats print alike ---------------------===//

#include "report/Text.h"

#include <iomanip>
#include <sstream>

namespace h2r::report {

using nlohmann::json;

std::string kindOf(const json &R) { return R.value("kind", "translation"); }

Location parseLocation(const std::string &S) {
  Location L;
  size_t C2 = S.rfind(':');
  size_t C1 = C2 == std::string::npos ? C2 : S.rfind(':', C2 - 1);
  if (C1 == std::string::npos) {
    L.File = S;
    return L;
  }
  L.File = S.substr(0, C1);
  L.Line = std::atoi(S.substr(C1 + 1, C2 - C1 - 1).c_str());
  L.Column = std::atoi(S.substr(C2 + 1).c_str());
  return L;
}

// "a, b, c", or "none".
std::string listText(const json &List) {
  std::string S;
  for (const json &X : List)
    S += (S.empty() ? "" : ", ") + X.get<std::string>();
  return S.empty() ? "none" : S;
}

size_t changeCount(const json &C) {
  size_t N = 0;
  for (const char *Key :
       {"status_changes", "added", "removed", "reason_changes", "rust_changes",
        "configuration_changes"})
    N += C.value(Key, json::array()).size();
  return N;
}

std::string chainText(const json &Chain) {
  std::string S;
  for (const json &N : Chain)
    S += (S.empty() ? "" : " → ") + N.get<std::string>();
  return S;
}

// "`inner` (file:l:c) ← `outer` (..)"; Quote is "`" for Markdown.
std::string macroText(const json &Macros, const std::string &Quote) {
  std::string S;
  for (const json &M : Macros)
    S += (S.empty() ? "" : " ← ") + Quote + M["macro"].get<std::string>() +
         Quote + " (" + M["location"].get<std::string>() + ")";
  return S;
}

std::string sharesText(const json &Shares) {
  auto Percent = [](const json &V) {
    std::ostringstream OS;
    OS << std::fixed << std::setprecision(1) << V.get<double>() * 100 << " %";
    return OS.str();
  };
  return "Translated exactly: " + Percent(Shares["translated"]) +
         "; shimmed: " + Percent(Shares["shimmed"]) +
         "; left to C: " + Percent(Shares["fallback"]) + ".";
}

// How the helpers left to C reach Rust in the build the report came from;
// empty outside a kernel build.
std::string routeText(const json &A) {
  std::string Route = A["fallback_route"];
  if (Route == "call")
    return "Helpers left to C are called in helpers.o.";
  if (Route == "lto")
    return "Helpers left to C are inlined from LLVM bitcode "
           "(CONFIG_RUST_INLINE_HELPERS).";
  return "";
}

// The in-kernel differential suite's plan (--kunit-suite), in one line:
// its share of the helpers the output translates (shimmed included).
std::string kernelCheckText(const json &Summary) {
  int InSuite = Summary["kernel_check"].value("in-suite", 0);
  int Translated =
      Summary["translated"].get<int>() + Summary["shimmed"].get<int>();
  return std::to_string(InSuite) + " of " + std::to_string(Translated) +
         " translated helpers are called beside their C original in the "
         "kernel (KUnit suite helpers2rs_differential); each of the other " +
         std::to_string(Translated - InSuite) + " says below why it cannot be.";
}

// A helper's verdict: "in suite", "not checkable: <reason>", or nothing
// for a helper left to C the plan does not consider.
std::string kernelCheckCell(const json &H) {
  if (!H.contains("kernel_check"))
    return "";
  const json &K = H["kernel_check"];
  if (K["verdict"] != "in-suite")
    return "not checkable: " + K.value("reason", std::string());
  std::string Cell = "in suite";
  if (K.value("counts_warnings", false))
    Cell += ", warnings counted";
  if (K.value("changes_preempt_count", false))
    Cell += ", preempt count compared";
  if (K.contains("initialised_mutexes"))
    Cell += ", mutex initialised";
  if (K.contains("allocates"))
    Cell += ", allocation compared and freed";
  if (K.contains("doubles")) {
    std::string Names;
    for (const json &D : K["doubles"])
      Names += (Names.empty() ? "`" : ", `") + D.get<std::string>() + "`";
    Cell += ", calls to " + Names + " recorded";
  }
  return Cell;
}

// The codegen benchmark's figures in one line.
std::string codegenText(const json &A) {
  const json &G = A["codegen"];
  int Measured = G["measured"], AtMost = G["rust_at_most_c"];
  uint64_t C = G["c_total"], Rust = G["rust_total"];
  std::ostringstream OS;
  OS << std::fixed << std::setprecision(1) << "Machine code ("
     << G["form"].get<std::string>() << " form, instructions counted by "
     << G["counter"].get<std::string>() << "): " << Measured
     << " translated helpers measured; Rust is no larger than C for " << AtMost
     << " (" << (Measured ? 100.0 * AtMost / Measured : 0.0)
     << " %); in total Rust " << Rust << ", C " << C << " instructions.";
  return OS.str();
}

// A helper's counts, "C / Rust", or nothing where none was measured.
std::string codegenCell(const json &H) {
  if (!H.contains("codegen"))
    return "";
  return std::to_string(H["codegen"]["c"].get<uint64_t>()) + " / " +
         std::to_string(H["codegen"]["rust"].get<uint64_t>());
}

} // namespace h2r::report
