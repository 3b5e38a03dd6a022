//===- frontend/InlineClosure.h - What the helpers reach --------*- C++ -*-===//
//
// The static/inline functions with a body that the helpers reach by call or
// by address, transitively: what gets lowered. Unevaluated operands (sizeof,
// typeof, the unselected arms of _Generic) reach nothing. A helper's fate is
// decided later by what its translation reaches, which excludes branches
// that constant conditions remove.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_INLINECLOSURE_H
#define H2R_FRONTEND_INLINECLOSURE_H

#include <map>
#include <set>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace h2r::frontend {

class InlineClosure {
public:
  // True for a function the closure translates rather than calls.
  static bool isInlineCandidate(const clang::FunctionDecl *FD);

  // Roots are helpers; they are walked but are not themselves inlines.
  explicit InlineClosure(const std::vector<const clang::FunctionDecl *> &Roots);

  // The inline candidates reached from anywhere, in discovery order.
  const std::vector<const clang::FunctionDecl *> &inlines() const {
    return Order;
  }
  // Direct inline callees of F (definitions), in first-reference order.
  const std::vector<const clang::FunctionDecl *> &
  callees(const clang::FunctionDecl *F) const;

  const std::set<const clang::FunctionDecl *> &addressTaken() const {
    return AddressTaken;
  }

private:
  void scan(const clang::FunctionDecl *F);

  std::map<const clang::FunctionDecl *, std::vector<const clang::FunctionDecl *>>
      Edges;
  std::vector<const clang::FunctionDecl *> Order;
  std::set<const clang::FunctionDecl *> AddressTaken;
};

} // namespace h2r::frontend

#endif
