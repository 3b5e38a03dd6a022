// The JSON report: field names and summary figures (docs/report-format.md).
#include "report/Json.h"
#include "report/Analysis.h"
#include "report/Render.h"
#include "report/Schema.h"
#include "ir/ReportPaths.h"

#include <catch2/catch.hpp>

using namespace h2r;

TEST_CASE("the report summarises helpers and counts blockers once per helper",
          "[report]") {
  ir::Report R;
  R.Inputs = {"a.c"};
  R.TypeMode = "self";
  R.ExportMode = "inline";
  ir::HelperRecord Ok;
  Ok.Name = "rust_helper_ok";
  Ok.RustName = "ok";
  Ok.Loc = {"a.c", 3, 5};
  Ok.Sig.Ret.Kind = "int";
  Ok.Sig.Ret.Bits = 32;
  Ok.Sig.Ret.Signed = true;
  R.Helpers.push_back(Ok);

  ir::HelperRecord Bad;
  Bad.Name = "rust_helper_bad";
  Bad.RustName = "bad";
  Bad.St = ir::HelperRecord::Status::Fallback;
  ir::FallbackReason Why;
  Why.Construct = "inline-asm";
  Why.Function = "arch_thing";
  Why.Loc = {"arch.h", 10, 2};
  Why.MacroChain.push_back({"asm_volatile_goto", {"a.c", 7, 3}});
  Why.Message = "inline assembly";
  Bad.Reasons = {Why, Why};
  Bad.Sig.Ret.Kind = "void";
  R.Helpers.push_back(Bad);

  ir::FunctionRecord F;
  F.Name = "arch_thing";
  F.Reasons.push_back(Why);
  R.Functions.push_back(F);

  nlohmann::json J = report::reportToJson(R);
  CHECK(J["format_version"] == 1);
  CHECK(J["summary"]["helpers"] == 2);
  CHECK(J["summary"]["translated"] == 1);
  CHECK(J["summary"]["fallback"] == 1);
  CHECK(J["summary"]["shimmed"] == 0);
  CHECK(J["summary"]["functions_rejected"] == 1);
  CHECK(J["summary"]["fallback_by_construct"]["inline-asm"] == 1);
  const auto &H = J["helpers"][1];
  CHECK(H["status"] == "fallback");
  CHECK(H["reasons"][0]["location"] == "arch.h:10:2");
  CHECK(H["reasons"][0]["macro_chain"][0]["macro"] == "asm_volatile_goto");
  CHECK(H["reasons"][0]["macro_chain"][0]["location"] == "a.c:7:3");
  CHECK(J["helpers"][0]["signature"]["return"]["bits"] == 32);
  CHECK(J["helpers"][0]["location"] == "a.c:3:5");
}

TEST_CASE("blockers rank by the helpers they alone hold back", "[report]") {
  using nlohmann::json;
  auto Reason = [](const char *C, const char *F) {
    return json{{"construct", C}, {"function", F}, {"location", "h.h:1:1"},
                {"macro_chain", json::array()}, {"message", "m"}};
  };
  json R = {{"tool", "helpers2rs"},
            {"kind", "translation"},
            {"summary",
             {{"helpers", 3}, {"translated", 0}, {"shimmed", 0},
              {"fallback", 3}, {"functions", 2}}},
            {"functions",
             json::array({{{"name", "rust_helper_a"}, {"location", "a.c:1:1"},
                           {"status", "rejected"}, {"callees", {"mid"}}},
                          {{"name", "mid"}, {"location", "h.h:1:1"},
                           {"status", "rejected"}, {"callees", {"leaf"}}}})},
            {"helpers", json::array()}};
  R["helpers"].push_back({{"name", "rust_helper_a"}, {"file", "a.c"},
                          {"location", "a.c:1:1"}, {"status", "fallback"},
                          {"closure", {"mid", "leaf"}},
                          {"reasons", {Reason("inline-asm", "leaf")}}});
  R["helpers"].push_back({{"name", "rust_helper_b"}, {"file", "a.c"},
                          {"location", "a.c:2:1"}, {"status", "fallback"},
                          {"closure", json::array()},
                          {"reasons", {Reason("inline-asm", "x"),
                                       Reason("va-arg", "y")}}});
  R["helpers"].push_back({{"name", "rust_helper_c"}, {"file", "b.c"},
                          {"location", "b.c:1:1"}, {"status", "fallback"},
                          {"closure", json::array()},
                          {"reasons", {Reason("va-arg", "y"),
                                       Reason("va-arg", "z")}}});
  REQUIRE(report::reportSchemaError(R) == "");
  json A = report::analyseReport(R, nullptr);
  REQUIRE(A["blockers"].size() == 2);
  // Each holds one helper back alone; both hold back two in all.
  CHECK(A["blockers"][0]["unlocks"] == 1);
  CHECK(A["blockers"][0]["affected"] == 2);
  json Chain = A["helpers"][0]["reasons"][0]["chain"];
  CHECK(Chain == json({"rust_helper_a", "mid", "leaf"}));
  CHECK(A["files"].size() == 2);
  std::string Md = report::renderReport(A, report::ReportFormat::Markdown);
  CHECK_THAT(Md, Catch::Contains("fixing it would unlock 1 helper (2 held back in all)"));
  CHECK_THAT(Md, Catch::Contains("chain: rust_helper_a → mid → leaf"));
  json Sarif = json::parse(report::renderReport(A, report::ReportFormat::Sarif));
  CHECK(Sarif["runs"][0]["results"].size() == 3);
}

