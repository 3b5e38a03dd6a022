//===- FunctionLowering.h - One C function to the IR ------------*- C++ -*-===//
//
// Lowers a C function with exact C semantics: Clang's implicit conversions are
// the source of truth, so every promotion, truncation and wrap is spelled out
// in the IR (`wrapping_add`, `as`, `read_volatile`). Control flow that Rust
// lacks (switch fallthrough, goto) becomes labelled blocks and a dispatch
// loop. The first construct it cannot translate stops it with a reason.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_LOWERING_FUNCTIONLOWERING_H
#define H2R_FRONTEND_LOWERING_FUNCTIONLOWERING_H

#include "frontend/kernel/BindingsInventory.h"
#include "frontend/lowering/ConstArgs.h"
#include "frontend/lowering/LoweringFailure.h"
#include "frontend/types/NamedAddressSpace.h"
#include "frontend/types/TypeLowering.h"
#include "ir/Module.h"
#include "ir/RustVersion.h"

#include "clang/AST/OperationKinds.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/DenseMap.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <variant>

namespace clang {
class ASTContext;
class CompoundStmt;
class Expr;
class FieldDecl;
class FunctionDecl;
class LabelDecl;
class MemberExpr;
class Stmt;
class SwitchStmt;
class VarDecl;
class InitListExpr;
class CallExpr;
class CastExpr;
class BinaryOperator;
class UnaryOperator;
class OpaqueValueExpr;
class GCCAsmStmt;
class AtomicExpr;
} // namespace clang

namespace h2r::frontend {

// A variadic definition whose body never reads its variadic arguments (no
// va_start), such as the kernel's printf-format checkers
// (`__WARN_validate_printf(fmt, ...) { }`): it is translated with its named
// parameters only, and calls drop the arguments past them.
bool ignoresVariadicArguments(const clang::FunctionDecl *FD);

// The register of a GNU global register variable the expression names
// (`register unsigned long current_stack_pointer asm("rsp")`), if it does.
// Such a variable is a register, never a symbol.
std::optional<std::string> globalRegisterVariable(const clang::Expr *E);

// Does Body write the local V after its initialiser: assign it, increment
// or decrement it, take its address, or name it as an asm output?
bool writesLocal(const clang::Stmt *Body, const clang::VarDecl *V);

// Everything a function's lowering needs from its translation unit.
struct LoweringContext {
  LoweringContext(clang::ASTContext &Ctx, TypeLowering &Types)
      : Ctx(Ctx), Types(Types) {}

  clang::ASTContext &Ctx;
  TypeLowering &Types;
  // What the unit's architecture's asm means (null: asm stays in C).
  const AsmTarget *Asm = nullptr;
  // Functions translated as Rust functions of the output (the closure).
  std::set<const clang::FunctionDecl *> Inlines;
  // The helpers, by canonical declaration, with their names in the output:
  // a helper calling a helper (itself, recursively) calls the output's.
  std::map<const clang::FunctionDecl *, std::string> Helpers;
  // Closure functions whose address is taken: they need the C ABI.
  std::set<const clang::FunctionDecl *> AddressTaken;
  // C functions and globals referenced but not translated, that the output
  // declares itself (all of them with --types=self), by name.
  std::map<std::string, ir::ExternFn> ExternFns;
  // The C functions of the bindings it calls, with their signatures.
  std::map<std::string, ir::ExternFn> BindingsFns;
  std::map<std::string, ir::ExternStatic> ExternStatics;
  // bindgen mode: what the bindings hold (null: everything; self mode: the
  // output declares every C item itself).
  const BindingsInventory *Bindings = nullptr;
  bool SelfTypes = false;
  // Before 0.61 bindgen declares C noreturn functions returning `()`, so
  // calls through the bindings get an explicit unreachable; from 0.61 they
  // are `-> !` and need none.
  bool BindingsNoreturnAsNever = false;
  // Shims may stand in for what Rust cannot express (--no-shims: never).
  bool Shims = true;
  // The helpers' bodies are those of a compile with KASAN (their parse has
  // `__SANITIZE_ADDRESS__` or `__SANITIZE_HWADDRESS__`): a locked asm stays
  // asm, which the sanitizer leaves unchecked in C and in Rust alike, where
  // a core atomic would be checked once more (a second report).
  bool SanitizedAccesses = false;
  // The oldest rustc the output must compile with.
  ir::RustVersion Rust;
  // Functions are exported with the C ABI (--export=c-abi) rather than
  // inlined into their Rust callers.
  bool ExportCAbi = false;
  // The output's crate enables `feature(asm_goto)` (before 1.87).
  bool AsmGotoFeature = false;
  bool hasAsmGoto() const { return AsmGotoFeature || Rust.atLeast(1, 87); }

