//===- BuiltinLowering.cpp - GCC/Clang builtins to Rust -------------------===//
//
// Each builtin maps to the core operation with the same result: bit counts
// to `trailing_zeros` and friends, overflow checks to i128 arithmetic,
// memcpy/memset to `core::ptr`, and questions C answers at compile time
// (`__builtin_constant_p`, `__builtin_object_size`) to the answer Clang
// gives for the function out of line.
//
//===----------------------------------------------------------------------===//
#include "frontend/lowering/FunctionLowering.h"
#include "frontend/lowering/IRBuilders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/TargetInfo.h"

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

namespace {

TypeRef i128Type() { return Type::integer(128, true); }

} // namespace

// Operands of the result's own type: C's answer is exactly what
// `overflowing_<op>` returns, one instruction and its flag.
ExprPtr BuiltinLowering::sameTypeOverflow(ExprPtr Lhs, ExprPtr Rhs,
                                          ExprPtr ResPtr, const char *Op,
                                          TypeRef Ty) {
  TypeRef ResPtrTy = ResPtr->Ty;
  TypeRef ResTy = ResPtrTy->pointee();
  TypeRef PairTy = Type::tuple({ResTy, Type::boolean()});
  std::vector<ir::Stmt> Body;
  ir::LocalId Pair = addLocal("__wrapped", PairTy);
  Body.push_back(ir::Stmt::let(
      Pair, method((std::string("overflowing_") + Op).c_str(), std::move(Lhs),
                   std::move(Rhs), PairTy)));
  // `&bytes` as the result pointer (kmalloc_array's shape) stores to `bytes`.
  ExprPtr Target;
  if (ResPtr->Kind == ExprKind::AddrOf) {
    Target = std::move(ResPtr->Ops[0]);
  } else {
    Target = std::make_unique<ir::Expr>(ExprKind::Deref, ResTy);
    Target->Ops.push_back(std::move(ResPtr));
  }
  auto Result = wrap(ExprKind::Field, ir::makeLocal(Pair, PairTy), ResTy);
  Result->Name = "0";
  Body.push_back(
      ir::Stmt::expr(ir::makeAssign(std::move(Target), std::move(Result))));
  auto Overflowed =
      wrap(ExprKind::Field, ir::makeLocal(Pair, PairTy), Type::boolean());
  Overflowed->Name = "1";
  return ir::makeBlock(std::move(Body),
                       ir::makeCast(std::move(Overflowed), Ty), Ty);
}

ExprPtr BuiltinLowering::overflowBuiltin(const CallExpr *E, const char *Op) {
  // C's rule: the mathematically exact result, then whether it fits *res.
  // Operands of up to 64 bits are exact in i128; a product that overflows
  // i128 cannot fit a 64-bit result either.
  ExprPtr ResPtr = Exprs.rvalue(E->getArg(2));
  TypeRef ResPtrTy = ResPtr->Ty;
  TypeRef ResTy = ResPtrTy->pointee();
  for (unsigned I = 0; I < 2; ++I)
    if (Ctx.getTypeSize(E->getArg(I)->getType()) > 64)
      reject(E, "builtin", "overflow builtin on a 128-bit operand");
  if (!ResTy->isInt() || ResTy->bits() > 64)
    reject(E, "builtin", "overflow builtin with a result wider than 64 bits");
  ExprPtr Lhs = Exprs.rvalue(E->getArg(0));
  ExprPtr Rhs = Exprs.rvalue(E->getArg(1));
  std::vector<ir::Stmt> Body;
  if (ir::sameType(Lhs->Ty, ResTy) && ir::sameType(Rhs->Ty, ResTy))
    return sameTypeOverflow(std::move(Lhs), std::move(Rhs), std::move(ResPtr),
                            Op, type(E->getType(), E));
  ir::LocalId A = addLocal("__a", i128Type());
  ir::LocalId B = addLocal("__b", i128Type());
  ir::LocalId Full = addLocal("__exact", i128Type());
  ir::LocalId Res = addLocal("__res", ResPtrTy);
  Body.push_back(ir::Stmt::let(A, ir::makeCast(std::move(Lhs), i128Type())));
  Body.push_back(ir::Stmt::let(B, ir::makeCast(std::move(Rhs), i128Type())));
  Body.push_back(ir::Stmt::let(Res, std::move(ResPtr)));
  Body.push_back(ir::Stmt::let(
      Full, method((std::string("wrapping_") + Op).c_str(),
                   ir::makeLocal(A, i128Type()), ir::makeLocal(B, i128Type()),
                   i128Type())));
  auto Target = std::make_unique<ir::Expr>(ExprKind::Deref, ResTy);
  Target->Ops.push_back(ir::makeLocal(Res, ResPtrTy));
  Body.push_back(ir::Stmt::expr(ir::makeAssign(
      std::move(Target), ir::makeCast(ir::makeLocal(Full, i128Type()), ResTy))));
  ExprPtr OutOfI128 = method(
      "is_none",
      method((std::string("checked_") + Op).c_str(),
             ir::makeLocal(A, i128Type()), ir::makeLocal(B, i128Type()),
             i128Type()),
      nullptr, Type::boolean());
  ExprPtr DoesNotFit = ir::makeBinary(ir::BinaryOp::Ne,
      ir::makeCast(ir::makeCast(ir::makeLocal(Full, i128Type()), ResTy),
                   i128Type()),
      ir::makeLocal(Full, i128Type()), Type::boolean());
  ExprPtr Overflow = ir::makeBinary(ir::BinaryOp::Or, std::move(OutOfI128),
                                    std::move(DoesNotFit), Type::boolean());
  return ir::makeBlock(std::move(Body),
                       ir::makeCast(std::move(Overflow), type(E->getType(), E)),
                       type(E->getType(), E));
}

