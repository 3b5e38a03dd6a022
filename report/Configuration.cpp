//===- report/Configuration.cpp - The configuration a report is of --------===//

#include "report/Configuration.h"
#include "report/Highlight.h"

#include <set>
#include <sstream>

namespace h2r::report {

using nlohmann::json;

namespace {

// The options a reviewer first asks about: they decide per-CPU data,
// preemption counting, exports, paravirt calls, sanitizer checks and lock
// tracking, which is where two configurations' translations part.
constexpr const char *HeadlineOptions[] = {"CONFIG_SMP",
                                           "CONFIG_NR_CPUS",
                                           "CONFIG_PREEMPT_NONE",
                                           "CONFIG_PREEMPT_VOLUNTARY",
                                           "CONFIG_PREEMPT",
                                           "CONFIG_PREEMPT_RT",
                                           "CONFIG_PREEMPT_DYNAMIC",
                                           "CONFIG_MODULES",
                                           "CONFIG_PARAVIRT",
                                           "CONFIG_KASAN",
                                           "CONFIG_KCSAN",
                                           "CONFIG_UBSAN",
                                           "CONFIG_KFENCE",
                                           "CONFIG_KMSAN",
                                           "CONFIG_PROVE_LOCKING",
                                           "CONFIG_DEBUG_LOCK_ALLOC",
                                           "CONFIG_DEBUG_ATOMIC_SLEEP",
                                           "CONFIG_MEM_ALLOC_PROFILING"};

// "y", "64", or "n" for an option read and not set.
std::string valueText(const json &Value) {
  return Value.is_string() ? Value.get<std::string>() : "n";
}

std::string stripPrefix(const std::string &Name) {
  return Name.rfind("CONFIG_", 0) == 0 ? Name.substr(7) : Name;
}

const json &optionsRead(const json &C) {
  static const json None = json::object();
  auto It = C.find("options_read");
  return It != C.end() && It->is_object() ? *It : None;
}

std::set<std::string> definedElsewhere(const json &C) {
  std::set<std::string> Names;
  for (const json &N : C.value("defined_elsewhere", json::array()))
    Names.insert(N.get<std::string>());
  return Names;
}

std::string field(const json &C, const char *Key) {
  auto It = C.find(Key);
  return It != C.end() && It->is_string() ? It->get<std::string>() : "";
}

} // namespace

std::string configurationText(const json &C) {
  if (!C.is_object() || field(C, "target").empty())
    return "";
  std::ostringstream OS;
  OS << "Made for ";
  std::string Release = field(C, "release");
  OS << (Release.empty() ? "a kernel" : "Linux " + Release) << " ("
     << field(C, "target") << ")";
  std::string Compiler = field(C, "compiler"), Rustc = field(C, "rustc");
  if (!Compiler.empty() || !Rustc.empty())
    OS << ", built with "
       << (Compiler.empty() ? Rustc
           : Rustc.empty()  ? Compiler
                            : Compiler + " and " + Rustc);
  const json &Read = optionsRead(C);
  std::string Named;
  for (const char *Option : HeadlineOptions)
    if (auto It = Read.find(Option); It != Read.end())
      Named += (Named.empty() ? "" : " ") + stripPrefix(Option) + "=" +
               valueText(*It);
  if (!Named.empty())
    OS << "; " << Named;
  const std::set<std::string> Elsewhere = definedElsewhere(C);
  size_t Set = 0;
  for (const auto &[Name, Value] : Read.items())
    Set += Value.is_string() && !Elsewhere.count(Name);
  OS << "; the translation depends on the " << Read.size()
     << " options its parse read: " << Set << " set by the configuration (of "
     << C.value("options_set", 0) << " it sets), ";
  if (!Elsewhere.empty())
    OS << Elsewhere.size() << " defined by the compile command or a header, ";
  OS << Read.size() - Set - Elsewhere.size() << " unset.";
  return OS.str();
}

std::string configurationHtml(const json &C) {
  std::string Text = configurationText(C);
  if (Text.empty())
    return "";
  std::ostringstream OS;
  OS << "<p id=\"configuration\">" << escapeHtml(Text) << "</p>\n";
  const json &Read = optionsRead(C);
  if (Read.empty())
    return OS.str();
  OS << "<details><summary>The " << Read.size()
     << " options the parse read</summary>\n<table id=\"options-read\">"
        "<thead><tr><th>option</th><th>value</th></tr></thead><tbody>\n";
  const std::set<std::string> Elsewhere = definedElsewhere(C);
  for (const auto &[Name, Value] : Read.items())
    OS << "<tr><td>" << escapeHtml(Name) << "</td><td>"
       << escapeHtml(Value.is_string() ? Value.get<std::string>() : "not set")
       << (Elsewhere.count(Name) ? " (not from the configuration)" : "")
       << "</td></tr>\n";
  OS << "</tbody></table></details>\n";
  return OS.str();
}

json configurationChanges(const json &New, const json &Old) {
  json Changes = json::array();
  auto NewIt = New.find("configuration"), OldIt = Old.find("configuration");
  if (NewIt == New.end() || OldIt == Old.end() || !NewIt->is_object() ||
      !OldIt->is_object())
    return Changes;
  const json &N = *NewIt, &O = *OldIt;
  for (const char *Key : {"target", "release", "compiler", "rustc"})
    if (N.value(Key, json()) != O.value(Key, json()))
      Changes.push_back({{"name", Key},
                         {"from", O.value(Key, json())},
                         {"to", N.value(Key, json())}});
  const json &NewRead = optionsRead(N), &OldRead = optionsRead(O);
  std::set<std::string> Names;
  for (const auto &[Name, Value] : NewRead.items())
    Names.insert(Name);
  for (const auto &[Name, Value] : OldRead.items())
    Names.insert(Name);
  for (const std::string &Name : Names) {
    bool InNew = NewRead.contains(Name), InOld = OldRead.contains(Name);
    json From = InOld ? OldRead[Name] : json(),
         To = InNew ? NewRead[Name] : json();
    if (InNew && InOld && From == To)
      continue;
    json Change = {{"name", Name}, {"from", From}, {"to", To}};
    if (!(InNew && InOld))
      Change["read_by"] = InNew ? "new" : "old";
    Changes.push_back(Change);
  }
  return Changes;
}

std::string configurationChangeText(const json &X) {
  std::string ReadBy = X.value("read_by", "");
  auto Spell = [&](const json &V, const char *Side) {
    if (!ReadBy.empty() && ReadBy != Side)
      return std::string("not read");
    return V.is_string() ? V.get<std::string>() : std::string("not set");
  };
  return X["name"].get<std::string>() + ": " + Spell(X["from"], "old") + " → " +
         Spell(X["to"], "new");
}

} // namespace h2r::report
