#include "ir/ReportPaths.h"

#include <algorithm>

namespace h2r::ir {

namespace {

class Relativiser {
public:
  explicit Relativiser(const std::vector<std::string> &Roots) : Roots(Roots) {}

  void path(std::string &P) const {
    for (const std::string &Root : Roots)
      if (P.size() > Root.size() + 1 && P.compare(0, Root.size(), Root) == 0 &&
          P[Root.size()] == '/') {
        P.erase(0, Root.size() + 1);
        return;
      }
  }
  void reasons(std::vector<FallbackReason> &Rs) const {
    for (FallbackReason &R : Rs) {
      path(R.Loc.File);
      for (MacroStep &M : R.MacroChain)
        path(M.Loc.File);
    }
  }

private:
  const std::vector<std::string> &Roots;
};

} // namespace

void relativisePaths(Report &R, std::vector<std::string> Roots) {
  // The most specific root first: a build directory inside the tree.
  std::stable_sort(Roots.begin(), Roots.end(),
                   [](const std::string &A, const std::string &B) {
                     return A.size() > B.size();
                   });
  Relativiser Rel(Roots);
  for (std::string &Input : R.Inputs)
    Rel.path(Input);
  for (HelperRecord &H : R.Helpers) {
    Rel.path(H.Loc.File);
    Rel.reasons(H.Reasons);
    Rel.reasons(H.Notes);
    Rel.reasons(H.Shims);
    for (MacroChange &C : H.MacroChanges)
      Rel.path(C.Loc.File);
  }
  for (FunctionRecord &F : R.Functions) {
    Rel.path(F.Loc.File);
    Rel.reasons(F.Reasons);
    Rel.reasons(F.Notes);
    Rel.reasons(F.Shims);
  }
}

} // namespace h2r::ir