ExprPtr BuiltinLowering::memoryBuiltin(const CallExpr *E, unsigned ID) {
  TypeRef Ty = type(E->getType(), E);
  TypeRef BytePtr = Type::pointer(Type::integer(8, false), false);
  TypeRef ConstBytePtr = Type::pointer(Type::integer(8, false), true);
  std::vector<ir::Stmt> Body;
  ir::LocalId Dst = addLocal("__dst", Ty);
  Body.push_back(
      ir::Stmt::let(Dst, Exprs.coerce(Exprs.rvalue(E->getArg(0)), Ty)));
  ExprPtr Len = ir::makeCast(Exprs.rvalue(E->getArg(2)), usizeType());
  std::vector<ExprPtr> Args;
  const char *Fn;
  if (ID == Builtin::BI__builtin_memset) {
    Fn = "core::ptr::write_bytes";
    Args.push_back(ir::makeCast(ir::makeLocal(Dst, Ty), BytePtr));
    Args.push_back(
        ir::makeCast(Exprs.rvalue(E->getArg(1)), Type::integer(8, false)));
  } else {
    Fn = ID == Builtin::BI__builtin_memmove ? "core::ptr::copy"
                                             : "core::ptr::copy_nonoverlapping";
    Args.push_back(ir::makeCast(Exprs.rvalue(E->getArg(1)), ConstBytePtr));
    Args.push_back(ir::makeCast(ir::makeLocal(Dst, Ty), BytePtr));
  }
  Args.push_back(std::move(Len));
  Body.push_back(ir::Stmt::expr(coreCall(Fn, Type::unit(), std::move(Args))));
  return ir::makeBlock(std::move(Body), ir::makeLocal(Dst, Ty), Ty);
}

bool BuiltinLowering::constantPAnswer(const CallExpr *E) {
  Expr::EvalResult R;
  return (E->getArg(0)->EvaluateAsRValue(R, Ctx) &&
          !E->getArg(0)->HasSideEffects(Ctx)) ||
         // A parameter this copy is specialised for.
         (!Scope.Bound.empty() && Specialised.constArg(E->getArg(0))) ||
         // Locals that hold one constant, as C propagates them.
         Conditions.foldWithLocals(E->getArg(0));
}

ExprPtr BuiltinLowering::constantPBuiltin(const CallExpr *E,
                                          const TypeRef &Ty) {
  // Out of line, Clang answers 0 unless the argument is a constant here;
  // after inlining C may have answered 1, so the report says so.
  bool Constant = constantPAnswer(E);
  if (!Constant)
    Scope.Notes.push_back(
        {"builtin-constant-p",
         "__builtin_constant_p taken as 0 here; after inlining "
         "C might have seen a constant",
         E->getBeginLoc()});
  return ir::makeInt(Constant ? 1 : 0, Ty);
}

