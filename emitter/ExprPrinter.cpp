//===- emitter/ExprPrinter.cpp - IR expressions and blocks to Rust --------===//
//
// Precedence decides parentheses; a statement start decides whether a
// block-like expression needs them too.
//
//===----------------------------------------------------------------------===//
#include "emitter/Printer.h"
#include "ir/ExprTraits.h"
#include "ir/RustNames.h"

#include <cassert>

namespace h2r::emit {

using namespace ir;

int binaryPrec(BinaryOp Op) {
  switch (Op) {
  case BinaryOp::Or:
    return PrecOr;
  case BinaryOp::And:
    return PrecAnd;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge:
    return PrecCompare;
  case BinaryOp::BitOr:
    return PrecBitOr;
  case BinaryOp::BitXor:
    return PrecBitXor;
  case BinaryOp::BitAnd:
    return PrecBitAnd;
  case BinaryOp::Shl:
  case BinaryOp::Shr:
    return PrecShift;
  case BinaryOp::Add:
  case BinaryOp::Sub:
    return PrecAdd;
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::Rem:
    return PrecMul;
  }
  return PrecMul;
}

bool isBlockLike(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
    return true;
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Path:
  case ExprKind::Unary:
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
  case ExprKind::Asm:
    return false;
  }
  return false;
}

// `x as u32 < y` does not parse: a cast followed by `<` or `<<` reads as the
// start of generic arguments.
static bool endsWithCast(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::Cast:
    return true;
  case ExprKind::Binary:
    return endsWithCast(*E.Ops[1]);
  case ExprKind::Unary:
    return endsWithCast(*E.Ops[0]);
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Path:
  case ExprKind::Method:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
  case ExprKind::VolatileRead:
  case ExprKind::VolatileWrite:
  case ExprKind::Asm:
    return false;
  }
  return false;
}

// Does E's value take its type from what the context expects
// (`read_volatile`'s result, through blocks and branches)?
static bool typedByContext(const Expr &E) {
  switch (E.Kind) {
  case ExprKind::VolatileRead:
    return true;
  case ExprKind::Block:
    return !E.Ops.empty() && E.Ops[0] && typedByContext(*E.Ops[0]);
  case ExprKind::If:
    return E.Ops.size() > 2 &&
           (typedByContext(*E.Ops[1]) || typedByContext(*E.Ops[2]));
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::ByteStr:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
  case ExprKind::Local:
  case ExprKind::Path:
  case ExprKind::Unary:
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::Cast:
  case ExprKind::NewtypeWrap:
  case ExprKind::NewtypeValue:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Call:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
  case ExprKind::VolatileWrite:
  case ExprKind::Asm:
    return false;
  }
  return false;
}

// An argument of `ptr::eq`, which takes `*const T`: a cast that only adds
// `mut` is dropped, and a `*mut T` the context would type is made const
// first, or inference asks it for `*const T`.
std::string Printer::pointerArgument(const Expr &E) {
  const Expr *Arg = &E;
  if (Arg->Kind == ExprKind::Cast && Arg->Ops[0]->Ty->isPointer() &&
      sameType(Arg->Ops[0]->Ty->pointee(), Arg->Ty->pointee()))
    Arg = Arg->Ops[0].get();
  if (!Arg->Ty->isPointeeConst() && typedByContext(*Arg))
    return expr(*Arg, PrecPostfix) + ".cast_const()";
  return expr(*Arg, PrecAssign);
}

std::string Printer::expr(const Expr &E, int MinPrec) {
  int Prec = PrecPrimary;
  std::string S = exprUnparenthesised(E, Prec);
  StmtStart = false;
  if (Prec < MinPrec)
    return "(" + S + ")";
  return S;
}

// The first operand of an expression whose text starts with that operand.
std::string Printer::leftOperand(const Expr &Op, int MinPrec) {
  if (StmtStart && isBlockLike(Op)) {
    StmtStart = false;
    return "(" + expr(Op, PrecJump) + ")";
  }
  return expr(Op, MinPrec);
}

// A pointer read through a volatile pointer: each inner read names what it
// reads, or inference asks it for `*const T` where the place holds `*mut T`.
std::string Printer::volatileRead(const Expr &E, bool NameType) {
  const Expr &Addr = *E.Ops[0];
  std::string Arg = Addr.Kind == ExprKind::VolatileRead
                        ? volatileRead(Addr, /*NameType=*/true)
                        : expr(Addr, PrecAssign);
  return std::string("core::ptr::read_volatile") +
         (NameType ? "::<" + Spell.type(*E.Ty) + ">" : "") + "(" + Arg + ")";
}

std::string Printer::statementExpr(const Expr &E) {
  StmtStart = !isBlockLike(E);
  std::string S = expr(E, PrecJump);
  StmtStart = false;
  return S;
}

