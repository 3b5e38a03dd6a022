//===- ir/LocalFlow.h - Data flow of a function's locals -------*- C++ -*-===//
//
// Faithful C often stores values nobody reads (an initialiser overwritten on
// every path, the last `x--` of a function). rustc rejects both under
// `-D warnings`, so this pass finds them with the same analyses rustc uses,
// over a control-flow graph of the structured IR:
//  - backward liveness: a store whose value is never read is dropped (its
//    side effects kept), and a dead initialiser becomes a deferred `let x;`;
//  - forward maybe-initialised: a local needs `mut` exactly when it may be
//    written while it already holds a value.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_LOCALFLOW_H
#define H2R_IR_LOCALFLOW_H

#include "ir/Module.h"

#include <vector>

namespace h2r::ir {

// Drops stores and initialisers no path reads. Returns true if it changed F.
bool eliminateDeadStores(Function &F);

// Which locals must be declared `mut`.
std::vector<bool> localsNeedingMut(const Function &F);

// Which parameters are overwritten before their incoming value is read.
std::vector<bool> parametersDeadOnEntry(const Function &F);

} // namespace h2r::ir

#endif