  // A closure function specialised for constant arguments at a call site
  // (Specialisation.cpp), by its name in the output.
  struct Specialisation {
    const clang::FunctionDecl *Of = nullptr;
    std::string Arguments; // "key = &k + 8, branch = 0"
    std::optional<ir::Function> Fn;
    std::set<const clang::FunctionDecl *> Reached;
    std::set<std::string> Calls; // the specialisations its body calls
    std::vector<LoweringFailure> Notes, Shims;
  };
  std::map<std::string, Specialisation> Specialisations;
  std::set<std::string> SpecialisationsInProgress;
  // The parameters of F that must be constants where F is called: they
  // reach an asm immediate, directly or through a call.
  const std::set<unsigned> &constParams(const clang::FunctionDecl *F);
  // The parameters of F that reach `__builtin_constant_p`: worth binding
  // where a call passes a constant, as C does after inlining.
  const std::set<unsigned> &constantPParams(const clang::FunctionDecl *F);
  // ... or pick a switch's case where one calls BUILD_BUG() (an error
  // function): `switch (size)` in arm64's __arch_xchg().
  const std::set<unsigned> &buildBugParams(const clang::FunctionDecl *F);
  using ParamSets =
      std::map<const clang::FunctionDecl *, std::set<unsigned>>;
  ParamSets ConstParams, ConstantPParams, BuildBugParams;
  using DirectParams = std::function<void(
      const clang::Stmt *, const clang::FunctionDecl *, std::set<unsigned> &)>;
  const std::set<unsigned> &paramsReaching(const clang::FunctionDecl *F,
                                           ParamSets &Memo,
                                           const DirectParams &Direct);

  ir::Symbol calleeSymbol(const clang::FunctionDecl *FD);
  // bindgen binds one Rust function per symbol, named after the first
  // declaration of the unit that links to it: `__real_kmemdup`
  // (asm("kmemdup")) is bound as `kmemdup` where that comes first.
  std::string boundName(const clang::FunctionDecl *FD);
  std::map<std::string, std::string> FirstNameOfSymbol;
  ir::ExternFn externSignature(const clang::FunctionDecl *FD);
  // A C function or global defined elsewhere: reached through the bindings
  // when they hold it, else declared by the output.
  ir::Symbol externFunction(ir::ExternFn F);
  ir::Symbol externStatic(const clang::VarDecl *VD, ir::TypeRef Ty);
  bool inBindings(const std::string &Name,
                  bool (BindingsInventory::*Holds)(const std::string &)
                      const) const;
};

class FunctionLowering {
public:
  FunctionLowering(LoweringContext &LC, const clang::FunctionDecl *FD,
                   ConstBindings Bound = {})
      : LC(LC), Ctx(LC.Ctx), FD(FD), Bound(std::move(Bound)) {}

  std::variant<ir::Function, LoweringFailure> run();

  // The closure functions the translation calls or takes the address of
  // (after dead branches are gone): what a helper really depends on.
  const std::set<const clang::FunctionDecl *> &reached() const {
    return Reached;
  }
  // Decisions worth a note in the report (same shape as a failure).
  const std::vector<LoweringFailure> &notes() const { return Notes; }
  // The shims the translation used (ShimLowering.cpp).
  const std::vector<LoweringFailure> &shims() const { return Shims; }
  // The call-site specialisations it calls, by name (Specialisation.cpp).
  const std::set<std::string> &specialisationsCalled() const {
    return SpecialisationsCalled;
  }
  // Where it reads its return address (`_RET_IP_`), which the translation
  // gives only where it is inlined into its Rust caller; invalid: nowhere.
  clang::SourceLocation returnAddressUse() const { return ReturnAddressUse; }

private:
  // An lvalue: a place, or a bitfield of a place (accessor Bitfield).
  struct LValue {
    ir::ExprPtr Place;
    std::string Bitfield;
    ir::TypeRef Ty; // the value's type
    bool Volatile = false;
    // A per-CPU place (`__seg_gs`): read and written through the segment
    // (SegmentLowering.cpp), never as plain memory.
    Segment SegmentOverride = Segment::None;
    const clang::Expr *Source = nullptr; // for diagnostics
  };
  // Where a C `break` / `continue` goes.
  struct JumpTarget {
    std::string BreakLabel;
    std::string ContinueLabel; // empty for a switch
    bool ContinueIsBreak = false; // `continue` leaves a block, not the loop
    size_t CleanupDepth = 0;      // cleanup scopes open outside the target
  };
  // __attribute__((cleanup(fn))) variables of one block, in declaration
  // order: fn(&var) runs, last first, wherever control leaves the block.
  struct Cleanup {
    ir::LocalId Var;
    const clang::FunctionDecl *Fn;
  };
  // A compound statement with labels: its sections and how to enter them.
  struct GotoRegion {
    std::map<const clang::LabelDecl *, unsigned> SectionOf;
    std::vector<std::string> SectionLabels; // block ending before section k
    std::string LoopLabel; // non-empty when some goto jumps backwards
    ir::LocalId State = 0;
    unsigned CurrentSection = 0;
  };