std::string Printer::matchExpr(const Expr &E) {
  const Type &ScrTy = *E.Ops[0]->Ty;
  std::string S = "match " + expr(*E.Ops[0], PrecAssign) + " {\n";
  for (const auto &Arm : E.Arms) {
    std::string Pat;
    for (const auto &[Lo, Hi] : Arm.Patterns) {
      if (!Pat.empty())
        Pat += " | ";
      Pat += Spell.pattern(Lo, ScrTy);
      if (Hi != Lo)
        Pat += "..=" + Spell.pattern(Hi, ScrTy);
    }
    if (Pat.empty())
      Pat = "_";
    ++Indent;
    const Expr &Body = *Arm.Body;
    // An arm that only jumps prints on one line: `1_i32 => break 'case,`.
    if (Body.Kind == ExprKind::Block && Body.Stmts.empty() &&
        Body.Label.empty() && !Body.Unsafe && Body.Ops.size() == 1 &&
        !isBlockLike(*Body.Ops[0]))
      S += indent(Indent) + Pat + " => " + expr(*Body.Ops[0], PrecJump) +
           ",\n";
    else
      S += indent(Indent) + Pat + " => " + block(Body, Indent) + "\n";
    --Indent;
  }
  return S + indent(Indent) + "}";
}

std::string Printer::stringLiteral(const Expr &E, int &Prec) {
  const Type &T = *E.Ty;
  // A C string literal (Rust 1.77) says what the bytes are for.
  if (Opts.Version.atLeast(1, 77) && E.Text.find('\0') == E.Text.size() - 1) {
    std::string S =
        "c" + escapeByteString(E.Text.substr(0, E.Text.size() - 1)).substr(1) +
        ".as_ptr()";
    if (T.isPointer() && T.isPointeeConst() && T.pointee()->isInt() &&
        T.pointee()->bits() == 8 && T.pointee()->isSigned())
      return S;
    Prec = PrecCast;
    return S + " as " + Spell.type(T);
  }
  std::string S = escapeByteString(E.Text) + ".as_ptr()";
  if (T.isPointer() && T.isPointeeConst() && T.pointee()->isInt() &&
      T.pointee()->bits() == 8 && !T.pointee()->isSigned())
    return S;
  Prec = PrecCast;
  return S + " as " + Spell.type(T);
}

std::string Printer::pathExpr(const Expr &E, int &Prec) {
  std::string P = Spell.itemPath(E.Sym);
  if (isStatic(E.Sym.Kind)) {
    // Statics are reached through a raw pointer so no reference to a
    // `static mut` is ever formed. A static holding a function pointer is
    // such a place too, never the function it points to.
    Prec = PrecUnary;
    return std::string("*core::ptr::") +
           (E.Mutable ? "addr_of_mut!(" : "addr_of!(") + P + ")";
  }
  // A function named as a value is a non-null function pointer.
  if (E.Ty && E.Ty->kind() == Type::Kind::FnPtr)
    return "Some(" + P + " as " + Spell.fnPtrSignature(*E.Ty) + ")";
  return P;
}

std::string Printer::binaryExpr(const Expr &E, int &Prec) {
  // Raw pointers compare by address with `ptr::eq` (clippy::ptr_eq).
  if ((E.BOp == BinaryOp::Eq || E.BOp == BinaryOp::Ne) &&
      E.Ops[0]->Ty->isPointer() &&
      E.Ops[1]->Ty->isPointer()) {
    StmtStart = false;
    std::string Eq = "core::ptr::eq(" + pointerArgument(*E.Ops[0]) + ", " +
                     pointerArgument(*E.Ops[1]) + ")";
    if (E.BOp == BinaryOp::Eq)
      return Eq;
    Prec = PrecUnary;
    return "!" + Eq;
  }
  int P = binaryPrec(E.BOp);
  Prec = P;
  bool NonAssoc = P == PrecCompare;
  // A type followed by `<` starts generic arguments: a left operand that
  // ends in a cast is always parenthesised before `<` and `<<`.
  bool TypeThenAngle =
      (E.BOp == BinaryOp::Lt || E.BOp == BinaryOp::Shl) &&
      endsWithCast(*E.Ops[0]);
  std::string L = leftOperand(*E.Ops[0], TypeThenAngle ? PrecPrimary + 1
                                         : NonAssoc    ? P + 1
                                                       : P);
  return L + " " + spelling(E.BOp) + " " + expr(*E.Ops[1], P + 1);
}

std::string Printer::methodExpr(const Expr &E, int &Prec) {
  Prec = PrecPostfix;
  std::string S = leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name + "(";
  for (size_t I = 1; I < E.Ops.size(); ++I) {
    if (I > 1)
      S += ", ";
    S += expr(*E.Ops[I], PrecAssign);
  }
  return S + ")";
}

