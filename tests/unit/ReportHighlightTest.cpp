// The review's highlighting: the tokens a reader looks for in spans, and
// nothing of the code lost or changed.
#include "report/Highlight.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace h2r::report;

namespace {

// The text a browser shows: tags removed, entities decoded.
std::string shownText(const std::string &Html) {
  std::string Text = std::regex_replace(Html, std::regex("<[^>]*>"), "");
  for (auto [Entity, Char] : {std::pair{"&lt;", "<"},
                              {"&gt;", ">"},
                              {"&quot;", "\""},
                              {"&amp;", "&"}}) {
    for (size_t At = Text.find(Entity); At != std::string::npos;
         At = Text.find(Entity, At + 1))
      Text.replace(At, std::string(Entity).size(), Char);
  }
  return Text;
}

} // namespace

TEST_CASE("C is highlighted without losing a character", "[highlight]") {
  std::string C = "#define TWO(x) \\\n  ((x) << 1)\n"
                  "static inline int f(const char *s) {\n"
                  "  /* a <b> comment */ return s[0] == 'a' ? 0x1f : 2; // x\n"
                  "  puts(\"a \\\" <quote>\");\n}\n";
  std::string Html = highlightHtml(C, SourceLanguage::C);
  CHECK(shownText(Html) == C);
  CHECK(
      Html.find(
          "<span class=\"pp\">#define TWO(x) \\\n  ((x) &lt;&lt; 1)</span>") !=
      std::string::npos);
  CHECK(Html.find(
            "<span class=\"kw\">static</span> <span class=\"kw\">inline</span> "
            "<span class=\"kw\">int</span> f(") != std::string::npos);
  CHECK(Html.find("<span class=\"cm\">/* a &lt;b&gt; comment */</span>") !=
        std::string::npos);
  CHECK(Html.find("<span class=\"st\">'a'</span>") != std::string::npos);
  CHECK(Html.find("<span class=\"nu\">0x1f</span>") != std::string::npos);
  CHECK(Html.find(
            "<span class=\"st\">&quot;a \\&quot; &lt;quote&gt;&quot;</span>") !=
        std::string::npos);
  // An identifier that holds a keyword is not one.
  CHECK(highlightHtml("interval", SourceLanguage::C) == "interval");
}

TEST_CASE("Rust is highlighted, lifetimes and ranges as written",
          "[highlight]") {
  std::string Rust = "/// Doc.\npub unsafe fn f<'a>(x: &'a u8) -> u8 {\n"
                     "    for i in 0..n { let c = b'x'; }\n    *x\n}\n";
  std::string Html = highlightHtml(Rust, SourceLanguage::Rust);
  CHECK(shownText(Html) == Rust);
  CHECK(Html.find("<span class=\"cm\">/// Doc.</span>") != std::string::npos);
  CHECK(Html.find(
            "<span class=\"kw\">pub</span> <span class=\"kw\">unsafe</span> "
            "<span class=\"kw\">fn</span> f&lt;'a&gt;") != std::string::npos);
  CHECK(Html.find("<span class=\"nu\">0</span>..n") != std::string::npos);
  CHECK(Html.find("<span class=\"st\">'x'</span>") != std::string::npos);
  // '#' starts no directive in Rust.
  CHECK(highlightHtml("#[inline]\n", SourceLanguage::Rust) == "#[inline]\n");
}
