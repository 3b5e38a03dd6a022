//===- ir/KernelEffects.h - What calling a helper twice does ----*- C++ -*-===//
//
// Why calling a helper (and then its C original) may not leave the kernel
// as it was, for the in-kernel suite's plan (ir/KernelCheck.h).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_KERNELEFFECTS_H
#define H2R_IR_KERNELEFFECTS_H

#include "ir/KernelCheck.h"

#include <memory>
#include <string>

namespace h2r::ir {

class EffectFinder;

// One walk per module, asked per helper.
class HelperEffects {
public:
  HelperEffects(const Module &M, const KernelSuiteSupport &Support);
  ~HelperEffects();

  // Why calling helper F twice may not leave the kernel as it was, or
  // empty; sets in Check what the suite measures, builds and undoes around
  // each side.
  std::string of(const Function &F, KernelCheck &Check);

private:
  std::unique_ptr<EffectFinder> Finder;
};

} // namespace h2r::ir

#endif