std::string Printer::derefExpr(const Expr &E, int &Prec) {
  Prec = PrecUnary;
  // `*b"..."` is a `[u8; N]` value: no raw pointer needed.
  const Expr &P = *E.Ops[0];
  if (P.Kind == ExprKind::ByteStr && E.Ty->kind() == Type::Kind::Array &&
      E.Ty->element()->isInt() && E.Ty->element()->bits() == 8 &&
      !E.Ty->element()->isSigned())
    return "*" + escapeByteString(P.Text);
  return "*" + expr(P, PrecUnary);
}

std::string Printer::addrOfExpr(const Expr &E) {
  const Expr &Place = *E.Ops[0];
  std::string Inner;
  if (Place.Kind == ExprKind::Path)
    Inner = Spell.itemPath(Place.Sym);
  else
    Inner = expr(Place, PrecAssign);
  return std::string(E.Mutable ? "core::ptr::addr_of_mut!("
                               : "core::ptr::addr_of!(") +
         Inner + ")";
}

std::string Printer::callExpr(const Expr &E, int &Prec) {
  Prec = PrecPostfix;
  size_t First = 0;
  std::string S;
  if (E.Kind == ExprKind::Call) {
    S = Spell.itemPath(E.Sym);
  } else {
    // Calling a null function pointer is undefined in C: no panic path.
    S = leftOperand(*E.Ops[0], PrecPostfix) + ".unwrap_unchecked()";
    First = 1;
  }
  S += "(";
  for (size_t I = First; I < E.Ops.size(); ++I) {
    if (I > First)
      S += ", ";
    S += expr(*E.Ops[I], PrecAssign);
  }
  return S + ")";
}

std::string Printer::assignExpr(const Expr &E, int &Prec) {
  Prec = PrecAssign;
  // `p = p | m` reads as `p |= m` (clippy::assign_op_pattern).
  const Expr &Value = *E.Ops[1];
  if (Value.Kind == ExprKind::Binary && hasCompoundAssignment(Value.BOp) &&
      samePlace(*E.Ops[0], *Value.Ops[0]))
    return leftOperand(*E.Ops[0], PrecAssign + 1) + " " +
           spelling(Value.BOp) + "= " + expr(*Value.Ops[1], PrecAssign);
  return leftOperand(*E.Ops[0], PrecAssign + 1) + " = " +
         expr(*E.Ops[1], PrecAssign);
}

std::string Printer::ifExpr(const Expr &E) {
  std::string S =
      "if " + expr(*E.Ops[0], PrecAssign) + " " + block(*E.Ops[1], Indent);
  if (E.Ops.size() > 2) {
    const Expr &Else = *E.Ops[2];
    // `else { if .. }` prints as `else if ..`.
    if (Else.Kind == ExprKind::Block && Else.Label.empty() &&
        !Else.Unsafe && Else.Stmts.empty() && Else.Ops.size() == 1 &&
        Else.Ops[0]->Kind == ExprKind::If)
      S += " else " + expr(*Else.Ops[0], PrecAssign);
    else
      S += " else " + block(Else, Indent);
  }
  return S;
}

std::string Printer::returnExpr(const Expr &E, int &Prec) {
  std::string S = E.Kind == ExprKind::Break      ? "break"
                  : E.Kind == ExprKind::Continue ? "continue"
                                                 : "return";
  if (!E.Label.empty())
    S += " '" + E.Label;
  if (!E.Ops.empty()) {
    Prec = PrecJump;
    S += " " + expr(*E.Ops[0], PrecAssign);
  }
  return S;
}

// Does printing E start with one of its operands (`a + b`, `x as T`,
// `f.m()`)? Only then can a statement start still be ahead.
static bool startsWithOperand(const Expr &E) {
  return ir::traits(E.Kind).OperandFirst;
}

std::string Printer::loopExpr(const Expr &E) {
  std::string Label = E.Label.empty() ? "" : "'" + E.Label + ": ";
  if (E.Kind == ExprKind::Loop)
    return Label + "loop " + block(*E.Ops[0], Indent);
  return Label + "while " + expr(*E.Ops[0], PrecAssign) + " " +
         block(*E.Ops[1], Indent);
}

