//===- ir/Module.h - Rust-shaped translation IR ----------------*- C++ -*-===//
//
// A small Rust AST: expressions are typed, every C semantic decision
// (promotion, wrapping, truncation, volatility) is already explicit, so the
// emitter only prints. Nodes are "fat": one struct per node with the fields
// each kind documents, which keeps generic passes (label cleanup, liveness,
// naming) short.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_MODULE_H
#define H2R_IR_MODULE_H

#include "ir/Type.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace h2r::ir {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
using LocalId = unsigned;

// What a path in the output refers to; the emitter turns it into text that
// depends on the type mode and on which module the reference sits in.
enum class SymbolKind {
  InlineFn,       // a translated static inline function (module `inlines`)
  HelperFn,       // a helper of the output (translated, or declared if not)
  ShimFn,         // a function of runtime-shims/ the output carries
  BindingsFn,     // a C function bindgen's bindings declare
  BindingsStatic, // a C global bindgen's bindings declare
  ExternFn,       // a C function the output declares itself
  ExternStatic,   // a C global the output declares itself
  LocalStatic,  // a function-local `static`, emitted inside the function
  Core,         // a fixed path such as `core::ptr::read_volatile`
};

// A static place: reached through a raw pointer, never a reference.
inline bool isStatic(SymbolKind K) {
  switch (K) {
  case SymbolKind::BindingsStatic:
  case SymbolKind::ExternStatic:
  case SymbolKind::LocalStatic:
    return true;
  case SymbolKind::InlineFn:
  case SymbolKind::HelperFn:
  case SymbolKind::ShimFn:
  case SymbolKind::BindingsFn:
  case SymbolKind::ExternFn:
  case SymbolKind::Core:
    return false;
  }
  return false;
}

struct Symbol {
  SymbolKind Kind = SymbolKind::Core;
  std::string Name;
};

enum class ExprKind {
  IntLit,   // IntValue (two's complement bits), Ty
  BoolLit,  // IntValue 0/1
  FloatLit, // Text (a valid Rust float literal), Ty
  ByteStr,  // Text holds raw bytes incl. the terminating NUL; value is a
            // pointer of type Ty to the first byte
  NullPtr,  // null pointer of type Ty (pointer or fn pointer)
  Zeroed,   // core::mem::zeroed::<Ty>()
  Unit,     // ()
  Local,    // LocalRef
  Path,     // Sym, used as a place (statics) or as a function value
  Unary,    // UOp Ops[0]
  Binary,   // Ops[0] BOp Ops[1]
  Method,   // Ops[0].Name(Ops[1..])
  Cast,     // Ops[0] as Ty
  NewtypeWrap,  // Ty(Ops[0]): an integer into bindgen's newtype enum Ty
  NewtypeValue, // Ops[0].0: a newtype enum's integer
  Transmute, // core::mem::transmute::<From, Ty>(Ops[0]); From = Ops[0]->Ty
  Deref,    // *Ops[0]  (place)
  AddrOf,   // addr_of!(Ops[0]) / addr_of_mut!(Ops[0]); Mutable
  Field,    // Ops[0].Name (place)
  BitfieldGet, // Ops[0].Name(): a bitfield of the record place Ops[0]
  BitfieldSet, // Ops[0].set_Name(Ops[1]): stores a bitfield, unit-typed
  Call,     // Sym(Ops...)
  CallPtr,  // (Ops[0].unwrap())(Ops[1..])
  Assign,   // Ops[0] = Ops[1]
  Block,    // Label: { Stmts; Ops[0]? } ; Unsafe marks `unsafe { }`
  If,       // if Ops[0] { Ops[1] } else { Ops[2]? }  (branches are Blocks)
  Loop,     // Label: loop { Ops[0] }
  While,    // Label: while Ops[0] { Ops[1] }
  Match,    // match Ops[0] { Arms }
  Break,    // break Label? Ops[0]?
  Continue, // continue Label?
  Return,   // return Ops[0]?
  VolatileRead,  // core::ptr::read_volatile(Ops[0])
  VolatileWrite, // core::ptr::write_volatile(Ops[0], Ops[1])
  Asm,           // core::arch::asm!(Text, AsmOps.., options(AsmOpts))
};

// How an asm! operand passes its value (Rust's operand keywords).
enum class AsmDir {
  In,        // in(reg) value
  Out,       // out(reg) place: written before all inputs are read
  LateOut,   // lateout(reg) place
  InOut,     // inout(reg) value => place
  InLateOut, // inlateout(reg) value => place
  Const,     // const value
  Sym,       // sym path
  Label,     // label { block }
};

// Where a register operand lives.
enum class AsmRegClass {
  None,     // const, sym and label operands
  Reg,      // reg
  RegAbcd,  // reg_abcd: a register with a high-byte name (%ah)
  RegByte,  // reg_byte
  Explicit, // one named register ("rax")
};

// Rust's unary operators as the IR uses them: `-` on signed integers and
// floats (integer negation is `wrapping_neg`), `!` on bools and integers.
enum class UnaryOp { Neg, Not };

