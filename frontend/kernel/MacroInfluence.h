//===- MacroInfluence.h - Code a macro difference changes -------*- C++ -*-===//
//
// The helpers' parse and helpers.o's own compile may start from different
// predefined macros (another compiler, another version, a sanitizer the
// bindgen rule drops). A difference matters where it changes code the
// translation reaches. This preprocessor callback follows each differing
// macro through the headers: a conditional that tests it (or a macro it
// changes) makes every definition in its branches changed, and so every
// macro defined there; an expansion of a changed macro changes the code it
// lands in. Afterwards it answers, per function, which differences change
// its definition and by which chain of macros.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_MACROINFLUENCE_H
#define H2R_FRONTEND_KERNEL_MACROINFLUENCE_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace h2r::frontend {

// How a differing macro reaches a function: through these macros (the
// differing one first, the one the function's code meets last), each but
// the first (re)defined at Defined[i] under a conditional that depends on
// the one before; at Loc (the expansion in the function, or the
// conditional around it).
struct MacroInfluencePath {
  std::vector<std::string> Chain;
  std::vector<clang::SourceLocation> Defined;
  clang::SourceLocation Loc;
};

class MacroInfluence : public clang::PPCallbacks {
public:
  MacroInfluence(const clang::Preprocessor &PP,
                 const std::set<std::string> &Differing);

  // The differences that change FD's definition, at most one path per
  // macro the function meets.
  std::vector<MacroInfluencePath> influences(const clang::FunctionDecl *FD) const;

  void MacroExpands(const clang::Token &Name, const clang::MacroDefinition &MD,
                    clang::SourceRange Range,
                    const clang::MacroArgs *Args) override;
  void Defined(const clang::Token &Name, const clang::MacroDefinition &MD,
               clang::SourceRange Range) override;
  void MacroDefined(const clang::Token &Name,
                    const clang::MacroDirective *MD) override;
  void MacroUndefined(const clang::Token &Name,
                      const clang::MacroDefinition &MD,
                      const clang::MacroDirective *Undef) override;
  void If(clang::SourceLocation Loc, clang::SourceRange Condition,
          ConditionValueKind Value) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange Condition,
            ConditionValueKind Value, clang::SourceLocation IfLoc) override;
  void Ifdef(clang::SourceLocation Loc, const clang::Token &Name,
             const clang::MacroDefinition &MD) override;
  void Ifndef(clang::SourceLocation Loc, const clang::Token &Name,
              const clang::MacroDefinition &MD) override;
  void Elifdef(clang::SourceLocation Loc, const clang::Token &Name,
               const clang::MacroDefinition &MD) override;
  void Elifndef(clang::SourceLocation Loc, const clang::Token &Name,
                const clang::MacroDefinition &MD) override;
  void Endif(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;

private:
  // An index into Paths, or None.
  using PathId = int;
  static constexpr PathId None = -1;

  // The path of the changed macro Name, or None.
  PathId changed(const clang::Token &Name) const;
  // A condition met a changed macro: the innermost conditional depends on it.
  void conditionMeets(PathId P);
  void open(clang::SourceLocation Loc, PathId Cond);
  // An #elif-like branch whose condition met Cond (or None).
  void laterBranch(clang::SourceLocation Loc, PathId Cond);
  PathId extend(PathId From, const std::string &Macro,
                clang::SourceLocation Loc);

  const clang::Preprocessor &PP;
  const clang::SourceManager &SM;
  std::vector<MacroInfluencePath> Paths;
  std::map<std::string, PathId> Changed;
  std::set<std::string> Roots;
  // What the condition being read met, and each open conditional's path.
  PathId Condition = None;
  struct Open {
    clang::SourceLocation Begin;
    PathId Path;
  };
  std::vector<Open> Conditionals;
  // Expansions of changed macros, and conditionals that depend on one,
  // by file offset of their expansion location.
  std::map<clang::FileID, std::vector<std::pair<unsigned, PathId>>> Uses;
  struct Region {
    clang::SourceLocation Begin, End;
    PathId Path;
  };
  std::vector<Region> Regions;
};

} // namespace h2r::frontend

#endif
