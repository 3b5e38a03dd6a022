#include "emitter/RustEmitter.h"

#include <cassert>
#include <sstream>

namespace h2r::emit {

using namespace ir;

namespace {

// Rust operator precedence, high binds tighter.
enum Prec : int {
  PrecJump = 0, // return, break
  PrecAssign = 1,
  PrecOr = 3,
  PrecAnd = 4,
  PrecCompare = 5,
  PrecBitOr = 6,
  PrecBitXor = 7,
  PrecBitAnd = 8,
  PrecShift = 9,
  PrecAdd = 10,
  PrecMul = 11,
  PrecCast = 12,
  PrecUnary = 13,
  PrecPostfix = 14,
  PrecPrimary = 15,
};

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

std::string escapeByteString(const std::string &Bytes) {
  std::string Out = "b\"";
  static const char *Hex = "0123456789abcdef";
  for (unsigned char C : Bytes) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += static_cast<char>(C);
    } else if (C >= 0x20 && C < 0x7f) {
      Out += static_cast<char>(C);
    } else {
      Out += "\\x";
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out + "\"";
}

// Where a piece of code sits: references to sibling items differ between the
// output's top level and its `inlines` module.
enum class Scope { Top, Inlines };

class Printer {
public:
  Printer(const Module &M, const EmitOptions &Opts) : M(M), Opts(Opts) {}

  std::string type(const Type &T) const;
  std::string expr(const Expr &E, int MinPrec);
  void function(const Function &F, Scope S, std::ostream &OS);
  std::string pointerArgument(const Expr &E);
  std::string asmOperand(const Expr &E, const AsmOperand &Op);
  void helperDoc(const Function &F, const std::string &Pad, std::ostream &OS);

private:
  std::string itemPath(const Symbol &Sym) const;
  std::string bindingsItem(const std::string &Name) const;
  std::string bindingsType(const std::string &Name) const;
  std::string intLiteral(uint64_t Bits, const Type &T, int &Prec) const;
  std::string exprUnparenthesised(const Expr &E, int &Prec);
  std::string block(const Expr &B, unsigned Indent);
  std::string blockBody(const Expr &B, unsigned Indent);
  std::string stmt(const Stmt &S, unsigned Indent);
  std::string matchExpr(const Expr &E);
  std::string pattern(uint64_t V, const Type &T) const;
  std::string fnPtrSignature(const Type &T) const;
  bool endsWithCast(const Expr &E) const;
  std::string leftOperand(const Expr &Op, int MinPrec);
  std::string asmExpr(const Expr &E);
  std::string statementExpr(const Expr &E);
  std::string volatileRead(const Expr &E, bool NameType);

