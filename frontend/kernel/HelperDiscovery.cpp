#include "frontend/kernel/HelperDiscovery.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Token.h"

namespace h2r::frontend {

using namespace clang;

void HelperMarkers::MacroExpands(const Token &MacroNameTok,
                                 const MacroDefinition &, SourceRange Range,
                                 const MacroArgs *) {
  if (const IdentifierInfo *II = MacroNameTok.getIdentifierInfo())
    if (II->getName() == MacroName)
      Locs.push_back(Range.getBegin());
}

// The marker is an (empty) macro written before the declaration, so it lies
// after the previous declaration and before this one's name.
static bool isMarked(const FunctionDecl *FD, SourceLocation PrevEnd,
                     const HelperMarkers &Markers, const SourceManager &SM) {
  SourceLocation Name = SM.getExpansionLoc(FD->getLocation());
  for (SourceLocation L : Markers.locations()) {
    L = SM.getExpansionLoc(L);
    if ((PrevEnd.isInvalid() || SM.isBeforeInTranslationUnit(PrevEnd, L)) &&
        SM.isBeforeInTranslationUnit(L, Name))
      return true;
  }
  return false;
}

// Helpers live in the main file or, as upstream's helpers.c arranges it, in
// the per-subsystem .c files it includes; never in headers.
static bool isHelperSource(SourceLocation Loc, const SourceManager &SM) {
  if (SM.isInMainFile(Loc))
    return true;
  return SM.getFilename(Loc).ends_with(".c");
}

std::vector<Helper> findHelpers(ASTContext &Ctx, const std::string &Prefix,
                                const HelperMarkers &Markers) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Helper> Helpers;
  SourceLocation PrevEnd;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceLocation ThisPrevEnd = PrevEnd;
    if (!D->isImplicit())
      PrevEnd = SM.getExpansionLoc(D->getEndLoc());
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() ||
        !isHelperSource(SM.getExpansionLoc(FD->getLocation()), SM))
      continue;
    std::string Name = FD->getNameAsString();
    bool Prefixed = !Prefix.empty() && Name.size() > Prefix.size() &&
                    Name.compare(0, Prefix.size(), Prefix) == 0;
    if (!Prefixed && !isMarked(FD, ThisPrevEnd, Markers, SM))
      continue;
    Helpers.push_back({FD, Prefixed ? Name.substr(Prefix.size()) : Name});
  }
  return Helpers;
}

} // namespace h2r::frontend
