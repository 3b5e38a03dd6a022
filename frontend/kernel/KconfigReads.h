//===- KconfigReads.h - The configuration a parse read ----------*- C++ -*-===//
//
// A kernel translation is made for one configuration; its report names it.
// This preprocessor callback records every CONFIG_ option the parse tests
// (#ifdef, defined(), #if) or expands, and those IS_ENABLED() and its kin
// are asked about, so the report can list what can change the translation
// with the values it had. A name made by token pasting other than
// IS_ENABLED's is not seen.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_KCONFIGREADS_H
#define H2R_FRONTEND_KERNEL_KCONFIGREADS_H

#include "ir/Report.h"

#include "clang/Lex/PPCallbacks.h"

#include <set>
#include <string>

namespace clang {
class Preprocessor;
} // namespace clang

namespace h2r::frontend {

class KconfigReads : public clang::PPCallbacks {
public:
  explicit KconfigReads(const clang::Preprocessor &PP) : PP(PP) {}

  // What was read, with the values the configuration gives; the target
  // and the version texts from the parse, the release from the build
  // directory's include/config/kernel.release.
  ir::KernelConfiguration configuration(const std::string &BuildDir) const;

  void MacroExpands(const clang::Token &Name, const clang::MacroDefinition &MD,
                    clang::SourceRange Range,
                    const clang::MacroArgs *Args) override;
  void Defined(const clang::Token &Name, const clang::MacroDefinition &MD,
               clang::SourceRange Range) override;
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

private:
  void note(const clang::Token &Name);
  void noteCondition(clang::SourceRange Condition);

  const clang::Preprocessor &PP;
  std::set<std::string> Read;
};

} // namespace h2r::frontend

#endif
