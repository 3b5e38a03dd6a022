//===- ir/PointerOrigins.h - Which pointers a helper follows ----*- C++ -*-===//
//
// The in-kernel differential suite builds each pointer argument's object by
// filling memory with a byte pattern, so a pointer stored in that object
// points nowhere. A helper may read such a pointer, compare it, return it or
// store it, but must not follow it. This finds, through every inline
// function a helper calls, a dereference of a pointer that is not derived
// from the helper's own pointer arguments (by casts, pointer arithmetic,
// field addresses) or from locals and globals' addresses.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_POINTERORIGINS_H
#define H2R_IR_POINTERORIGINS_H

#include "ir/Module.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace h2r::ir {

class PointerOrigins {
public:
  explicit PointerOrigins(const Module &M);

  // Where Helper dereferences a pointer not derived from its arguments, or
  // empty if it follows none.
  std::string strayDereference(const Function &Helper);

private:
  // What a function does with the pointers it is given, for one choice of
  // which of its pointer parameters are derived from the helper's arguments.
  struct Outcome {
    std::string Stray;          // the first stray dereference, or empty
    bool ReturnsDerived = false; // its pointer result is derived too
  };
  using Key = std::pair<const Function *, std::vector<bool>>;

  const Outcome &analyse(const Function &F, std::vector<bool> DerivedParams);

  FunctionIndex Functions;
  std::map<Key, Outcome> Done;
  friend class FunctionOrigins;
};

} // namespace h2r::ir

#endif
