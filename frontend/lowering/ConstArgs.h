//===- ConstArgs.h - Arguments known at a call site -------------*- C++ -*-===//
//
// What a call passes for a parameter that must be constant in the callee
// (an asm "i" operand): an integer or the address of a symbol plus an
// offset. A callee specialised for such arguments (SpecialisationLowering.cpp)
// sees them as constants, the way C sees them after inlining.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_CONSTARGS_H
#define H2R_FRONTEND_LOWERING_CONSTARGS_H

#include "llvm/ADT/APSInt.h"

#include <map>
#include <string>

namespace clang {
class ParmVarDecl;
class ValueDecl;
} // namespace clang

namespace h2r::frontend {

struct ConstArg {
  enum class Kind { Int, Address };
  Kind K = Kind::Int;
  llvm::APSInt Int;                         // Int
  const clang::ValueDecl *Base = nullptr;   // Address: a global or function
  int64_t Offset = 0;                       // Address: bytes past Base

  // `&name + 8`, `-1`: for the report and the specialisation's name.
  std::string describe() const;
};

using ConstBindings = std::map<const clang::ParmVarDecl *, ConstArg>;

} // namespace h2r::frontend

#endif