  const Module &M;
  const EmitOptions &Opts;
  const Function *Fn = nullptr;
  Scope Where = Scope::Top;
  unsigned Indent = 0;
  // True while the next token printed starts a statement, where a leading
  // block-like expression would end the statement early.
  bool StmtStart = false;
};

std::string indent(unsigned N) { return std::string(N * 4, ' '); }

std::string Printer::fnPtrSignature(const Type &T) const {
  std::string S = "unsafe extern \"C\" fn(";
  for (size_t I = 0; I < T.params().size(); ++I) {
    if (I)
      S += ", ";
    S += type(*T.params()[I]);
  }
  if (T.isVariadic())
    S += T.params().empty() ? "..." : ", ...";
  S += ")";
  if (!T.returnType()->isUnit())
    S += " -> " + type(*T.returnType());
  return S;
}

std::string Printer::type(const Type &T) const {
  switch (T.kind()) {
  case Type::Kind::Unit:
    return "()";
  case Type::Kind::Never:
    return "!";
  case Type::Kind::Bool:
    return "bool";
  case Type::Kind::Int:
    return T.intName();
  case Type::Kind::Float:
    return T.bits() == 32 ? "f32" : "f64";
  case Type::Kind::CVoid:
    return "core::ffi::c_void";
  case Type::Kind::Pointer:
    return std::string(T.isPointeeConst() ? "*const " : "*mut ") +
           type(*T.pointee());
  case Type::Kind::Array:
    return "[" + type(*T.element()) + "; " + std::to_string(T.count()) + "]";
  case Type::Kind::Record:
    if (Opts.Types == TypeMode::Bindgen)
      return bindingsType(T.name());
    return (Where == Scope::Inlines ? "super::" : "") + T.name();
  case Type::Kind::FnPtr:
    return "Option<" + fnPtrSignature(T) + ">";
  case Type::Kind::Newtype:
    return bindingsType(T.name());
  }
  return "()";
}

// BindingsPath is written as seen from the output's top level: `crate::..`
// and `::..` hold everywhere, a relative path is one level further up from
// `inlines`.
std::string Printer::bindingsItem(const std::string &Name) const {
  const std::string &Path = Opts.BindingsPath;
  bool Absolute = Path.rfind("crate::", 0) == 0 || Path == "crate" ||
                  Path.rfind("::", 0) == 0;
  std::string Prefix = Path + "::";
  if (Where == Scope::Inlines && !Absolute)
    Prefix = "super::" + Prefix;
  return Prefix + Name;
}

std::string Printer::bindingsType(const std::string &Name) const {
  if (!Opts.BindingsInScope)
    return bindingsItem(Name);
  return (Where == Scope::Inlines ? "super::" : "") + Name;
}

std::string Printer::itemPath(const Symbol &Sym) const {
  switch (Sym.Kind) {
  case SymbolKind::InlineFn:
    return (Where == Scope::Top ? "inlines::" : "") + Sym.Name;
  case SymbolKind::BindingsFn:
  case SymbolKind::BindingsStatic:
    return bindingsItem(Sym.Name);
  case SymbolKind::HelperFn:
  case SymbolKind::ExternFn:
  case SymbolKind::ExternStatic:
    return (Where == Scope::Inlines ? "super::" : "") + Sym.Name;
  case SymbolKind::LocalStatic:
  case SymbolKind::Core:
    return Sym.Name;
  }
  return Sym.Name;
}

std::string Printer::intLiteral(uint64_t Bits, const Type &T,
                                int &Prec) const {
  unsigned W = T.bits();
  std::string Suffix = T.intName();
  Prec = PrecPrimary;
  if (T.isSigned()) {
    int64_t V;
    if (W >= 64)
      V = static_cast<int64_t>(Bits);
    else {
      uint64_t SignBit = uint64_t(1) << (W - 1);
      uint64_t Masked = Bits & ((SignBit << 1) - 1);
      V = (Masked & SignBit) ? static_cast<int64_t>(Masked) -
                                   static_cast<int64_t>(SignBit << 1)
                             : static_cast<int64_t>(Masked);
    }
    if (V < 0) {
      uint64_t Mag = uint64_t(0) - static_cast<uint64_t>(V);
      if (W <= 64 && Mag == (uint64_t(1) << (W - 1)))
        return Suffix + "::MIN";
      Prec = PrecUnary;
      return "-" + std::to_string(Mag) + "_" + Suffix;
    }
    return std::to_string(V) + "_" + Suffix;
  }
  if (W < 64)
    Bits &= (uint64_t(1) << W) - 1;
  if (Bits >= 0x10000) {
    std::ostringstream OS;
    OS << "0x" << std::hex << Bits << "_" << Suffix;
    return OS.str();
  }
  return std::to_string(Bits) + "_" + Suffix;
}

std::string Printer::pattern(uint64_t V, const Type &T) const {
  int Prec;
  return intLiteral(V, T, Prec);
}

// `x as u32 < y` does not parse: a cast followed by `<` or `<<` reads as the
// start of generic arguments.
bool Printer::endsWithCast(const Expr &E) const {
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
         (NameType ? "::<" + type(*E.Ty) + ">" : "") + "(" + Arg + ")";
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
      Pat += pattern(Lo, ScrTy);
      if (Hi != Lo)
        Pat += "..=" + pattern(Hi, ScrTy);
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

std::string Printer::exprUnparenthesised(const Expr &E, int &Prec) {
  Prec = PrecPrimary;
  switch (E.Kind) {
  case ExprKind::Binary:
  case ExprKind::Method:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Cast:
  case ExprKind::Field:
  case ExprKind::NewtypeValue:
  case ExprKind::CallPtr:
  case ExprKind::Assign:
    break;
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
  case ExprKind::NewtypeWrap:
  case ExprKind::Transmute:
  case ExprKind::Deref:
  case ExprKind::AddrOf:
  case ExprKind::Call:
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
    StmtStart = false;
  }
  switch (E.Kind) {
  case ExprKind::IntLit:
    return intLiteral(E.IntValue, *E.Ty, Prec);
  case ExprKind::BoolLit:
    return E.IntValue ? "true" : "false";
  case ExprKind::FloatLit:
    return E.Text + "_" + type(*E.Ty);
  case ExprKind::ByteStr: {
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
      return S + " as " + type(T);
    }
    std::string S = escapeByteString(E.Text) + ".as_ptr()";
    if (T.isPointer() && T.isPointeeConst() && T.pointee()->isInt() &&
        T.pointee()->bits() == 8 && !T.pointee()->isSigned())
      return S;
    Prec = PrecCast;
    return S + " as " + type(T);
  }
  case ExprKind::NullPtr:
    if (E.Ty->kind() == Type::Kind::FnPtr)
      return "None";
    return std::string(E.Ty->isPointeeConst() ? "core::ptr::null::<"
                                              : "core::ptr::null_mut::<") +
           type(*E.Ty->pointee()) + ">()";
  case ExprKind::Zeroed:
    return "core::mem::zeroed::<" + type(*E.Ty) + ">()";
  case ExprKind::Unit:
    return "()";
  case ExprKind::Local:
    return Fn->Locals[E.Local].Name;
  case ExprKind::Path: {
    std::string P = itemPath(E.Sym);
    if (E.Ty && E.Ty->kind() == Type::Kind::FnPtr)
      return "Some(" + P + " as " + fnPtrSignature(*E.Ty) + ")";
    if (isStatic(E.Sym.Kind)) {
      // Statics are reached through a raw pointer so no reference to a
      // `static mut` is ever formed.
      Prec = PrecUnary;
      return std::string("*core::ptr::") +
             (E.Mutable ? "addr_of_mut!(" : "addr_of!(") + P + ")";
    }
    return P;
  }
  case ExprKind::Unary:
    Prec = PrecUnary;
    return spelling(E.UOp) + expr(*E.Ops[0], PrecUnary);
  case ExprKind::Binary: {
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
  case ExprKind::BitfieldGet:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name + "()";
  case ExprKind::BitfieldSet:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + ".set_" + E.Name + "(" +
           expr(*E.Ops[1], PrecAssign) + ")";
  case ExprKind::Method: {
    Prec = PrecPostfix;
    std::string S = leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name + "(";
    for (size_t I = 1; I < E.Ops.size(); ++I) {
      if (I > 1)
        S += ", ";
      S += expr(*E.Ops[I], PrecAssign);
    }
    return S + ")";
  }
  case ExprKind::Cast:
    Prec = PrecCast;
    return leftOperand(*E.Ops[0], PrecCast) + " as " + type(*E.Ty);
  case ExprKind::NewtypeWrap:
    return bindingsItem(E.Ty->name()) + "(" + expr(*E.Ops[0], PrecAssign) + ")";
  case ExprKind::NewtypeValue:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + ".0";
  case ExprKind::Transmute:
    return "core::mem::transmute::<" + type(*E.Ops[0]->Ty) + ", " +
           type(*E.Ty) + ">(" + expr(*E.Ops[0], PrecAssign) + ")";
  case ExprKind::Deref: {
    Prec = PrecUnary;
    // `*b"..."` is a `[u8; N]` value: no raw pointer needed.
    const Expr &P = *E.Ops[0];
    if (P.Kind == ExprKind::ByteStr && E.Ty->kind() == Type::Kind::Array &&
        E.Ty->element()->isInt() && E.Ty->element()->bits() == 8 &&
        !E.Ty->element()->isSigned())
      return "*" + escapeByteString(P.Text);
    return "*" + expr(P, PrecUnary);
  }
  case ExprKind::AddrOf: {
    const Expr &Place = *E.Ops[0];
    std::string Inner;
    if (Place.Kind == ExprKind::Path)
      Inner = itemPath(Place.Sym);
    else
      Inner = expr(Place, PrecAssign);
    return std::string(E.Mutable ? "core::ptr::addr_of_mut!("
                                 : "core::ptr::addr_of!(") +
           Inner + ")";
  }
  case ExprKind::Field:
    Prec = PrecPostfix;
    return leftOperand(*E.Ops[0], PrecPostfix) + "." + E.Name;
  case ExprKind::Call:
  case ExprKind::CallPtr: {
    Prec = PrecPostfix;
    size_t First = 0;
    std::string S;
    if (E.Kind == ExprKind::Call) {
      S = itemPath(E.Sym);
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
  case ExprKind::Assign: {
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
  case ExprKind::Block:
    return block(E, Indent);
  case ExprKind::If: {
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
  case ExprKind::Loop:
    return (E.Label.empty() ? "" : "'" + E.Label + ": ") + "loop " +
           block(*E.Ops[0], Indent);
  case ExprKind::While:
    return (E.Label.empty() ? "" : "'" + E.Label + ": ") + "while " +
           expr(*E.Ops[0], PrecAssign) + " " + block(*E.Ops[1], Indent);
  case ExprKind::Match:
    return matchExpr(E);
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return: {
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

std::string rustStringLiteral(const std::string &Text) {
  std::string Out = "\"";
  for (char C : Text) {
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\t':
      Out += "\\t";
      break;
    default:
      Out += C;
    }
  }
  return Out + "\"";
}

static const char *spelling(AsmDir D) {
  switch (D) {
  case AsmDir::In:
    return "in";
  case AsmDir::Out:
    return "out";
  case AsmDir::LateOut:
    return "lateout";
  case AsmDir::InOut:
    return "inout";
  case AsmDir::InLateOut:
    return "inlateout";
  case AsmDir::Const:
    return "const";
  case AsmDir::Sym:
    return "sym";
  case AsmDir::Label:
    return "label";
  }
  return "";
}

static std::string registerSpec(const AsmOperand &Op) {
  switch (Op.Class) {
  case AsmRegClass::None:
    return "";
  case AsmRegClass::Reg:
    return "(reg)";
  case AsmRegClass::RegAbcd:
    return "(reg_abcd)";
  case AsmRegClass::RegByte:
    return "(reg_byte)";
  case AsmRegClass::Explicit:
    return "(\"" + Op.Register + "\")";
  }
  return "";
}

// AT&T syntax always: the templates are GCC's.
static std::string optionList(const AsmOptions &O) {
  std::string S = "att_syntax";
  for (auto [On, Name] : {std::pair{O.Pure, "pure"}, {O.NoMem, "nomem"},
                          {O.ReadOnly, "readonly"}, {O.NoReturn, "noreturn"},
                          {O.NoStack, "nostack"}})
    if (On)
      S += std::string(", ") + Name;
  return S;
}

std::string Printer::asmOperand(const Expr &E, const AsmOperand &Op) {
  std::string S = spelling(Op.Dir) + registerSpec(Op) + " ";
  switch (Op.Dir) {
  case AsmDir::Sym:
    return S + itemPath(Op.Sym);
  case AsmDir::Label: {
    ++Indent;
    S += block(*E.Ops[Op.In], Indent);
    --Indent;
    return S;
  }
  case AsmDir::Const:
  case AsmDir::In:
    return S + expr(*E.Ops[Op.In], PrecAssign);
  case AsmDir::Out:
  case AsmDir::LateOut:
  case AsmDir::InOut:
  case AsmDir::InLateOut: {
    if (Op.In >= 0)
      S += expr(*E.Ops[Op.In], PrecAssign);
    if (Op.In >= 0 && Op.In == Op.Out)
      return S;
    if (Op.In >= 0)
      S += " => ";
    return S + (Op.Out >= 0 ? expr(*E.Ops[Op.Out], PrecAssign) : "_");
  }
  }
  return S;
}

std::string Printer::asmExpr(const Expr &E) {
  std::string S = "core::arch::asm!(\n";
  std::string Pad = indent(Indent + 1);
  S += Pad + rustStringLiteral(E.Text) + ",\n";
  for (const AsmOperand &Op : E.AsmOps)
    S += Pad + asmOperand(E, Op) + ",\n";
  S += Pad + "options(" + optionList(E.AsmOpts) + "),\n";
  return S + indent(Indent) + ")";
}

std::string Printer::stmt(const Stmt &S, unsigned Ind) {
  std::string Pad = indent(Ind);
  switch (S.K) {
  case Stmt::Kind::Let: {
    const Local &L = Fn->Locals[S.Local];
    std::string Out = Pad + "let " + (L.Mutable ? "mut " : "") + L.Name +
                      ": " + type(*L.Ty);
    if (S.E)
      Out += " = " + expr(*S.E, PrecAssign);
    return Out + ";\n";
  }
  case Stmt::Kind::Static: {
    // A static's initialiser is outside the body's `unsafe` block.
    std::string Init = expr(*S.Item.Init, PrecAssign);
    if (S.Item.Init->Kind == ExprKind::Zeroed)
      Init = "unsafe { " + Init + " }";
    return Pad + "static mut " + S.Item.Name + ": " + type(*S.Item.Ty) +
           " = " + Init + ";\n";
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

// A reviewer sees where the code comes from; clippy::missing_safety_doc
// asks every public unsafe function for its contract.
void Printer::helperDoc(const Function &F, const std::string &Pad,
                        std::ostream &OS) {
  std::string File = F.Loc.File.substr(F.Loc.File.find_last_of('/') + 1);
  OS << Pad << "/// Translation of `" << F.CName << "`";
  if (!File.empty())
    OS << " (" << File << ":" << F.Loc.Line << ")";
  OS << ".\n"
     << Pad << "///\n"
     << Pad << "/// # Safety\n"
     << Pad << "///\n"
     << Pad << "/// The caller must meet the C function's own requirements on "
               "its arguments.\n";
}

void Printer::function(const Function &F, Scope S, std::ostream &OS) {
  Fn = &F;
  Where = S;
  Indent = S == Scope::Inlines ? 1 : 0;
  std::string Pad = indent(Indent);
  if (S == Scope::Top)
    helperDoc(F, Pad, OS);
  if (F.NoMangle)
    OS << Pad << "#[no_mangle]\n";
  else
    OS << Pad << "#[inline(always)]\n";
  OS << Pad << (S == Scope::Inlines ? "pub(super) " : "pub ") << "unsafe "
     << (F.ExternAbi ? "extern \"C\" " : "") << "fn " << F.RustName << "(";
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Local &L = F.Locals[F.Params[I]];
    if (I)
      OS << ", ";
    OS << (L.Mutable ? "mut " : "") << L.Name << ": " << type(*L.Ty);
  }
  OS << ")";
  if (!F.Ret->isUnit())
    OS << " -> " << type(*F.Ret);
  OS << " " << block(*F.Body, Indent) << "\n";
  Fn = nullptr;
}

std::string hexMask(unsigned Width) {
  std::ostringstream OS;
  uint64_t Mask = Width >= 64 ? ~uint64_t(0) : (uint64_t(1) << Width) - 1;
  OS << "0x" << std::hex << Mask << "_u128";
  return OS.str();
}

// `(x >> n)`, or just `x` when n is 0 (clippy::identity_op).
std::string shifted(const std::string &X, const char *Op, uint64_t N) {
  if (N == 0)
    return X;
  return "(" + X + " " + Op + " " + std::to_string(N) + ")";
}

void emitBitfieldAccessors(const RecordDef &R, Printer &P, std::ostream &OS) {
  OS << "impl " << R.Name << " {\n";
  for (const Bitfield &B : R.Bitfields) {
    uint64_t FirstByte = B.BitOffset / 8;
    uint64_t Shift = B.BitOffset % 8;
    uint64_t Bytes = (Shift + B.Width + 7) / 8;
    std::string Range = std::to_string(FirstByte) + ".." +
                        std::to_string(FirstByte + Bytes);
    std::string Ty = P.type(*B.Ty);
    // A union's storage unit is a union field: any bytes are valid for it,
    // but Rust still asks for `unsafe` to read or borrow it.
    std::string Unit = "self." + B.Unit + "[" + Range + "]";
    std::string Read = R.IsUnion ? "unsafe { &" + Unit + " }" : "&" + Unit;
    std::string Write = R.IsUnion ? "unsafe { &mut " + Unit + " }" : Unit;
    std::string Load = "        let mut bytes = [0u8; 16];\n"
                       "        bytes[.." +
                       std::to_string(Bytes) + "].copy_from_slice(" + Read +
                       ");\n";
    OS << "    #[inline]\n    pub fn " << B.Name << "(&self) -> " << Ty
       << " {\n"
       << Load << "        let raw = "
       << shifted("u128::from_le_bytes(bytes)", ">>", Shift) << " & "
       << hexMask(B.Width) << ";\n";
    if (B.Ty->isBool())
      OS << "        raw != 0\n";
    else if (B.Ty->isSigned())
      OS << "        ((raw << " << 128 - B.Width << ") as i128 >> "
         << 128 - B.Width << ") as " << Ty << "\n";
    else
      OS << "        raw as " << Ty << "\n";
    OS << "    }\n";
    OS << "    #[inline]\n    pub fn set_" << B.Name << "(&mut self, val: "
       << Ty << ") {\n"
       << Load << "        let mask: u128 = "
       << hexMask(B.Width) << (Shift ? " << " + std::to_string(Shift) : "")
       << ";\n"
       << "        let raw = (u128::from_le_bytes(bytes) & !mask) | ("
       << shifted("(val as u128)", "<<", Shift) << " & mask);\n"
       << "        " << Write << ".copy_from_slice(&raw.to_le_bytes()[.."
       << Bytes << "]);\n"
       << "    }\n";
  }
  OS << "}\n";
}

void emitRecord(const RecordDef &R, Printer &P, const EmitOptions &Opts,
                std::ostream &OS) {
  OS << "/// `" << R.CSpelling << "`\n";
  std::string Repr = "C";
  if (R.PackedTo)
    Repr += ", packed(" + std::to_string(R.PackedTo) + ")";
  if (R.AlignAttr)
    Repr += ", align(" + std::to_string(R.AlignAttr) + ")";
  OS << "#[repr(" << Repr << ")]\n#[derive(Copy, Clone)]\n"
     << "pub " << (R.IsUnion ? "union " : "struct ") << R.Name << " {\n";
  if (R.Opaque)
    OS << "    _unused: [u8; 0],\n";
  for (const RecordMember &Mem : R.Members) {
    OS << "    pub " << Mem.Name << ": ";
    if (Mem.K == RecordMember::Kind::Field)
      OS << P.type(*Mem.Ty);
    else
      OS << "[u8; " << Mem.Bytes << "]";
    OS << ",\n";
  }
  OS << "}\n";
  if (!R.Bitfields.empty())
    emitBitfieldAccessors(R, P, OS);
  if (R.Opaque)
    return;
  // Clang's layout, checked by rustc at compile time.
  OS << "const _: () = assert!(core::mem::size_of::<" << R.Name
     << ">() == " << R.Size << ");\n";
  OS << "const _: () = assert!(core::mem::align_of::<" << R.Name
     << ">() == " << R.Align << ");\n";
  if (Opts.Version.atLeast(1, 77))
    for (const RecordMember &Mem : R.Members)
      if (Mem.K != RecordMember::Kind::Padding)
        OS << "const _: () = assert!(core::mem::offset_of!(" << R.Name
           << ", " << Mem.Name << ") == " << Mem.Offset << ");\n";
}

void emitExternSignature(const ExternFn &F, Printer &P, std::ostream &OS) {
  OS << "fn " << F.Name << "(";
  for (size_t I = 0; I < F.Params.size(); ++I)
    OS << (I ? ", " : "") << "arg" << I << ": " << P.type(*F.Params[I]);
  if (F.Variadic)
    OS << (F.Params.empty() ? "..." : ", ...");
  OS << ")";
  if (!F.Ret->isUnit())
    OS << " -> " << P.type(*F.Ret);
  OS << ";\n";
}

// C signatures, declared as C has them (and as bindgen does); a pointer to a
// struct that is empty in this configuration (lockdep off) is still fine.
const char *const ExternBlockHeader = "#[allow(improper_ctypes)]\n"
                                      "extern \"C\" {\n";

} // namespace

std::string emitType(const Type &T, const EmitOptions &Opts) {
  Module Empty;
  return Printer(Empty, Opts).type(T);
}

std::string emitModule(const Module &M, const EmitOptions &Opts) {
  std::ostringstream OS;
  Printer P(M, Opts);
  if (!Opts.Banner.empty()) {
    std::istringstream Lines(Opts.Banner);
    for (std::string L; std::getline(Lines, L);)
      OS << "// " << L << "\n";
    OS << "\n";
  }

  if (Opts.Types == TypeMode::Self)
    for (const RecordDef &R : M.Records) {
      emitRecord(R, P, Opts, OS);
      OS << "\n";
    }
  // What the bindings lack, the output declares; beside bindings (in the
  // kernel's bindings crate) it keeps these to itself.
  if (!M.ExternFns.empty() || !M.ExternStatics.empty()) {
    const char *Vis = Opts.Types == TypeMode::Self ? "pub " : "";
    if (Opts.Types == TypeMode::Bindgen)
      OS << "// C items the bindings do not declare.\n";
    OS << ExternBlockHeader;
    for (const ExternFn &F : M.ExternFns) {
      OS << "    " << Vis;
      emitExternSignature(F, P, OS);
    }
    for (const ExternStatic &S : M.ExternStatics)
      OS << "    " << Vis << "static mut " << S.Name << ": " << P.type(*S.Ty)
         << ";\n";
    OS << "}\n\n";
  }

  if (!M.Fallbacks.empty()) {
    OS << "// Helpers left to the C side (see the coverage report).\n"
       << ExternBlockHeader;
    for (const FallbackDecl &F : M.Fallbacks) {
      OS << "    #[link_name = \"" << F.CName << "\"]\n    pub ";
      ExternFn Sig = F.Signature;
      Sig.Name = F.RustName;
      emitExternSignature(Sig, P, OS);
    }
    OS << "}\n\n";
  }

  bool AnyInline = false;
  for (const Function &F : M.Functions) {
    if (F.FnRole == Function::Role::Inline) {
      AnyInline = true;
      continue;
    }
    P.function(F, Scope::Top, OS);
    OS << "\n";
  }
  if (AnyInline) {
    OS << "/// The static inline functions the helpers reach.\nmod inlines {\n";
    bool First = true;
    for (const Function &F : M.Functions) {
      if (F.FnRole != Function::Role::Inline)
        continue;
      if (!First)
        OS << "\n";
      First = false;
      P.function(F, Scope::Inlines, OS);
    }
    OS << "}\n";
  }
  return OS.str();
}

} // namespace h2r::emit
