//===- frontend/SourceInfo.h - Clang locations for reports -----*- C++ -*-===//
#ifndef H2R_FRONTEND_SOURCEINFO_H
#define H2R_FRONTEND_SOURCEINFO_H

#include "ir/Report.h"

#include "clang/Basic/SourceLocation.h"

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

} // namespace h2r::frontend

#endif
