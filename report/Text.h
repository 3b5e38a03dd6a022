//===- report/Text.h - What the formats print alike -------------*- C++ -*-===//
//
// The one-line texts and small parsers several renderers share: a list, a
// call chain, a macro chain, the shares, the fallback route, the in-kernel
// check and machine code figures, a location's parts.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_TEXT_H
#define H2R_REPORT_TEXT_H

#include <nlohmann/json.hpp>

#include <string>

namespace h2r::report {

// "translation" or "survey".
std::string kindOf(const nlohmann::json &Report);

// "dir/file.c:12:3" -> file, line, column.
struct Location {
  std::string File;
  int Line = 0, Column = 0;
};
Location parseLocation(const std::string &S);

// "a, b, c", or "none".
std::string listText(const nlohmann::json &List);
// How many changes a diff lists.
size_t changeCount(const nlohmann::json &Changes);
// "helper → f → g".
std::string chainText(const nlohmann::json &Chain);
// "`inner` (file:l:c) ← `outer` (..)"; Quote is "`" for Markdown.
std::string macroText(const nlohmann::json &Macros,
                      const std::string &Quote = "`");
// "Translated exactly: 98.0 %; shimmed: ...".
std::string sharesText(const nlohmann::json &Shares);
// How the helpers left to C reach Rust in the build the report came from;
// empty outside a kernel build.
std::string routeText(const nlohmann::json &Analysis);
// The in-kernel differential suite's plan (--kunit-suite), in one line.
std::string kernelCheckText(const nlohmann::json &Summary);
// A helper's verdict: "in suite", "not checkable: <reason>", or nothing.
std::string kernelCheckCell(const nlohmann::json &Helper);
// The codegen benchmark's figures in one line.
std::string codegenText(const nlohmann::json &Analysis);
// A helper's counts, "C / Rust", or nothing where none was measured.
std::string codegenCell(const nlohmann::json &Helper);

} // namespace h2r::report

#endif
