//===- ir/Walk.h - Shared traversal of the IR -------------------*- C++ -*-===//
//
// What passes, analyses and the emitter ask of a tree: its direct children, whether a node is
// a loop, and where its jumps go.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_WALK_H
#define H2R_IR_WALK_H

#include "ir/Module.h"

#include <functional>

namespace h2r::ir {

// Calls F on every direct sub-expression of E.
void forEachChild(Expr &E, const std::function<void(ExprPtr &)> &F);
void forEachChild(const Expr &E, const std::function<void(const Expr &)> &F);
// The same without the initialisers of E's static items, which the compiler
// evaluates: the children that run when E does.
void forEachRunningChild(const Expr &E,
                         const std::function<void(const Expr &)> &F);

bool isLoop(const Expr &E);

// Does a break inside Body leave the construct labelled Label? Unlabelled
// breaks count only for a loop (IsLoop) and only outside nested loops.
bool breaksTo(const Expr &Body, const std::string &Label, bool IsLoop,
              bool InNestedLoop = false);

// Does a continue inside Body restart the loop labelled Label?
bool continuesTo(const Expr &Body, const std::string &Label,
                 bool InNestedLoop = false);

// Calls Store(L, value) for every store into a local in E: a `let`'s
// initialiser, an assignment, and (with no value) an asm output or a
// mutable address taken.
void forEachLocalStore(const Expr &E,
                       const std::function<void(LocalId, const Expr *)> &Store);

// E under any casts (`p as usize as *const T`).
const Expr &withoutCasts(const Expr &E);

// Does E mention local L anywhere?
bool mentionsLocal(const Expr &E, LocalId L);

} // namespace h2r::ir

#endif
