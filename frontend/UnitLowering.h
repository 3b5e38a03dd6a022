//===- frontend/UnitLowering.h - One translation unit to IR -----*- C++ -*-===//
//
// The AST consumer that lowers one parse of a helpers file: finds the
// helpers, lowers each with the static inline functions it reaches, decides
// its status (translated, shimmed, left to C with reasons), checks the
// predefined-macro differences it meets, and hands the result to the
// ModuleMerger. A helper that needs helpers.o's definitions of some macros
// is put aside for a second parse of its file (SecondParse).
//
//===----------------------------------------------------------------------===//

#ifndef H2R_FRONTEND_UNITLOWERING_H
#define H2R_FRONTEND_UNITLOWERING_H

#include "frontend/kernel/BindingsInventory.h"
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/kernel/HelperDiscovery.h"
#include "frontend/kernel/MacroInfluence.h"
#include "frontend/ModuleMerger.h"
#include "frontend/kernel/TranslateOptions.h"

#include "clang/AST/ASTConsumer.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace h2r::frontend {

// The helpers whose translation needs a second parse, with helpers.o's
// definitions of the predefined macros Macros: the first parse found them
// reaching code a difference in those changes, reviewed as to be parsed as
// compiled. The second lowers just these helpers.
struct SecondParse {
  std::set<std::string> Macros;
  // C name to the changes the first parse found.
  std::map<std::string, std::vector<ir::MacroChange>> Helpers;
  // The inputs that hold them, and the one the first parse is at.
  std::set<std::string> Files;
  std::string Parsing;
};

class TranslationUnitLowering : public clang::ASTConsumer {
public:
  TranslationUnitLowering(const TranslateOptions &Opts,
                          PendingInventory &Inventory, ModuleMerger &Merger,
                          TranslationOutput &Out, const HelperMarkers &Markers,
                          const MacroInfluence *Macros, SecondParse &Second,
                          bool IsSecond)
      : Opts(Opts), Inventory(Inventory), Merger(Merger), Out(Out),
        Markers(Markers), Macros(Macros), Second(Second), IsSecond(IsSecond) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override;

private:
  struct UnitState;
  void configureContext(UnitState &U);
  void lowerFunctions(UnitState &U);
  std::vector<const clang::FunctionDecl *>
  reachable(UnitState &U, const clang::FunctionDecl *Root);
  void recordFunctions(UnitState &U);
  ir::HelperRecord lowerHelper(UnitState &U, const Helper &H);
  struct UnreviewedChange {
    const clang::FunctionDecl *Function;
    MacroInfluencePath Path;
  };
  std::vector<UnreviewedChange>
  macroChanges(UnitState &U,
               const std::vector<const clang::FunctionDecl *> &Members,
               ir::HelperRecord &Rec);
  void unreviewedChange(UnitState &U, const clang::FunctionDecl *Helper,
                        const UnreviewedChange &C, ir::HelperRecord &Rec);
  bool deferToSecondParse(UnitState &U, const ir::HelperRecord &Rec);
  ir::FallbackReason reason(const LoweringFailure &F,
                            const clang::FunctionDecl *FD,
                            clang::ASTContext &Ctx);
  ir::Signature signature(const clang::FunctionDecl *FD, TypeLowering &Types);
  std::string helperRustName(const Helper &H) const;

  const TranslateOptions &Opts;
  PendingInventory &Inventory; // in once HandleTranslationUnit waited
  ModuleMerger &Merger;
  TranslationOutput &Out;
  const HelperMarkers &Markers;
  const MacroInfluence *Macros;
  SecondParse &Second;
  bool IsSecond;
};

} // namespace h2r::frontend

#endif
