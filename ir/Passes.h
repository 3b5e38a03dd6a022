//===- ir/Passes.h - Clean-up passes over the IR ---------------*- C++ -*-===//
//
// Lowering is deliberately naive (every C loop labelled, every declaration
// initialised, every body one flat list); these passes turn that into the
// Rust a person would write and that rustc accepts under `-D warnings`.
// None of them changes what the program does.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_PASSES_H
#define H2R_IR_PASSES_H

#include "ir/Module.h"

namespace h2r::ir {

struct PassOptions {
  // Rust >= 1.82 treats `addr_of!(STATIC)` as safe, so it needs no `unsafe`.
  bool AddrOfStaticIsSafe = true;
};

// True if evaluating E never completes normally, by rustc's rules.
bool diverges(const Expr &E);

// Loops that end in `break` and never `continue` become labelled blocks.
void replaceNeverLoops(Function &F);
// Splices unlabelled statement blocks into their parent block.
void flattenBlocks(Function &F);
// `asm(..); unreachable_unchecked()` to an asm with `options(noreturn)`.
void markNoReturnAsm(Function &F);
// Drops labels nothing jumps to and unlabels jumps to the innermost loop.
void simplifyLabels(Function &F);
// Removes statements after one that diverges.
void trimUnreachable(Function &F);
// Computes operations on constants (comparisons, bit operations, wrapping
// arithmetic, a constant condition's branch) as C would.
void foldConstants(Function &F);
// Collapses cast chains that compute the same bits as one cast.
void foldCasts(Function &F);
// `!!b` to `b`, `(b as i32) != 0` to `b`, `!(a == b)` to `a != b`.
void foldBools(Function &F);
// `if { s; c } {..}` to `s; if c {..}`.
void hoistConditionBlocks(Function &F);
// Makes the body's final `return v;` (and those ending a final if-else) its
// tail, supplies one for a body that can fall off its end, and wraps the body
// in `unsafe {}` if it needs it.
void finishBody(Function &F, const PassOptions &Opts);
// `let x; ..; x = v;` to `let x = v;` when nothing between uses x.
void mergeLateLets(Function &F);
// Unique Rust names for locals, `_`-prefixed when never read, and `mut`
// exactly where rustc needs it (see LocalFlow.h).
void nameLocals(Function &F);

// A helper that only forwards to an inline nothing else calls becomes that
// inline.
void inlineThinWrappers(Module &M);
// Drops inline functions no helper reaches, then records and extern
// declarations nothing emitted refers to.
void pruneUnused(Module &M);

// Runs the function passes above, in their table's order, over every
// function.
void runFunctionPasses(Module &M, const PassOptions &Opts);
// Everything: the module passes around the function passes.
void runModulePasses(Module &M, const PassOptions &Opts);

} // namespace h2r::ir

#endif
