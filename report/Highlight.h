//===- report/Highlight.h - C and Rust as HTML ------------------*- C++ -*-===//
//
// The review report shows every helper's C beside its Rust. Escaping for
// HTML is done here, and highlighting, as HTML spans the page's style
// colours, so that the page needs no script and no network to read:
// keywords, comments, string and character literals, numbers, and (C)
// preprocessor lines.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_REPORT_HIGHLIGHT_H
#define H2R_REPORT_HIGHLIGHT_H

#include <string>

namespace h2r::report {

enum class SourceLanguage { C, Rust };

// Code, HTML-escaped, with <span class="kw|cm|st|nu|pp"> around the tokens
// of those kinds. The text of the result, tags removed and entities
// decoded, is Code.
std::string highlightHtml(const std::string &Code, SourceLanguage Language);

// The style rules for those classes.
extern const char *HighlightStyle;

// Text as HTML: &, <, > and " escaped.
std::string escapeHtml(const std::string &Text);

} // namespace h2r::report

#endif