TEST_CASE("survey shards merge, counting each function once", "[report]") {
  using nlohmann::json;
  auto Fn = [](const char *Name, const char *Loc, bool Ok) {
    return json{{"name", Name}, {"location", Loc},
                {"status", Ok ? "translatable" : "rejected"},
                {"reasons", json::array()}};
  };
  json S0 = {{"tool", "helpers2rs"}, {"kind", "survey"}, {"format_version", 1},
             {"units", {"a.c"}}, {"summary", {{"failed_units", 0}}},
             {"functions", {Fn("f", "x.h:1:1", true), Fn("g", "x.h:5:1", false)}}};
  json S1 = {{"tool", "helpers2rs"}, {"kind", "survey"}, {"format_version", 1},
             {"units", {"b.c", "c.c"}}, {"failed_units", {"c.c"}},
             {"summary", {{"failed_units", 1}}},
             {"functions", {Fn("f", "x.h:1:1", true), Fn("h", "y.h:2:1", true)}}};
  std::string Error;
  json M = report::mergeReports({S0, S1}, Error);
  REQUIRE(Error.empty());
  CHECK(M["summary"]["functions"] == 3);
  CHECK(M["summary"]["translatable"] == 2);
  CHECK(M["summary"]["failed_units"] == 1);
  CHECK(M["failed_units"] == json::array({"c.c"}));
  report::mergeReports({S0, json{{"tool", "helpers2rs"}, {"summary", {}}}}, Error);
  CHECK_FALSE(Error.empty());
}

TEST_CASE("the report reader names the first malformed field", "[report]") {
  using nlohmann::json;
  json Helper = {{"name", "rust_helper_a"}, {"location", "a.c:1:1"},
                 {"status", "translated"}, {"closure", json::array()},
                 {"reasons", json::array()}};
  json R = {{"tool", "helpers2rs"},
            {"kind", "translation"},
            {"summary",
             {{"helpers", 1}, {"translated", 1}, {"shimmed", 0},
              {"fallback", 0}, {"functions", 0}}},
            {"functions", json::array()},
            {"helpers", {Helper}}};
  CHECK(report::reportSchemaError(R) == "");

  json Missing = R;
  Missing["helpers"][0].erase("status");
  CHECK(report::reportSchemaError(Missing) == "helpers[0].status: missing");

  json Fraction = R;
  Fraction["summary"]["helpers"] = 1.5;
  CHECK(report::reportSchemaError(Fraction) ==
        "summary.helpers: expected an integer, found 1.5");

  // A translation report that says it is a survey lacks the survey's fields.
  json Relabelled = R;
  Relabelled["kind"] = "survey";
  Relabelled["format_version"] = 1;
  CHECK(report::reportSchemaError(Relabelled) == "summary.translatable: missing");

  json BadReason = R;
  BadReason["helpers"][0]["reasons"] = {{{"construct", 3}}};
  CHECK(report::reportSchemaError(BadReason) ==
        "helpers[0].reasons[0].construct: expected a string, found 3");

  CHECK(report::reportSchemaError(json::array()) ==
        "expected a report object, found array");
  json Foreign = R;
  Foreign["tool"] = "other";
  CHECK(report::reportSchemaError(Foreign) == "tool: not a helpers2rs report");
}

