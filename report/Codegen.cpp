#include "report/Codegen.h"

#include <map>

namespace h2r::report {

using nlohmann::json;

std::string attachCodegen(json &Report, const json &Counts) {
  if (Report.value("kind", "translation") != "translation")
    return "machine code counts go with a translation report, not a survey";
  std::map<std::string, json *> Translated;
  for (json &H : Report["helpers"])
    if (H["status"] != "fallback")
      Translated.emplace(H["name"].get<std::string>(), &H);
  std::map<json *, json> Measured;
  for (const json &C : Counts["helpers"]) {
    std::string Name = C["name"];
    auto It = Translated.find(Name);
    if (It == Translated.end())
      return "helper '" + Name +
             "' of the counts is not translated by the report (counts of "
             "another run?)";
    Measured[It->second] = {{"c", C["c"]}, {"rust", C["rust"]}};
  }
  for (auto &[Helper, Codegen] : Measured)
    (*Helper)["codegen"] = Codegen;
  Report["codegen"] = {{"form", Counts["form"]},
                       {"counter", Counts["counter"]}};
  return "";
}

} // namespace h2r::report
