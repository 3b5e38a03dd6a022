// The JSON report: field names and summary figures (docs/report-format.md).
#include "emitter/ReportJson.h"

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

  nlohmann::json J = emit::reportToJson(R);
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
