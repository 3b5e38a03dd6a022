// The configuration a report names and what a diff says of two.
#include "report/Configuration.h"

#include <catch2/catch.hpp>

using namespace h2r::report;
using nlohmann::json;

namespace {

json reportWith(json Options, const char *Release = "7.3.4") {
  return {{"configuration",
           {{"target", "x86_64-unknown-linux-gnu"},
            {"release", Release},
            {"compiler", "gcc 14"},
            {"rustc", nullptr},
            {"options_set", 3},
            {"options_read", Options}}}};
}

} // namespace

TEST_CASE("The configuration's text names the headline options read",
          "[configuration]") {
  json R = reportWith({{"CONFIG_SMP", "y"},
                       {"CONFIG_NR_CPUS", "64"},
                       {"CONFIG_KASAN", nullptr},
                       {"CONFIG_64BIT", "y"}});
  CHECK(configurationText(R["configuration"]) ==
        "Made for Linux 7.3.4 (x86_64-unknown-linux-gnu), built with gcc 14; "
        "SMP=y NR_CPUS=64 KASAN=n; the translation depends on the 4 options "
        "its parse read: 3 set by the configuration (of 3 it sets), 1 unset.");
  // arm64's Makefile defines CONFIG_CC_HAS_K_CONSTRAINT on the command line.
  R["configuration"]["options_read"]["CONFIG_CC_HAS_K_CONSTRAINT"] = "1";
  R["configuration"]["defined_elsewhere"] = {"CONFIG_CC_HAS_K_CONSTRAINT"};
  CHECK(configurationText(R["configuration"]).find(
            "the 5 options its parse read: 3 set by the configuration (of 3 it "
            "sets), 1 defined by the compile command or a header, 1 unset.") !=
        std::string::npos);
  CHECK(configurationHtml(R["configuration"])
            .find("<td>1 (not from the configuration)</td>") !=
        std::string::npos);
  CHECK(configurationText(json::object()).empty());
}

TEST_CASE("The options read are a table for a reader without scripts",
          "[configuration]") {
  std::string Html = configurationHtml(
      reportWith({{"CONFIG_A", "y"}, {"CONFIG_B", nullptr}})["configuration"]);
  CHECK(Html.find("<tr><td>CONFIG_A</td><td>y</td></tr>") != std::string::npos);
  CHECK(Html.find("<tr><td>CONFIG_B</td><td>not set</td></tr>") !=
        std::string::npos);
  CHECK(Html.find("<script") == std::string::npos);
}

TEST_CASE("A diff lists the fields and options read that differ",
          "[configuration]") {
  json Old = reportWith(
      {{"CONFIG_SMP", nullptr}, {"CONFIG_SAME", "y"}, {"CONFIG_OLD_ONLY", "y"}},
      "7.2.1");
  json New = reportWith({{"CONFIG_SMP", "y"},
                         {"CONFIG_SAME", "y"},
                         {"CONFIG_NEW_ONLY", nullptr}});
  json Changes = configurationChanges(New, Old);
  REQUIRE(Changes.size() == 4);
  CHECK(Changes[0] ==
        json({{"name", "release"}, {"from", "7.2.1"}, {"to", "7.3.4"}}));
  CHECK(configurationChangeText(Changes[1]) ==
        "CONFIG_NEW_ONLY: not read → not set");
  CHECK(configurationChangeText(Changes[2]) == "CONFIG_OLD_ONLY: y → not read");
  CHECK(configurationChangeText(Changes[3]) == "CONFIG_SMP: not set → y");
  CHECK(configurationChanges(New, json::object()).empty());
}