// `__builtin_return_address(0)` (lockdep's `_RET_IP_`): in C, the helper's
// own return address, a point in its Rust caller just after the call. The
// translation is inlined into that caller, so the address of the code it
// becomes is a point in the same function: the address of an instruction
// there (`lea`/`adr`), which names the caller as C's did. A translation
// exported with the C ABI is a function of its own, whose return address
// Rust cannot read; an outer frame's neither; nor one that is called
// through a pointer (Translator.cpp: address-taken functions).
ExprPtr BuiltinLowering::returnAddressBuiltin(const CallExpr *E,
                                              const TypeRef &Ty) {
  Expr::EvalResult Level;
  if (!E->getArg(0)->EvaluateAsInt(Level, Ctx) || Level.Val.getInt() != 0)
    reject(E, "builtin",
           "'__builtin_return_address' of an outer frame has no translation");
  if (LC.ExportCAbi)
    reject(E, "return-address-not-inlined",
           "'__builtin_return_address' in a helper exported with the C ABI: "
           "not inlined into its caller, and its own return address is not "
           "readable from Rust");
  if (!LC.Asm)
    reject(E, "builtin", "'__builtin_return_address' has no translation on " +
                             Ctx.getTargetInfo().getTriple().getArchName().str());
  Scope.ReturnAddressUse = E->getBeginLoc();
  TypeRef Address = usizeType();
  ir::LocalId Here = addLocal("__ret_ip", Address);
  std::vector<ir::Stmt> Body;
  Body.push_back(ir::Stmt::let(Here, nullptr));
  auto Asm = std::make_unique<ir::Expr>(ExprKind::Asm, Type::unit());
  Asm->Text = LC.Asm->currentAddressInstruction();
  Asm->Ops.push_back(ir::makeLocal(Here, Address));
  ir::AsmOperand Op;
  Op.Dir = ir::AsmDir::LateOut;
  Op.Class = ir::AsmRegClass::Reg;
  Op.Out = 0;
  Asm->AsmOps.push_back(Op);
  Asm->AsmOpts.Syntax = LC.Asm->syntax();
  Asm->AsmOpts.Pure = Asm->AsmOpts.NoMem = Asm->AsmOpts.NoStack = true;
  Body.push_back(ir::Stmt::expr(std::move(Asm)));
  return ir::makeBlock(std::move(Body),
                       ir::makeCast(ir::makeLocal(Here, Address), Ty), Ty);
}

ExprPtr BuiltinLowering::ffsBuiltin(const CallExpr *E, const TypeRef &Ty) {
  // 0 for 0, else one more than the number of trailing zeros.
  ExprPtr V = Exprs.rvalue(E->getArg(0));
  TypeRef VT = V->Ty;
  ir::LocalId X = addLocal("__x", VT);
  std::vector<ir::Stmt> Body;
  Body.push_back(ir::Stmt::let(X, std::move(V)));
  ExprPtr IsZero = ir::makeBinary(ir::BinaryOp::Eq, ir::makeLocal(X, VT),
                                  ir::makeInt(0, VT), Type::boolean());
  ExprPtr Count = ir::makeCast(
      ir::makeBinary(ir::BinaryOp::Add,
                     method("trailing_zeros", ir::makeLocal(X, VT), nullptr,
                            u32Type()),
                     ir::makeInt(1, u32Type()), u32Type()),
      Ty);
  ExprPtr If = ir::makeIf(std::move(IsZero),
                          ir::makeBlock({}, ir::makeInt(0, Ty), Ty),
                          ir::makeBlock({}, std::move(Count), Ty), Ty);
  return ir::makeBlock(std::move(Body), std::move(If), Ty);
}

// A builtin with no core equivalent is a call to the C library's (the
// kernel's) function of that name, declared as the translation unit declares
// it when it does (fortify's `__underlying_memcmp` is `__builtin_memcmp`,
// called with the `__kernel_size_t` of the kernel's own `memcmp`), else
// with the C standard's signature.
ExprPtr BuiltinLowering::libraryFunctionCall(const CallExpr *E,
                                             ir::ExternFn Standard,
                                             const TypeRef &Ty) {
  ir::ExternFn F = std::move(Standard);
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(F.Name)))
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getNumParams() == F.Params.size() &&
          FD->getType()->getAs<FunctionProtoType>()) {
        F = LC.externSignature(FD);
        break;
      }
  auto C = std::make_unique<ir::Expr>(ExprKind::Call, F.Ret);
  for (unsigned I = 0; I < F.Params.size(); ++I)
    C->Ops.push_back(ir::makeCast(Exprs.rvalue(E->getArg(I)), F.Params[I]));
  C->Sym = LC.externFunction(std::move(F));
  return ir::makeCast(std::move(C), Ty);
}

