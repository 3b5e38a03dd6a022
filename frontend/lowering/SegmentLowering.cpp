//===- SegmentLowering.cpp - Per-CPU places through %gs -------------------===//
//
// A place in x86's `__seg_gs` (or `__seg_fs`) address space holds an offset
// from the segment base: the kernel's per-CPU data with
// CONFIG_USE_X86_SEG_SUPPORT. Its address is an ordinary Rust pointer with
// the offset's bits (`&pcpu_var` is the symbol's address, as in C); reading
// or writing the place is one `mov` with the segment override, what GCC
// emits for it. A non-volatile read may be merged like any load (`pure`,
// `readonly`): this_cpu_read_stable()'s promise; a volatile one
// (this_cpu_read()) happens every time.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"
#include "frontend/asm/target/X86_64.h"

#include "clang/AST/Expr.h"

namespace h2r::frontend {

using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

// The width a `mov` moves for a value of type Ty, 0 if a segment access of
// that type is not one `mov` (records, floats, 128-bit integers).
static unsigned movBytes(const TypeRef &Ty) {
  if (Ty->isBool())
    return 1;
  if (Ty->isPointer())
    return 8;
  if (Ty->isInt() && Ty->bits() <= 64)
    return Ty->bits() / 8;
  return 0;
}

static ir::AsmOperand valueOperand(ir::AsmDir Dir, unsigned Bytes, int Index) {
  ir::AsmOperand Op;
  Op.Dir = Dir;
  Op.Class = Bytes == 1 ? ir::AsmRegClass::RegByte : ir::AsmRegClass::Reg;
  (Dir == ir::AsmDir::In ? Op.In : Op.Out) = Index;
  return Op;
}

static ir::AsmOperand addressOperand(int Index) {
  ir::AsmOperand Op;
  Op.Dir = ir::AsmDir::In;
  Op.Class = ir::AsmRegClass::Reg;
  Op.In = Index;
  return Op;
}

unsigned PlaceLowering::segmentAccessBytes(const LValue &LV) {
  unsigned Bytes = movBytes(LV.Ty);
  if (!LV.Bitfield.empty() || Bytes == 0)
    reject(LV.Source, "per-cpu-access",
           "a per-CPU place (" +
               std::string(x86::segmentPrefix(LV.SegmentOverride)) +
               ") read or written other than as one scalar");
  return Bytes;
}

ExprPtr PlaceLowering::segmentLoad(LValue LV) {
  unsigned Bytes = segmentAccessBytes(LV);
  TypeRef Ty = LV.Ty;
  TypeRef RegTy = Ty->isBool() ? Type::integer(8, false) : Ty;
  ir::LocalId Value = addLocal("__percpu", RegTy);
  auto Asm = makeExpr(ExprKind::Asm, Type::unit());
  Asm->Text = std::string("mov") + x86::operandSizeSuffix(Bytes) + " " +
              x86::segmentPrefix(LV.SegmentOverride) + "({1}), " +
              placeholder(0, x86::registerModifier(Bytes));
  Asm->Ops.push_back(ir::makeLocal(Value, RegTy));
  Asm->AsmOps.push_back(valueOperand(ir::AsmDir::LateOut, Bytes, 0));
  bool Volatile = LV.Volatile;
  Asm->Ops.push_back(addressOfPlace(std::move(LV), /*Mutable=*/false));
  Asm->AsmOps.push_back(addressOperand(1));
  Asm->AsmOpts.Syntax = ir::AsmSyntax::Att;
  Asm->AsmOpts.Pure = !Volatile;
  Asm->AsmOpts.ReadOnly = true;
  Asm->AsmOpts.NoStack = true;
  std::vector<ir::Stmt> Stmts;
  Stmts.push_back(ir::Stmt::let(Value, nullptr));
  Stmts.push_back(ir::Stmt::expr(std::move(Asm)));
  ExprPtr Result = ir::makeLocal(Value, RegTy);
  if (Ty->isBool())
    Result = wrap(ExprKind::Transmute, std::move(Result), Ty);
  return ir::makeBlock(std::move(Stmts), std::move(Result), Ty);
}

ExprPtr PlaceLowering::segmentStore(LValue LV, ExprPtr Value) {
  unsigned Bytes = segmentAccessBytes(LV);
  if (Value->Ty->isBool())
    Value = ir::makeCast(std::move(Value), Type::integer(8, false));
  // A value computed in place would be an expression inside asm!'s
  // operand list: it gets a name first.
  std::vector<ir::Stmt> Stmts;
  if (Value->Kind != ExprKind::Local && Value->Kind != ExprKind::IntLit) {
    TypeRef Ty = Value->Ty;
    ir::LocalId Tmp = addLocal("__value", Ty);
    Stmts.push_back(ir::Stmt::let(Tmp, std::move(Value)));
    Value = ir::makeLocal(Tmp, Ty);
  }
  auto Asm = makeExpr(ExprKind::Asm, Type::unit());
  Asm->Text = std::string("mov") + x86::operandSizeSuffix(Bytes) + " " +
              placeholder(0, x86::registerModifier(Bytes)) + ", " +
              x86::segmentPrefix(LV.SegmentOverride) + "({1})";
  Asm->Ops.push_back(std::move(Value));
  Asm->AsmOps.push_back(valueOperand(ir::AsmDir::In, Bytes, 0));
  Asm->Ops.push_back(addressOfPlace(std::move(LV), /*Mutable=*/true));
  Asm->AsmOps.push_back(addressOperand(1));
  Asm->AsmOpts.Syntax = ir::AsmSyntax::Att;
  Asm->AsmOpts.NoStack = true;
  if (Stmts.empty())
    return Asm;
  Stmts.push_back(ir::Stmt::expr(std::move(Asm)));
  return ir::makeBlock(std::move(Stmts), nullptr, Type::unit());
}

} // namespace h2r::frontend