  // Shared by every step (StmtLowering.cpp).
  [[noreturn]] void reject(const clang::Stmt *S, std::string Construct,
                           std::string Message);
  ir::TypeRef type(clang::QualType T, const clang::Stmt *Where);
  ir::LocalId addLocal(std::string Name, ir::TypeRef Ty, bool IsParam = false);
  std::string freshLabel(const std::string &Base);

  // Values, calls and side effects (ExprLowering.cpp).
  ir::ExprPtr rvalue(const clang::Expr *E);
  ir::ExprPtr condition(const clang::Expr *E);
  ir::ExprPtr toBool(ir::ExprPtr V);
  ir::ExprPtr coerce(ir::ExprPtr V, const ir::TypeRef &Want);
  void effect(const clang::Expr *E, std::vector<ir::Stmt> &Out);
  const clang::FunctionDecl *calleeBehindStatics(const clang::CallExpr *E);
  ir::ExprPtr call(const clang::CallExpr *E);
  ir::ExprPtr declRef(const clang::Expr *E);
  ir::ExprPtr stmtExpr(const clang::CompoundStmt *CS, clang::QualType Ty);
  ir::ExprPtr constantFold(const clang::Expr *E);
  bool mayBeConstant(const clang::Expr *E);
  // Places (PlaceLowering.cpp).
  ir::ExprPtr placeAtOffset(ir::ExprPtr RecordPtr, uint64_t Bytes,
                            const ir::TypeRef &Ty, bool Const);
  LValue memberByOffset(const clang::MemberExpr *Outer);
  LValue lvalue(const clang::Expr *E);
  LValue place(const clang::Expr *E);
  ir::ExprPtr load(LValue LV);
  ir::ExprPtr copyRecord(LValue LV, bool MayBeUnaligned);
  ir::ExprPtr store(LValue LV, ir::ExprPtr Value);
  LValue stabilize(LValue LV, std::vector<ir::Stmt> &Pre);
  static LValue duplicate(const LValue &LV);
  ir::ExprPtr addressOf(const clang::Expr *E, clang::QualType PtrTy);
  ir::ExprPtr addressOfPlace(LValue LV, bool Mutable);
  ir::ExprPtr pointerTo(LValue LV, clang::QualType PtrTy,
                        const ir::TypeRef &Ty);
  // Per-CPU places (SegmentLowering.cpp).
  unsigned segmentAccessBytes(const LValue &LV);
  ir::ExprPtr segmentLoad(LValue LV);
  ir::ExprPtr segmentStore(LValue LV, ir::ExprPtr Value);
  // Conversions and operators (OperatorLowering.cpp).
  ir::ExprPtr lowerCast(const clang::CastExpr *E);
  ir::ExprPtr fileScopeConstant(const clang::Expr *E);
  ir::ExprPtr convert(ir::ExprPtr V, clang::QualType From, clang::QualType To,
                      const clang::Stmt *Where);
  ir::ExprPtr binary(const clang::BinaryOperator *E);
  ir::ExprPtr arith(clang::BinaryOperatorKind Op, ir::ExprPtr L,
                    ir::ExprPtr R, clang::QualType LTy, clang::QualType RTy,
                    clang::QualType ResTy, const clang::Stmt *Where);
  ir::ExprPtr assignment(const clang::BinaryOperator *E, bool WantValue);
  ir::ExprPtr unary(const clang::UnaryOperator *E);
  ir::ExprPtr increment(const clang::UnaryOperator *E, bool WantValue);
  ir::ExprPtr pointerOffset(ir::ExprPtr Ptr, ir::ExprPtr Index,
                            clang::QualType PtrTy, bool Negate);
  bool exactPointee(const ir::TypeRef &P) const;
  // Initialisers (InitLowering.cpp).
  ir::ExprPtr initializer(const clang::Expr *Init, clang::QualType Ty);
  void fieldInitByOffset(const ir::Expr &RecordPlace, const clang::FieldDecl *F,
                         const clang::Expr *Sub,
                         std::vector<ir::Stmt> &Out);
  void initializePlace(ir::ExprPtr Place, const clang::Expr *Init,
                       clang::QualType Ty, std::vector<ir::Stmt> &Out);
  // Atomics (AtomicLowering.cpp).
  ir::ExprPtr atomicExpr(const clang::AtomicExpr *E);
  ir::ExprPtr syncBuiltin(const clang::CallExpr *E, llvm::StringRef Name);
  ir::ExprPtr fenceBuiltin(const clang::CallExpr *E, bool SignalOnly);
  ir::ExprPtr atomicCell(const clang::Expr *Ptr, ir::TypeRef &ValTy);
  ir::ExprPtr atomicCellAt(ir::ExprPtr Ptr, const ir::TypeRef &ValTy);
  ir::ExprPtr ordering(const clang::Expr *E, int Kind);
  ir::ExprPtr atomicRmw(ir::ExprPtr Cell, const std::string &Op,
                        ir::ExprPtr Val, ir::ExprPtr Order, bool NewValue,
                        const ir::TypeRef &ValTy);
  static ir::ExprPtr seqCst();
  ir::ExprPtr compareExchangeValue(ir::ExprPtr Cell, ir::ExprPtr Expected,
                                   ir::ExprPtr Desired, ir::ExprPtr Success,
                                   ir::ExprPtr Failure,
                                   const ir::TypeRef &ValTy);
  ir::ExprPtr atomicCompareExchange(ir::ExprPtr Cell, ir::ExprPtr Expected,
                                    ir::ExprPtr Desired, ir::ExprPtr Success,
                                    ir::ExprPtr Failure,
                                    const ir::TypeRef &ValTy,
                                    const ir::TypeRef &ResultTy);
  // Builtins (BuiltinLowering.cpp).
  ir::ExprPtr builtinCall(const clang::CallExpr *E, unsigned BuiltinID);
  ir::ExprPtr sameTypeOverflow(ir::ExprPtr Lhs, ir::ExprPtr Rhs,
                               ir::ExprPtr ResPtr, const char *Op,
                               ir::TypeRef Ty);
  ir::ExprPtr libraryCall(const clang::CallExpr *E, unsigned ID);
  ir::ExprPtr overflowBuiltin(const clang::CallExpr *E, const char *Op);
  ir::ExprPtr memoryBuiltin(const clang::CallExpr *E, unsigned BuiltinID);
  ir::ExprPtr constantPBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr returnAddressBuiltin(const clang::CallExpr *E,
                                   const ir::TypeRef &Ty);
  ir::ExprPtr ffsBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr libraryFunctionCall(const clang::CallExpr *E,
                                  ir::ExternFn Standard, const ir::TypeRef &Ty);
  ir::ExprPtr memcmpBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  ir::ExprPtr memchrBuiltin(const clang::CallExpr *E, const ir::TypeRef &Ty);
  bool constantPAnswer(const clang::CallExpr *E);
  // Call-site specialisations (Specialisation.cpp).
  std::optional<ConstArg> constArg(const clang::Expr *E);
  std::optional<ConstArg> constArgOfBound(const clang::Expr *E);
  const ConstArg *boundArgument(const clang::Expr *E) const;
  ir::ExprPtr specialisedCall(const clang::CallExpr *E,
                              const clang::FunctionDecl *Callee);
  ir::ExprPtr boundValue(const ConstArg &A, clang::QualType T,
                         const clang::Expr *Where);
  ir::Symbol symbolOf(const clang::ValueDecl *D, const clang::Expr *Where);
  // Shims (ShimLowering.cpp).
  ir::ExprPtr shimCall(const clang::CallExpr *E,
                       const clang::FunctionDecl *Callee);
  ir::ExprPtr staticKeyTest(const clang::CallExpr *E);