ExprPtr BuiltinLowering::memcmpBuiltin(const CallExpr *E, const TypeRef &Ty) {
  TypeRef CVoid = Type::pointer(Type::cvoid(), true);
  return libraryFunctionCall(
      E, {"memcmp", "", Type::integer(32, true), {CVoid, CVoid, usizeType()}, false},
      Ty);
}

ExprPtr BuiltinLowering::memchrBuiltin(const CallExpr *E, const TypeRef &Ty) {
  return libraryFunctionCall(
      E,
      {"memchr",
       "",
       Type::pointer(Type::cvoid(), false),
       {Type::pointer(Type::cvoid(), true), Type::integer(32, true), usizeType()},
       false},
      Ty);
}

ExprPtr BuiltinLowering::libraryCall(const CallExpr *E, unsigned ID) {
  switch (ID) {
  case Builtin::BImemcpy:
    return memoryBuiltin(E, Builtin::BI__builtin_memcpy);
  case Builtin::BImemmove:
    return memoryBuiltin(E, Builtin::BI__builtin_memmove);
  case Builtin::BImemset:
    return memoryBuiltin(E, Builtin::BI__builtin_memset);
  case Builtin::BImemcmp:
    return memcmpBuiltin(E, type(E->getType(), E));
  default:
    return nullptr;
  }
}

namespace {

// The operation of a checked-arithmetic builtin, or null.
const char *overflowOperation(unsigned ID) {
  switch (ID) {
  case Builtin::BI__builtin_add_overflow:
  case Builtin::BI__builtin_sadd_overflow:
  case Builtin::BI__builtin_saddl_overflow:
  case Builtin::BI__builtin_saddll_overflow:
  case Builtin::BI__builtin_uadd_overflow:
  case Builtin::BI__builtin_uaddl_overflow:
  case Builtin::BI__builtin_uaddll_overflow:
    return "add";
  case Builtin::BI__builtin_sub_overflow:
  case Builtin::BI__builtin_ssub_overflow:
  case Builtin::BI__builtin_ssubl_overflow:
  case Builtin::BI__builtin_ssubll_overflow:
  case Builtin::BI__builtin_usub_overflow:
  case Builtin::BI__builtin_usubl_overflow:
  case Builtin::BI__builtin_usubll_overflow:
    return "sub";
  case Builtin::BI__builtin_mul_overflow:
  case Builtin::BI__builtin_smul_overflow:
  case Builtin::BI__builtin_smull_overflow:
  case Builtin::BI__builtin_smulll_overflow:
  case Builtin::BI__builtin_umul_overflow:
  case Builtin::BI__builtin_umull_overflow:
  case Builtin::BI__builtin_umulll_overflow:
    return "mul";
  default:
    return nullptr;
  }
}

} // namespace

// Bit scans, counts and byte swaps, or null for another builtin.
ExprPtr BuiltinLowering::bitBuiltin(const CallExpr *E, unsigned ID,
                                    const TypeRef &Ty) {
  auto Arg = [&](unsigned I) { return Exprs.rvalue(E->getArg(I)); };
  auto BitCount = [&](const char *Name) {
    return ir::makeCast(method(Name, Arg(0), nullptr, u32Type()), Ty);
  };
  switch (ID) {
  case Builtin::BI__builtin_ctz:
  case Builtin::BI__builtin_ctzl:
  case Builtin::BI__builtin_ctzll:
    return BitCount("trailing_zeros");
  case Builtin::BI__builtin_clz:
  case Builtin::BI__builtin_clzl:
  case Builtin::BI__builtin_clzll:
    return BitCount("leading_zeros");
  case Builtin::BI__builtin_popcount:
  case Builtin::BI__builtin_popcountl:
  case Builtin::BI__builtin_popcountll:
    return BitCount("count_ones");
  case Builtin::BI__builtin_parity:
  case Builtin::BI__builtin_parityl:
  case Builtin::BI__builtin_parityll:
    return ir::makeCast(ir::makeBinary(ir::BinaryOp::BitAnd,
                                       method("count_ones", Arg(0), nullptr,
                                              u32Type()),
                                       ir::makeInt(1, u32Type()), u32Type()),
                        Ty);
  case Builtin::BI__builtin_ffs:
  case Builtin::BI__builtin_ffsl:
  case Builtin::BI__builtin_ffsll:
    return ffsBuiltin(E, Ty);
  case Builtin::BI__builtin_bswap16:
  case Builtin::BI__builtin_bswap32:
  case Builtin::BI__builtin_bswap64:
    return method("swap_bytes", Exprs.coerce(Arg(0), Ty), nullptr, Ty);
  default:
    return nullptr;
  }
}

