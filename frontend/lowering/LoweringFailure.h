//===- LoweringFailure.h - Why lowering stopped -----------------*- C++ -*-===//
//
// Lowering stops at the first construct it cannot translate. The failure is
// thrown from deep inside the recursive lowering and caught at the function
// boundary (FunctionLowering::run); it never crosses a Clang frame.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_LOWERINGFAILURE_H
#define H2R_FRONTEND_LOWERING_LOWERINGFAILURE_H

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <utility>

namespace h2r::frontend {

struct LoweringFailure {
  std::string Construct; // stable identifier, see docs/constructs.md
  std::string Message;
  clang::SourceLocation Loc; // may be invalid; the caller fills it in
};

// Stops lowering: Construct cannot be translated, for the reason Message.
[[noreturn]] inline void reject(std::string Construct, std::string Message) {
  throw LoweringFailure{std::move(Construct), std::move(Message), {}};
}

} // namespace h2r::frontend

#endif
