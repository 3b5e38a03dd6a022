//===- MacroInfluence.cpp - Code a macro difference changes ---------------===//

#include "frontend/kernel/MacroInfluence.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

namespace h2r::frontend {

using namespace clang;

MacroInfluence::MacroInfluence(const Preprocessor &PP,
                               const std::set<std::string> &Differing)
    : PP(PP), SM(PP.getSourceManager()), Roots(Differing) {
  for (const std::string &Name : Differing) {
    Changed[Name] = static_cast<PathId>(Paths.size());
    Paths.push_back({{Name}, {SourceLocation()}, SourceLocation()});
  }
}

MacroInfluence::PathId MacroInfluence::changed(const Token &Name) const {
  const IdentifierInfo *II = Name.getIdentifierInfo();
  if (!II)
    return None;
  auto It = Changed.find(II->getName().str());
  return It == Changed.end() ? None : It->second;
}

MacroInfluence::PathId MacroInfluence::extend(PathId From,
                                              const std::string &Macro,
                                              SourceLocation Loc) {
  MacroInfluencePath P = Paths[From];
  if (P.Chain.back() != Macro) {
    P.Chain.push_back(Macro);
    P.Defined.push_back(Loc);
  }
  Paths.push_back(std::move(P));
  return static_cast<PathId>(Paths.size() - 1);
}

void MacroInfluence::conditionMeets(PathId P) {
  if (Condition == None)
    Condition = P;
}

void MacroInfluence::open(SourceLocation Loc, PathId Cond) {
  PathId Outer = Conditionals.empty() ? None : Conditionals.back().Path;
  Conditionals.push_back({Loc, Cond != None ? Cond : Outer});
}

void MacroInfluence::MacroExpands(const Token &Name, const MacroDefinition &,
                                  SourceRange Range, const MacroArgs *) {
  PathId P = changed(Name);
  if (P == None)
    return;
  if (PP.isParsingIfOrElifDirective()) {
    conditionMeets(P);
    return;
  }
  std::pair<FileID, unsigned> At =
      SM.getDecomposedLoc(SM.getExpansionLoc(Range.getBegin()));
  Uses[At.first].push_back({At.second, P});
}

void MacroInfluence::Defined(const Token &Name, const MacroDefinition &,
                             SourceRange) {
  if (PathId P = changed(Name); P != None)
    conditionMeets(P);
}

void MacroInfluence::MacroDefined(const Token &Name, const MacroDirective *MD) {
  std::string N = Name.getIdentifierInfo()->getName().str();
  if (!Conditionals.empty() && Conditionals.back().Path != None)
    Changed[N] = extend(Conditionals.back().Path, N, MD->getLocation());
  else if (!Roots.count(N))
    Changed.erase(N); // defined again, the same way for both
}

void MacroInfluence::MacroUndefined(const Token &Name, const MacroDefinition &,
                                    const MacroDirective *Undef) {
  std::string N = Name.getIdentifierInfo()->getName().str();
  if (!Conditionals.empty() && Conditionals.back().Path != None)
    Changed[N] = extend(Conditionals.back().Path, N,
                        Undef ? Undef->getLocation() : Name.getLocation());
  else if (!Roots.count(N))
    Changed.erase(N);
}

void MacroInfluence::If(SourceLocation Loc, SourceRange, ConditionValueKind) {
  open(Loc, Condition);
  Condition = None;
}

void MacroInfluence::laterBranch(SourceLocation Loc, PathId Cond) {
  // Which later branch is taken depends on this condition too.
  if (!Conditionals.empty() && Conditionals.back().Path == None &&
      Cond != None)
    Conditionals.back() = {Loc, Cond};
}

void MacroInfluence::Elif(SourceLocation Loc, SourceRange, ConditionValueKind,
                          SourceLocation) {
  laterBranch(Loc, Condition);
  Condition = None;
}

void MacroInfluence::Ifdef(SourceLocation Loc, const Token &Name,
                           const MacroDefinition &) {
  open(Loc, changed(Name));
}

void MacroInfluence::Ifndef(SourceLocation Loc, const Token &Name,
                            const MacroDefinition &) {
  open(Loc, changed(Name));
}

void MacroInfluence::Elifdef(SourceLocation Loc, const Token &Name,
                             const MacroDefinition &) {
  laterBranch(Loc, changed(Name));
}

void MacroInfluence::Elifndef(SourceLocation Loc, const Token &Name,
                              const MacroDefinition &) {
  laterBranch(Loc, changed(Name));
}

void MacroInfluence::Endif(SourceLocation Loc, SourceLocation) {
  if (Conditionals.empty())
    return;
  Open O = Conditionals.back();
  Conditionals.pop_back();
  bool Outer = !Conditionals.empty() && Conditionals.back().Path == O.Path;
  if (O.Path != None && !Outer)
    Regions.push_back({O.Begin, Loc, O.Path});
}

std::vector<MacroInfluencePath>
MacroInfluence::influences(const FunctionDecl *FD) const {
  SourceLocation Begin = SM.getExpansionLoc(FD->getBeginLoc());
  SourceLocation End = SM.getExpansionLoc(FD->getEndLoc());
  std::vector<MacroInfluencePath> Found;
  std::set<std::string> Seen;
  auto add = [&](PathId P, SourceLocation Loc) {
    MacroInfluencePath Path = Paths[P];
    if (!Seen.insert(Path.Chain.back()).second)
      return;
    Path.Loc = Loc;
    Found.push_back(std::move(Path));
  };
  for (const Region &R : Regions)
    if (!SM.isBeforeInTranslationUnit(Begin, R.Begin) &&
        !SM.isBeforeInTranslationUnit(R.End, Begin))
      add(R.Path, R.Begin);
  std::pair<FileID, unsigned> B = SM.getDecomposedLoc(Begin);
  std::pair<FileID, unsigned> E = SM.getDecomposedLoc(End);
  auto It = Uses.find(B.first);
  if (It != Uses.end() && B.first == E.first)
    for (const auto &[Offset, P] : It->second)
      if (Offset >= B.second && Offset <= E.second)
        add(P, SM.getComposedLoc(B.first, Offset));
  return Found;
}

} // namespace h2r::frontend