// Rust's binary operators as the IR uses them. Integer `+ - * / %` and
// shifts are `wrapping_*` methods; these forms are for floats, bit
// operations, comparisons and the short-circuit operators.
enum class BinaryOp {
  Add, Sub, Mul, Div, Rem,
  BitAnd, BitOr, BitXor, Shl, Shr,
  Eq, Ne, Lt, Le, Gt, Ge,
  And, Or,
};

const char *spelling(UnaryOp Op);
const char *spelling(BinaryOp Op);
// `a <op>= b` exists for Op.
bool hasCompoundAssignment(BinaryOp Op);

// One operand of an asm! expression. Its expressions live in the owning
// Expr's Ops (so generic passes see them); In and Out index into Ops.
struct AsmOperand {
  AsmDir Dir = AsmDir::In;
  AsmRegClass Class = AsmRegClass::None;
  std::string Register; // Explicit: its Rust name ("rax")
  int In = -1;  // input value, const value, or label block
  int Out = -1; // output place; -1 with an output Dir means `_`
  Symbol Sym;   // sym operands
};

// True if the operand writes a place (or `_`).
bool isOutput(AsmDir D);

// asm!'s options(...), as the frontend decided them from the C statement.
// The syntax of an asm! template: Rust's default for the architecture
// (Intel on x86, the only one on AArch64) or AT&T's.
enum class AsmSyntax { Default, Att };

struct AsmOptions {
  AsmSyntax Syntax = AsmSyntax::Default;
  bool Pure = false;     // no side effects: may be merged or dropped
  bool NoMem = false;    // reads and writes no memory
  bool ReadOnly = false; // reads memory, writes none
  bool NoStack = false;  // does not push below the stack pointer
  bool NoReturn = false; // never falls through
};

struct Stmt;

struct MatchArm {
  // Each pattern is an inclusive range [Lo, Hi] of the scrutinee's type
  // (Lo == Hi for a single value). An arm with no patterns is `_`.
  std::vector<std::pair<uint64_t, uint64_t>> Patterns;
  ExprPtr Body;
};

struct Expr {
  ExprKind Kind;
  TypeRef Ty;
  std::vector<ExprPtr> Ops;
  UnaryOp UOp = UnaryOp::Not;   // Unary
  BinaryOp BOp = BinaryOp::Add; // Binary
  std::string Name;  // Method or field name
  std::string Text;  // FloatLit / ByteStr
  std::string Label; // Block, Loop, While, Break, Continue ("" = none)
  uint64_t IntValue = 0;
  LocalId Local = 0;
  Symbol Sym;
  bool Mutable = false; // AddrOf
  bool Unsafe = false;  // Block
  std::vector<Stmt> Stmts;     // Block
  std::vector<MatchArm> Arms;  // Match
  std::vector<AsmOperand> AsmOps; // Asm; Text is the template
  AsmOptions AsmOpts;             // Asm

  explicit Expr(ExprKind K, TypeRef T = nullptr) : Kind(K), Ty(std::move(T)) {}
};

// A function-local `static` item.
struct StaticItem {
  std::string Name;
  TypeRef Ty;
  ExprPtr Init; // a constant expression
  // The section C places it in (`__section("_ftrace_branch")`), if any, and
  // whether it is kept although nothing names it (`__used`): tables the
  // kernel walks from the section's bounds (branch profiling's counters).
  std::string Section;
  bool Used = false;
};

struct Stmt {
  enum class Kind { Let, Expr, Static };
  Kind K;
  LocalId Local = 0; // Let
  ExprPtr E;         // Let initialiser (null: deferred) or the expression
  StaticItem Item;   // Static

  explicit Stmt(Kind K) : K(K) {}
  static Stmt let(LocalId L, ExprPtr Init) {
    Stmt S(Kind::Let);
    S.Local = L;
    S.E = std::move(Init);
    return S;
  }
  static Stmt expr(ExprPtr E) {
    Stmt S(Kind::Expr);
    S.E = std::move(E);
    return S;
  }
};

struct Local {
  std::string Name; // C name; the naming pass rewrites it to the Rust name
  TypeRef Ty;
  bool IsParam = false;
  bool Mutable = false; // set by inferMutability()
};

struct SourceLoc {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string str() const;
};

struct Function {
  enum class Role { Helper, Inline };
  std::string CName;
  std::string RustName; // exported name for helpers, C name for inlines
  // A copy specialised for constant arguments at its call sites
  // ("key = &k + 8, branch = 0"); empty for the function itself.
  std::string SpecialisedFor;
  Role FnRole = Role::Inline;
  bool ExternAbi = false; // `extern "C"`: exported or address taken
  bool NoMangle = false;
  SourceLoc Loc;
  std::vector<LocalId> Params;
  TypeRef Ret;
  std::vector<Local> Locals;
  ExprPtr Body; // a Block
};

