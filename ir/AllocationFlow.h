//===- ir/AllocationFlow.h - Does a helper return an allocation -*- C++ -*-===//
//
// The in-kernel differential suite frees what an allocating helper returns,
// so it must know that the result is what a C allocator (ir/KernelCalls.h)
// returned: through locals, branches, casts and inline functions, every
// value the helper may return.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_ALLOCATIONFLOW_H
#define H2R_IR_ALLOCATIONFLOW_H

#include "ir/Module.h"

#include <set>
#include <utility>

namespace h2r::ir {

class AllocationFlow {
public:
  explicit AllocationFlow(const Module &M) : Functions(M) {}

  bool returnsAllocation(const Function &F, unsigned Depth = 0);

private:
  // Is E's value (in F) what an allocator returned?
  bool allocated(const Function &F, const Expr &E, unsigned Depth);

  FunctionIndex Functions;
  std::set<std::pair<const Function *, LocalId>> Visiting;
};

} // namespace h2r::ir

#endif
