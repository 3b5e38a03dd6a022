//===- PlaceLowering.h - C lvalues to IR places -----------------*- C++ -*-===//
//
// Places (PlaceLowering.cpp): C lvalues as Rust places, reads and writes of
// them (volatile, bitfield, unaligned), and their addresses; per-CPU places
// in x86's `__seg_gs` are read and written through the segment
// (SegmentLowering.cpp), never as plain memory.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_PLACELOWERING_H
#define H2R_FRONTEND_LOWERING_PLACELOWERING_H

#include "frontend/asm/target/AsmTarget.h"
#include "frontend/lowering/FunctionScope.h"

#include <optional>

namespace clang {
class DeclRefExpr;
class MemberExpr;
} // namespace clang

namespace h2r::frontend {

// The register of a GNU global register variable the expression names
// (`register unsigned long current_stack_pointer asm("rsp")`), if it does.
// Such a variable is a register, never a symbol.
std::optional<std::string> globalRegisterVariable(const clang::Expr *E);

// An lvalue: a place, or a bitfield of a place (accessor Bitfield).
struct LValue {
  ir::ExprPtr Place;
  std::string Bitfield;
  ir::TypeRef Ty; // the value's type
  bool Volatile = false;
  // A per-CPU place (`__seg_gs`).
  Segment SegmentOverride = Segment::None;
  const clang::Expr *Source = nullptr; // for diagnostics

  // The same lvalue, its place expression cloned.
  LValue duplicate() const;
};

class PlaceLowering : LoweringStep {
public:
  using LoweringStep::LoweringStep;

  LValue lvalue(const clang::Expr *E);
  ir::ExprPtr load(LValue LV);
  ir::ExprPtr store(LValue LV, ir::ExprPtr Value);
  ir::ExprPtr copyRecord(LValue LV, bool MayBeUnaligned);
  LValue stabilize(LValue LV, std::vector<ir::Stmt> &Pre);
  ir::ExprPtr placeAtOffset(ir::ExprPtr RecordPtr, uint64_t Bytes,
                            const ir::TypeRef &Ty, bool Const);
  ir::ExprPtr addressOf(const clang::Expr *E, clang::QualType PtrTy);
  ir::ExprPtr addressOfPlace(LValue LV, bool Mutable);
  ir::ExprPtr pointerTo(LValue LV, clang::QualType PtrTy,
                        const ir::TypeRef &Ty);

private:
  LValue memberByOffset(const clang::MemberExpr *Outer);
  LValue place(const clang::Expr *E);
  LValue variable(const clang::DeclRefExpr *DRE, LValue LV);
  LValue member(const clang::MemberExpr *ME, LValue LV);
  // Per-CPU places (SegmentLowering.cpp).
  unsigned segmentAccessBytes(const LValue &LV);
  ir::ExprPtr segmentLoad(LValue LV);
  ir::ExprPtr segmentStore(LValue LV, ir::ExprPtr Value);
};

} // namespace h2r::frontend

#endif