TEST_CASE("report paths under the kernel tree or the build directory become "
          "relative to the innermost",
          "[report]") {
  ir::Report R;
  R.Inputs = {"/src/linux/rust/helpers/helpers.c"};
  ir::HelperRecord H;
  H.Loc = {"/src/linux/rust/helpers/atomic.c", 15, 1};
  ir::FallbackReason Why;
  Why.Loc = {"/src/linux/build/include/generated/autoconf.h", 2, 3};
  Why.MacroChain = {{"BIT", {"/src/linux/include/vdso/bits.h", 7, 1}}};
  H.Reasons.push_back(Why);
  H.Shims.push_back(Why);
  ir::MacroChange Change;
  Change.Chain = {"__clang__", "ASM_INPUT_RM"};
  Change.Loc = {"/src/linux/arch/x86/include/asm/bitops.h", 240, 3};
  H.MacroChanges.push_back(Change);
  R.Helpers.push_back(H);
  ir::FunctionRecord F;
  F.Loc = {"/usr/include/stddef.h", 1, 1};
  F.Notes.push_back(Why);
  R.Functions.push_back(F);
  ir::relativisePaths(R, {"/src/linux", "/src/linux/build"});
  CHECK(R.Inputs[0] == "rust/helpers/helpers.c");
  CHECK(R.Helpers[0].Loc.File == "rust/helpers/atomic.c");
  CHECK(R.Helpers[0].Reasons[0].Loc.File == "include/generated/autoconf.h");
  CHECK(R.Helpers[0].Reasons[0].MacroChain[0].Loc.File == "include/vdso/bits.h");
  CHECK(R.Helpers[0].Shims[0].Loc.File == "include/generated/autoconf.h");
  CHECK(R.Helpers[0].MacroChanges[0].Loc.File == "arch/x86/include/asm/bitops.h");
  CHECK(R.Functions[0].Loc.File == "/usr/include/stddef.h"); // outside both
  CHECK(R.Functions[0].Notes[0].Loc.File == "include/generated/autoconf.h");
  // A root is a directory, not a prefix of a name.
  ir::Report Other;
  Other.Inputs = {"/src/linux-next/a.c"};
  ir::relativisePaths(Other, {"/src/linux"});
  CHECK(Other.Inputs[0] == "/src/linux-next/a.c");
}

TEST_CASE("the kernel check says what the suite measures and builds",
          "[report]") {
  ir::Report R;
  R.Inputs = {"a.c"};
  R.TypeMode = "bindgen";
  R.ExportMode = "inline";
  ir::HelperRecord Lock;
  Lock.Name = "rust_helper_mutex_lock";
  Lock.RustName = "mutex_lock";
  Lock.Loc = {"a.c", 3, 5};
  Lock.Sig.Ret.Kind = "void";
  Lock.Sig.Params = {{"lock", {"pointer", 64, false, 160, false, "struct mutex *"}}};
  Lock.Check.V = ir::KernelCheck::Verdict::InSuite;
  Lock.Check.PreemptCount = {"pcpu_hot", "preempt_count"};
  Lock.Check.InitialisedMutexes = {0};
  R.Helpers.push_back(Lock);
  ir::HelperRecord Pages;
  Pages.Name = "rust_helper_alloc_pages";
  Pages.RustName = "alloc_pages";
  Pages.Loc = {"a.c", 9, 1};
  Pages.Sig.Ret = {"pointer", 64, false, 64, false, "struct page *"};
  Pages.Sig.Params = {{"gfp_mask", {"int", 32, false, 0, false, "gfp_t"}},
                      {"order", {"int", 32, false, 0, false, "unsigned int"}}};
  Pages.Check.V = ir::KernelCheck::Verdict::InSuite;
  Pages.Check.Allocates = ir::Allocation::Pages;
  Pages.Check.AllocatorArguments = {{0, ir::AllocatorArgument::Flags},
                                    {1, ir::AllocatorArgument::Order}};
  R.Helpers.push_back(Pages);

  nlohmann::json J = report::reportToJson(R);
  CHECK(J["helpers"][1]["kernel_check"]["allocates"] == "pages");
  CHECK(J["helpers"][1]["kernel_check"]["allocator_arguments"] ==
        nlohmann::json({{"gfp_mask", "flags"}, {"order", "order"}}));
  CHECK(J["helpers"][0]["kernel_check"] ==
        nlohmann::json({{"verdict", "in-suite"},
                        {"changes_preempt_count", true},
                        {"initialised_mutexes", {"lock"}}}));
  REQUIRE(report::reportSchemaError(J) == "");
  std::string Md = report::renderReport(report::analyseReport(J, nullptr),
                                      report::ReportFormat::Markdown);
  CHECK_THAT(Md, Catch::Contains(
                     "in suite, preempt count compared, mutex initialised"));
  CHECK_THAT(Md, Catch::Contains("in suite, allocation compared and freed"));
  J["helpers"][1]["kernel_check"]["allocator_arguments"]["order"] = "pages";
  CHECK(report::reportSchemaError(J) ==
        "helpers[1].kernel_check.allocator_arguments.order: unknown value "
        "'pages'");
}
