//===- frontend/SourceInfo.h - Clang locations for reports -----*- C++ -*-===//
#ifndef H2R_FRONTEND_SOURCEINFO_H
#define H2R_FRONTEND_SOURCEINFO_H

#include "ir/Report.h"

#include "clang/Basic/SourceLocation.h"

#include <string>

namespace clang {
class SourceManager;
class LangOptions;
} // namespace clang

namespace h2r::frontend {

// The file:line:col where a location is expanded (what a user opens).
ir::SourceLoc describeLocation(clang::SourceLocation Loc,
                               const clang::SourceManager &SM);

// The macros through which Loc was produced, innermost first, each with the
// place it was expanded, like clang's "expanded from macro" notes.
std::vector<ir::MacroStep> macroChain(clang::SourceLocation Loc,
                                      const clang::SourceManager &SM,
                                      const clang::LangOptions &LO);

// The text of Range as written in its file, for a reviewer: where the range
// comes from a macro (a function PAGEFLAG defines), the macro's invocation.
std::string sourceText(clang::SourceRange Range, const clang::SourceManager &SM,
                       const clang::LangOptions &LO);

} // namespace h2r::frontend

#endif
