#include "frontend/SourceInfo.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace h2r::frontend {

static ir::SourceLoc describeFileLocation(clang::SourceLocation Loc,
                                          const clang::SourceManager &SM) {
  ir::SourceLoc Out;
  clang::PresumedLoc P = SM.getPresumedLoc(Loc);
  if (P.isInvalid())
    return Out;
  Out.File = P.getFilename();
  Out.Line = P.getLine();
  Out.Column = P.getColumn();
  return Out;
}

ir::SourceLoc describeLocation(clang::SourceLocation Loc,
                               const clang::SourceManager &SM) {
  if (Loc.isInvalid())
    return {};
  return describeFileLocation(SM.getExpansionLoc(Loc), SM);
}

std::vector<ir::MacroStep> macroChain(clang::SourceLocation Loc,
                                      const clang::SourceManager &SM,
                                      const clang::LangOptions &LO) {
  std::vector<ir::MacroStep> Chain;
  while (Loc.isMacroID()) {
    llvm::StringRef Name =
        clang::Lexer::getImmediateMacroNameForDiagnostics(Loc, SM, LO);
    clang::SourceLocation Site = SM.getImmediateExpansionRange(Loc).getBegin();
    if (!Name.empty() && (Chain.empty() || Chain.back().Macro != Name))
      Chain.push_back(
          {Name.str(), describeFileLocation(SM.getSpellingLoc(Site), SM)});
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Chain;
}

std::string sourceText(clang::SourceRange Range, const clang::SourceManager &SM,
                       const clang::LangOptions &LO) {
  clang::CharSourceRange File = SM.getExpansionRange(Range);
  return clang::Lexer::getSourceText(File, SM, LO).str();
}

} // namespace h2r::frontend