  // Statements (StmtLowering.cpp).
  void stmt(const clang::Stmt *S, std::vector<ir::Stmt> &Out);
  void compound(const clang::CompoundStmt *CS, std::vector<ir::Stmt> &Out);
  void declaration(const clang::VarDecl *VD, std::vector<ir::Stmt> &Out,
                   bool Hoisted);
  void hoistDeclarations(const std::vector<const clang::Stmt *> &Stmts,
                         std::vector<ir::Stmt> &Out);
  void loop(const clang::Stmt *S, std::vector<ir::Stmt> &Out);
  ir::ExprPtr blockOf(const clang::Stmt *S);
  ir::ExprPtr zeroValue(const ir::TypeRef &T);
  void runCleanups(size_t Depth, std::vector<ir::Stmt> &Out);
  ir::Symbol functionSymbol(const clang::FunctionDecl *FD);
  // Labels, goto and switch as sections (SectionLowering.cpp).
  void gotoRegion(const clang::CompoundStmt *CS, std::vector<ir::Stmt> &Out);
  void switchStmt(const clang::SwitchStmt *S, std::vector<ir::Stmt> &Out);
  void gotoStmt(const clang::LabelDecl *Target, const clang::Stmt *S,
                std::vector<ir::Stmt> &Out);
  // Inline assembly, in named steps: operands, clobbers and options
  // (AsmLowering.cpp; the inputs in AsmInputs.cpp), then the template
  // (AsmTemplate.cpp); atomics asm spells (AsmAtomic.cpp).
  struct AsmState;
  void asmStmt(const clang::GCCAsmStmt *S, std::vector<ir::Stmt> &Out);
  AsmConstraint asmConstraint(const AsmState &A, unsigned G);
  bool asmAtomic(const clang::GCCAsmStmt *S, std::vector<ir::Stmt> &Out);
  void atomicCmpxchg(const clang::GCCAsmStmt *S, ir::ExprPtr Cell,
                     const ir::TypeRef &MemTy, unsigned Accumulator,
                     const std::pair<unsigned, std::string> &Flag,
                     std::vector<ir::Stmt> &Out);
  void asmCmpxchgFlag(AsmState &A, std::vector<ir::Stmt> &Out);
  void asmOutputs(AsmState &A, std::vector<ir::Stmt> &Out);
  ir::TypeRef tiedRegisterType(AsmState &A, unsigned G,
                               const ir::TypeRef &OutTy);
  void asmInputs(AsmState &A);
  bool asmImmediate(AsmState &A, unsigned G, const AsmConstraint &C);
  void asmLabels(AsmState &A);
  void asmRegister(AsmState &A, ir::AsmOperand Op, const AsmConstraint &C,
                   unsigned G);
  void asmMemory(AsmState &A, unsigned G, const clang::Expr *E, bool Written);
  void asmClobbers(AsmState &A);
  ir::AsmOptions asmOptions(const AsmState &A);
  void asmTemplate(AsmState &A);
  std::string asmTemplateOperand(AsmState &A, unsigned G, char Modifier,
                                 std::set<int> &Referenced);
  ir::ExprPtr asmValue(ir::ExprPtr V, const ir::TypeRef &AsmTy);
  std::optional<ir::Symbol> symbolAddress(const clang::Expr *E,
                                          int64_t &Offset);
  // Conditions C's optimiser decides (ConstantConditions.cpp).
  std::optional<llvm::APSInt> constantLocal(const clang::Expr *E);
  std::optional<llvm::APSInt> foldWithLocals(const clang::Expr *E);
  std::map<const clang::VarDecl *, std::optional<llvm::APSInt>> ConstantLocals;
  // Static locals (StaticLocalLowering.cpp).
  void staticLocal(const clang::VarDecl *VD);
  bool constantRecord(const clang::Expr *Init);
  static const clang::UnaryOperator *staticAddress(const clang::Expr *Init);
  ir::ExprPtr staticAddressValue(const clang::UnaryOperator *AddrOf,
                                 const ir::TypeRef &Ty);

  LoweringContext &LC;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  ir::Function Fn;
  llvm::DenseMap<const clang::VarDecl *, ir::LocalId> Locals;
  std::map<const clang::VarDecl *, std::string> Statics;
  std::vector<ir::Stmt> StaticItems;
  std::set<const clang::VarDecl *> HoistedVars;
  std::vector<JumpTarget> Jumps;
  std::vector<std::vector<Cleanup>> CleanupScopes;
  std::vector<GotoRegion> Regions;
  std::map<std::string, unsigned> LabelCounts;
  std::map<const clang::OpaqueValueExpr *, ir::LocalId> Opaque;
  std::set<const clang::FunctionDecl *> Reached;
  llvm::DenseMap<const clang::Expr *, bool> MayBeConstant;
  std::vector<LoweringFailure> Notes;
  std::vector<LoweringFailure> Shims;
  // Parameters this lowering is specialised for: constants, not parameters.
  ConstBindings Bound;
  std::set<std::string> SpecialisationsCalled;
  clang::SourceLocation ReturnAddressUse;
};

} // namespace h2r::frontend

#endif