std::string Printer::exprUnparenthesised(const Expr &E, int &Prec) {
  Prec = PrecPrimary;
  if (!startsWithOperand(E))
    StmtStart = false;
  switch (E.Kind) {
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit:
  case ExprKind::NullPtr:
  case ExprKind::Zeroed:
  case ExprKind::Unit:
    return Spell.literal(E, Prec);
  case ExprKind::ByteStr:
    return stringLiteral(E, Prec);
  case ExprKind::Local:
    return Fn->Locals[E.Local].Name;
  case ExprKind::Path:
    return pathExpr(E, Prec);
  case ExprKind::Unary:
    Prec = PrecUnary;
    return spelling(E.UOp) + expr(*E.Ops[0], PrecUnary);
  case ExprKind::Binary:
    return binaryExpr(E, Prec);
  case ExprKind::BitfieldGet:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name + "()";
  case ExprKind::BitfieldSet:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + "." + ir::bitfieldSetter(E.Name) + "(" +
           expr(*E.Ops[1], PrecAssign) + ")";
  case ExprKind::Method:
    return methodExpr(E, Prec);
  case ExprKind::Cast:
    Prec = PrecCast;
    return leftOperand(*E.Ops[0], PrecCast) + " as " + Spell.type(*E.Ty);
  case ExprKind::NewtypeWrap:
    return Spell.bindingsItem(E.Ty->name()) + "(" + expr(*E.Ops[0], PrecAssign) + ")";
  case ExprKind::NewtypeValue:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + ".0";
  case ExprKind::Transmute:
    return "core::mem::transmute::<" + Spell.type(*E.Ops[0]->Ty) + ", " +
           Spell.type(*E.Ty) + ">(" + expr(*E.Ops[0], PrecAssign) + ")";
  case ExprKind::Deref:
    return derefExpr(E, Prec);
  case ExprKind::AddrOf:
    return addrOfExpr(E);
  case ExprKind::Field:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name;
  case ExprKind::Call:
  case ExprKind::CallPtr:
    return callExpr(E, Prec);
  case ExprKind::Assign:
    return assignExpr(E, Prec);
  case ExprKind::Block:
    return block(E, Indent);
  case ExprKind::If:
    return ifExpr(E);
  case ExprKind::Loop:
  case ExprKind::While:
    return loopExpr(E);
  case ExprKind::Match:
    return matchExpr(E);
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
    return returnExpr(E, Prec);
  case ExprKind::Asm:
    return asmExpr(E);
  case ExprKind::VolatileRead:
    return volatileRead(E, /*NameType=*/false);
  case ExprKind::VolatileWrite:
    return "core::ptr::write_volatile(" + expr(*E.Ops[0], PrecAssign) +
           ", " + expr(*E.Ops[1], PrecAssign) + ")";
  }
  return "()";
}

std::string Printer::stmt(const Stmt &S, unsigned Ind) {
  std::string Pad = indent(Ind);
  switch (S.K) {
  case Stmt::Kind::Let: {
    const Local &L = Fn->Locals[S.Local];
    std::string Out = Pad + "let " + (L.Mutable ? "mut " : "") + L.Name +
                      ": " + Spell.type(*L.Ty);
    if (S.E)
      Out += " = " + expr(*S.E, PrecAssign);
    return Out + ";\n";
  }
  case Stmt::Kind::Static: {
    // A static's initialiser is outside the body's `unsafe` block.
    std::string Init = expr(*S.Item.Init, PrecAssign);
    if (S.Item.Init->Kind == ExprKind::Zeroed)
      Init = "unsafe { " + Init + " }";
    else if (S.Item.Init->Kind == ExprKind::Block)
      Init = "unsafe " + Init; // member by member into `zeroed()`
    std::string Attrs;
    if (!S.Item.Section.empty())
      Attrs += Pad + "#[link_section = \"" + S.Item.Section + "\"]\n";
    if (S.Item.Used)
      Attrs += Pad + "#[used]\n";
    return Attrs + Pad + "static mut " + S.Item.Name + ": " +
           Spell.type(*S.Item.Ty) + " = " + Init + ";\n";
  }
  case Stmt::Kind::Expr: {
    const Expr &E = *S.E;
    if (isBlockLike(E) && E.Ty->isUnit())
      return Pad + expr(E, PrecAssign) + "\n";
    return Pad + statementExpr(E) + ";\n";
  }
  }
  return "";
}

std::string Printer::blockBody(const Expr &B, unsigned Ind) {
  std::string S;
  for (const auto &St : B.Stmts)
    S += stmt(St, Ind);
  if (!B.Ops.empty() && B.Ops[0]) {
    S += indent(Ind) + statementExpr(*B.Ops[0]) + "\n";
  }
  return S;
}

std::string Printer::block(const Expr &B, unsigned Ind) {
  assert(B.Kind == ExprKind::Block && "branch bodies are blocks");
  unsigned Saved = Indent;
  Indent = Ind + 1;
  std::string Head = B.Label.empty() ? "" : "'" + B.Label + ": ";
  if (B.Unsafe)
    Head += "unsafe ";
  std::string Body = blockBody(B, Ind + 1);
  Indent = Saved;
  if (Body.empty())
    return Head + "{}";
  return Head + "{\n" + Body + indent(Ind) + "}";
}

} // namespace h2r::emit
