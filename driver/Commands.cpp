//===- driver/Commands.cpp - The subcommands ------------------------------===//

#include "Commands.h"

namespace h2r::driver {

using namespace llvm;

cl::OptionCategory &category() {
  static cl::OptionCategory Category("helpers2rs options");
  return Category;
}

cl::SubCommand &translateCommand() {
  static cl::SubCommand Command(
      "translate", "Translate Rust helpers and their inline closure");
  return Command;
}

cl::SubCommand &surveyCommand() {
  static cl::SubCommand Command("survey",
                                "Classify every static inline function a "
                                "tree's translation units can see");
  return Command;
}

cl::SubCommand &reportCommand() {
  static cl::SubCommand Command("report",
                                "Render translation reports or survey shards");
  return Command;
}

} // namespace h2r::driver