// A record definition for `--types=self`, laid out by the frontend: Members
// are in memory order and already include explicit padding, so printing them
// under #[repr(C)] reproduces Clang's layout, which the emitted assertions
// then check.
struct RecordMember {
  enum class Kind { Field, Padding, BitfieldUnit };
  explicit RecordMember(Kind K) : K(K) {}
  Kind K;
  std::string Name;
  TypeRef Ty;          // Field
  uint64_t Bytes = 0;  // Padding / BitfieldUnit
  uint64_t Offset = 0; // byte offset in the record
};

struct Bitfield {
  std::string Name;
  TypeRef Ty;          // the accessor's type (integer or bool)
  std::string Unit;    // the BitfieldUnit member holding it
  uint64_t BitOffset;  // within the unit
  unsigned Width;
};

struct RecordDef {
  std::string Name;
  std::string CSpelling; // "struct foo", for comments
  bool IsUnion = false;
  bool Opaque = false; // declared, never defined in the TU
  // Declared in a function body, or inside such a record: no bindings have
  // it, so the output defines it in every type mode.
  bool FunctionLocal = false;
  // #[derive(Copy, Clone)]: always for --types=self; in bindgen mode only
  // where bindgen derives Copy for every member (a member of a bindings
  // record that holds a flexible array or a blocklisted type is not Copy).
  bool DerivesCopy = true;
  uint64_t Size = 0, Align = 1;
  unsigned PackedTo = 0;  // #[repr(packed(N))] when non-zero
  unsigned AlignAttr = 0; // #[repr(align(N))] when non-zero
  std::vector<RecordMember> Members;
  std::vector<Bitfield> Bitfields;
};

// A record the bindings make opaque whose members the output reaches by
// byte offset: the output asserts that the bindings' size and alignment are
// Clang's, which the offsets were computed from.
struct OpaqueLayout {
  std::string Name;
  uint64_t Size = 0, Align = 1;
};

struct ExternFn {
  std::string Name;
  // The symbol, where an asm label (fortify's __RENAME) makes it differ
  // from Name; empty otherwise.
  std::string LinkName;
  TypeRef Ret;
  std::vector<TypeRef> Params;
  bool Variadic = false;

  // The symbol a call links against.
  const std::string &symbol() const {
    return LinkName.empty() ? Name : LinkName;
  }
};

struct ExternStatic {
  std::string Name;
  TypeRef Ty;
};

// A helper the output does not translate: declared so callers see one API.
struct FallbackDecl {
  std::string CName;
  std::string RustName;
  ExternFn Signature;
};

// The architecture whose asm the functions hold.
enum class Arch { X86_64, AArch64, Other };

struct Module {
  Arch TargetArch = Arch::X86_64;
  std::vector<RecordDef> Records;
  std::vector<OpaqueLayout> OpaqueLayouts;
  std::vector<ExternFn> ExternFns;
  // The C functions of the bindings the functions call (bindgen mode): the
  // output does not declare them; the in-kernel suite replaces some.
  std::vector<ExternFn> BindingsFns;
  std::vector<ExternStatic> ExternStatics;
  std::vector<Function> Functions; // helpers and inlines, in emission order
  std::vector<FallbackDecl> Fallbacks;
};

// The module's helpers by C name (rust_helper_x).
std::map<std::string, const Function *> helpersByCName(const Module &M);

// The C functions the module's functions call, declared by the output or
// by the bindings, by name.
std::map<std::string, const ExternFn *> cFunctionsByName(const Module &M);

// The module's function a call's symbol names (a translated inline function
// or helper), for analyses that follow calls.
class FunctionIndex {
public:
  explicit FunctionIndex(const Module &M);
  // Null for any other symbol, or a function the module does not hold.
  const Function *callee(const Symbol &S) const;

private:
  std::map<std::pair<Function::Role, std::string>, const Function *> ByName;
};

// Construction helpers used by the frontend and by tests.
ExprPtr makeInt(uint64_t Value, TypeRef Ty);
ExprPtr makeLocal(LocalId L, TypeRef Ty);
ExprPtr makeUnary(UnaryOp Op, ExprPtr A, TypeRef Ty);
ExprPtr makeBinary(BinaryOp Op, ExprPtr A, ExprPtr B, TypeRef Ty);
ExprPtr makeMethod(std::string Name, ExprPtr Recv, std::vector<ExprPtr> Args,
                   TypeRef Ty);
ExprPtr makeCast(ExprPtr A, TypeRef To);
ExprPtr makeBlock(std::vector<Stmt> Stmts, ExprPtr Tail, TypeRef Ty);
ExprPtr makeAssign(ExprPtr Place, ExprPtr Value);
ExprPtr makeIf(ExprPtr Cond, ExprPtr Then, ExprPtr Else, TypeRef Ty);
ExprPtr makeBreak(std::string Label, ExprPtr Value = nullptr);
ExprPtr makeContinue(std::string Label);

// A deep copy, for places that must be named twice (read then write).
ExprPtr clone(const Expr &E);

// True if evaluating E cannot have side effects and it is cheap to repeat.
bool isSimplePlace(const Expr &E);
// True if A and B are simple places naming the same storage.
bool samePlace(const Expr &A, const Expr &B);

} // namespace h2r::ir

#endif
