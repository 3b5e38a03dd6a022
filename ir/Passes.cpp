// The pass tables: each entry is one small rewrite in its own file under
// ir/passes/, run in the order listed.
#include "ir/Passes.h"
#include "ir/LocalFlow.h"

namespace h2r::ir {

namespace {

struct FunctionPass {
  const char *Name;
  void (*Run)(Function &F, const PassOptions &Opts);
};

template <void (*P)(Function &)>
void withoutOptions(Function &F, const PassOptions &) {
  P(F);
}

void finishBodyPass(Function &F, const PassOptions &Opts) {
  finishBody(F, Opts);
}

void deadStoresPass(Function &F, const PassOptions &) {
  eliminateDeadStores(F);
}

const FunctionPass FunctionPasses[] = {
    // First: a constant condition's dead branch may hold the only jump to a
    // label, which the passes below then drop.
    {"fold-constants", withoutOptions<foldConstants>},
    {"replace-never-loops", withoutOptions<replaceNeverLoops>},
    {"flatten-blocks", withoutOptions<flattenBlocks>},
    {"simplify-labels", withoutOptions<simplifyLabels>},
    {"trim-unreachable", withoutOptions<trimUnreachable>},
    // Trimming can leave labels nothing targets any more.
    {"simplify-labels", withoutOptions<simplifyLabels>},
    {"flatten-blocks", withoutOptions<flattenBlocks>},
    // After flattening: BUG()'s unreachable() sits in a block of its own.
    {"mark-noreturn-asm", withoutOptions<markNoReturnAsm>},
    {"fold-casts", withoutOptions<foldCasts>},
    {"fold-bools", withoutOptions<foldBools>},
    // Folded booleans can expose `b as i32 as i64` again.
    {"fold-casts", withoutOptions<foldCasts>},
    {"hoist-condition-blocks", withoutOptions<hoistConditionBlocks>},
    {"flatten-blocks", withoutOptions<flattenBlocks>},
    {"finish-body", finishBodyPass},
    {"flatten-blocks", withoutOptions<flattenBlocks>},
    {"eliminate-dead-stores", deadStoresPass},
    {"merge-late-lets", withoutOptions<mergeLateLets>},
    {"name-locals", withoutOptions<nameLocals>},
};

} // namespace

void runFunctionPasses(Module &M, const PassOptions &Opts) {
  for (Function &F : M.Functions)
    for (const FunctionPass &P : FunctionPasses)
      P.Run(F, Opts);
}

void runModulePasses(Module &M, const PassOptions &Opts) {
  inlineThinWrappers(M);
  runFunctionPasses(M, Opts);
  pruneUnused(M);
}

} // namespace h2r::ir