// The architecture's trap instruction, as an asm that does not return.
ExprPtr BuiltinLowering::trapBuiltin(const CallExpr *E) {
  if (!LC.Asm)
    reject(E, "builtin", "'__builtin_trap' has no translation on " +
                             Ctx.getTargetInfo().getTriple().getArchName().str());
  auto Trap = std::make_unique<ir::Expr>(ExprKind::Asm, Type::never());
  Trap->Text = LC.Asm->trapInstruction();
  Trap->AsmOpts.Syntax = LC.Asm->syntax();
  Trap->AsmOpts.NoReturn = Trap->AsmOpts.NoMem = Trap->AsmOpts.NoStack = true;
  return Trap;
}

ExprPtr BuiltinLowering::builtinCall(const CallExpr *E, unsigned ID) {
  TypeRef Ty = type(E->getType(), E);
  if (ExprPtr Bits = bitBuiltin(E, ID, Ty))
    return Bits;
  if (const char *Op = overflowOperation(ID))
    return overflowBuiltin(E, Op);
  switch (ID) {
  case Builtin::BI__builtin_expect:
  case Builtin::BI__builtin_expect_with_probability:
  case Builtin::BI__builtin_assume_aligned:
    return Exprs.rvalue(E->getArg(0));
  case Builtin::BI__builtin_unreachable:
    return coreCall("core::hint::unreachable_unchecked", Type::never(), {});
  case Builtin::BI__builtin_trap:
    return trapBuiltin(E);
  case Builtin::BI__builtin_return_address:
    return returnAddressBuiltin(E, Ty);
  case Builtin::BI__builtin_constant_p:
    return constantPBuiltin(E, Ty);
  case Builtin::BI__builtin_object_size:
  case Builtin::BI__builtin_dynamic_object_size: {
    // The "unknown" answer: -1 for types 0 and 1, 0 for types 2 and 3.
    Expr::EvalResult Kind;
    if (!E->getArg(1)->EvaluateAsInt(Kind, Ctx))
      reject(E, "builtin", "object size type is not a constant");
    bool Minimum = Kind.Val.getInt().getZExtValue() & 2;
    return ir::makeInt(Minimum ? 0 : ~uint64_t(0), Ty);
  }
  case Builtin::BI__builtin_memcpy:
  case Builtin::BI__builtin_memmove:
  case Builtin::BI__builtin_memset:
    return memoryBuiltin(E, ID);
  case Builtin::BI__builtin_memcmp:
    return memcmpBuiltin(E, Ty);
  case Builtin::BI__builtin_memchr:
    return memchrBuiltin(E, Ty);
  case Builtin::BI__builtin_prefetch: {
    // A hint: only the arguments' side effects remain.
    std::vector<ir::Stmt> Body;
    for (const clang::Expr *A : E->arguments())
      Exprs.effect(A, Body);
    return ir::makeBlock(std::move(Body), nullptr, Type::unit());
  }
  case Builtin::BI__atomic_thread_fence:
    return Atomics.fenceBuiltin(E, false);
  case Builtin::BI__atomic_signal_fence:
    return Atomics.fenceBuiltin(E, true);
  default:
    if (Ctx.BuiltinInfo.getName(ID).starts_with("__sync_"))
      return Atomics.syncBuiltin(E, Ctx.BuiltinInfo.getName(ID));
    reject(E, "builtin",
           "builtin '" + Ctx.BuiltinInfo.getName(ID).str() +
               "' has no translation");
  }
}

} // namespace h2r::frontend
