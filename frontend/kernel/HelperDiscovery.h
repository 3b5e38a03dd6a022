//===- HelperDiscovery.h - Which functions are helpers ----------*- C++ -*-===//
//
// A helper is a function defined in the main file (or a .c file it includes,
// as upstream's helpers.c includes one file per subsystem) whose name carries
// the helper prefix (`rust_helper_`), or one annotated `__rust_helper`. That
// annotation is a macro, usually empty, so it leaves nothing in the AST; the
// preprocessor callback below remembers where it was expanded.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_HELPERDISCOVERY_H
#define H2R_FRONTEND_KERNEL_HELPERDISCOVERY_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
} // namespace clang

namespace h2r::frontend {

class HelperMarkers : public clang::PPCallbacks {
public:
  static constexpr const char *MacroName = "__rust_helper";

  void MacroExpands(const clang::Token &MacroNameTok,
                    const clang::MacroDefinition &MD, clang::SourceRange Range,
                    const clang::MacroArgs *Args) override;

  const std::vector<clang::SourceLocation> &locations() const { return Locs; }

private:
  std::vector<clang::SourceLocation> Locs;
};

struct Helper {
  const clang::FunctionDecl *Decl;
  std::string ExportName; // the C name without the helper prefix
};

std::vector<Helper> findHelpers(clang::ASTContext &Ctx,
                                const std::string &Prefix,
                                const HelperMarkers &Markers);

} // namespace h2r::frontend

#endif
