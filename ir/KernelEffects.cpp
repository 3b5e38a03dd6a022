//===- ir/KernelEffects.cpp - What calling a helper twice does -----------===//
//
// The in-kernel suite calls a helper and its C original one after the
// other: the walk over everything the translation reaches (C calls, stores
// to globals, inline asm, allocations, locks) says why that may not leave
// the kernel as it was, and what the suite measures, builds and undoes
// around each side where it can.
//
//===----------------------------------------------------------------------===//

#include "ir/KernelEffects.h"

#include "ir/AllocationFlow.h"
#include "ir/AsmInstructions.h"
#include "ir/KernelCalls.h"
#include "ir/PointerOrigins.h"
#include "ir/Walk.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace h2r::ir {

namespace {

// A place in a C global: the global, then the fields to the place
// (through `(*addr_of!(global)).field` as well as `global.field`); empty if
// its root is not a global. Sets Root to the global, if given.
std::vector<std::string> globalPlace(const Expr &Place,
                                     const Symbol **Root = nullptr) {
  std::vector<std::string> Fields;
  const Expr *P = &Place;
  for (;;) {
    if ((P->Kind == ExprKind::Field || P->Kind == ExprKind::BitfieldGet) &&
        !P->Ops.empty()) {
      if (P->Kind == ExprKind::Field)
        Fields.push_back(P->Name);
      P = P->Ops[0].get();
    } else if (P->Kind == ExprKind::Deref &&
               P->Ops[0]->Kind == ExprKind::AddrOf) {
      P = P->Ops[0]->Ops[0].get();
    } else {
      break;
    }
  }
  if (P->Kind != ExprKind::Path || !isStatic(P->Sym.Kind))
    return {};
  if (Root)
    *Root = &P->Sym;
  Fields.push_back(P->Sym.Name);
  return {Fields.rbegin(), Fields.rend()};
}

// What Value is, if it is an address C and Rust each have their own of (a
// double, given one, would tell the two sides apart): a string literal, a
// function's own static (a lock class key) or a translated function.
std::string addressOfItsOwn(const Expr &Value) {
  if (Value.Kind == ExprKind::ByteStr)
    return "a string literal";
  const Symbol *Root = nullptr;
  if (Value.Kind == ExprKind::AddrOf &&
      !globalPlace(*Value.Ops[0], &Root).empty() &&
      Root->Kind == SymbolKind::LocalStatic)
    return "the address of its static `" + Root->Name + "`";
  if (Value.Kind == ExprKind::Path && Value.Ty &&
      Value.Ty->kind() == Type::Kind::FnPtr &&
      (Value.Sym.Kind == SymbolKind::InlineFn ||
       Value.Sym.Kind == SymbolKind::HelperFn ||
       Value.Sym.Kind == SymbolKind::ShimFn))
    return "the translated function `" + Value.Sym.Name + "`";
  return "";
}

// Is T a static key? Inline code only reads one (static_key_count(), the
// jump label's asm); static_key_enable() and kin, which change it, are C
// functions.
bool isStaticKey(const Type &T) {
  return T.kind() == Type::Kind::Record &&
         T.name().rfind("static_key", 0) == 0;
}

// Is the place the preempt count: x86's global `__preempt_count`, or the
// `preempt_count` field of `pcpu_hot`, where x86 kept it before Linux 6.15.
bool isPreemptCount(const std::vector<std::string> &Place) {
  return Place == std::vector<std::string>{"__preempt_count"} ||
         (Place.size() > 1 && Place.front() == "pcpu_hot" &&
          Place.back() == "preempt_count");
}

// Why a double cannot stand in for a C function of this signature, or
// empty: it records scalars and addresses and answers with a scalar or an
// address.
std::string whyNotReplaceable(const ExternFn &F) {
  if (F.Variadic)
    return "is variadic";
  if (F.Ret && F.Ret->kind() == Type::Kind::Never)
    return "does not return";
  if (F.Params.size() > KernelCheckMaxDoubleArgs)
    return "takes more than " + std::to_string(KernelCheckMaxDoubleArgs) +
           " arguments";
  auto Recordable = [](const Type &T, bool Result) {
    switch (T.kind()) {
    case Type::Kind::Bool:
    case Type::Kind::Int:
    case Type::Kind::Newtype:
    case Type::Kind::Pointer:
      return true;
    case Type::Kind::FnPtr:
      return !Result;
    case Type::Kind::Unit:
      return Result;
    case Type::Kind::Never:
    case Type::Kind::Float:
    case Type::Kind::CVoid:
    case Type::Kind::Record:
    case Type::Kind::Array:
    case Type::Kind::Tuple:
      return false;
    }
    return false;
  };
  for (const TypeRef &P : F.Params)
    if (!Recordable(*P, false))
      return "takes a float or a record by value";
  if (F.Ret && !Recordable(*F.Ret, true))
    return "returns a float, a record or a function pointer";
  return "";
}

} // namespace

class EffectFinder {
public:
  EffectFinder(const Module &M, const KernelSuiteSupport &Support)
      : Functions(M), Support(Support), TargetArch(M.TargetArch),
        Signatures(cFunctionsByName(M)) {}

  // Why calling helper F twice may not leave the kernel as it was, or
  // empty; sets what the suite measures, builds and undoes around each side.
  std::string helperEffect(const Function &F, KernelCheck &Check) {
    Seen.clear();
    Current = &Check;
    Helper = &F;
    MayReschedule = false;
    Origins All;
    for (size_t I = 0; I != F.Params.size(); ++I)
      All.push_back(I);
    std::string Why = effectOf(F, All);
    if (Why.empty() && !Check.PreemptCount.empty() && MayReschedule)
      // The suite turns interrupts off around it.
      return "changes the preempt count and may reschedule";
    return Why;
  }

private:
  // Which of the helper's parameters each parameter of a function holds,
  // unchanged, in the call being walked.
  using Origins = std::vector<std::optional<size_t>>;

  static bool isMutexPointer(const Type &T) {
    return T.kind() == Type::Kind::Pointer &&
           T.pointee()->kind() == Type::Kind::Record &&
           T.pointee()->name() == "mutex";
  }

  std::string effectOf(const Function &F, Origins Params) {
    Params.resize(F.Params.size());
    // A parameter F overwrites no longer holds what it was given.
    if (F.Body)
      forEachLocalStore(*F.Body, [&](LocalId L, const Expr *) {
        auto P = std::find(F.Params.begin(), F.Params.end(), L);
        if (P != F.Params.end())
          Params[P - F.Params.begin()] = std::nullopt;
      });
    if (!Seen.insert({&F, Params}).second)
      return ""; // reported where it was first reached
    const Function *Caller = In;
    Origins CallerParams = std::move(InParams);
    In = &F;
    InParams = std::move(Params);
    std::string Why = F.Body ? effectIn(*F.Body) : "";
    In = Caller;
    InParams = std::move(CallerParams);
    return Why;
  }

  // The helper's parameter that E (through casts) is, unchanged, if any.
  std::optional<size_t> helperParameter(const Expr &E) const {
    const Expr &A = withoutCasts(E);
    if (A.Kind != ExprKind::Local)
      return std::nullopt;
    auto P = std::find(In->Params.begin(), In->Params.end(), A.Local);
    if (P == In->Params.end())
      return std::nullopt;
    return InParams[P - In->Params.begin()];
  }

  // A call to mutex_lock() and kin: the mutex must be the helper's own
  // argument, which the suite builds.
  std::string mutexLocked(const Expr &Call) {
    std::optional<size_t> P =
        Call.Ops.empty() ? std::nullopt : helperParameter(*Call.Ops[0]);
    if (!P || !isMutexPointer(*Helper->Locals[Helper->Params[*P]].Ty))
      return "locks a mutex it is not given as an argument";
    std::vector<size_t> &Mutexes = Current->InitialisedMutexes;
    if (std::find(Mutexes.begin(), Mutexes.end(), *P) == Mutexes.end())
      Mutexes.push_back(*P);
    return "";
  }

  // A call to a C function that touches `n` bytes of what its pointers
  // point to: those and n must be the helper's own arguments.
  std::string bounded(const Expr &Call, size_t Length) {
    for (size_t I = 0; I != Call.Ops.size(); ++I) {
      const Expr &Arg = *Call.Ops[I];
      bool Pointer = Arg.Ty && Arg.Ty->kind() == Type::Kind::Pointer;
      if ((Pointer || I == Length) && !helperParameter(Arg))
        return "calls the C function `" + Call.Sym.Name +
               "` on a pointer or length other than its own arguments";
    }
    return "";
  }

  // A call to a C allocator: the helper's arguments it is given take the
  // values the suite gives that role.
  std::string allocation(const Expr &Call, const Allocator &A) {
    if (Current->Allocates != Allocation::None &&
        Current->Allocates != A.Returns)
      return "calls allocators of memory and of pages";
    Current->Allocates = A.Returns;
    for (size_t I = 0; I != A.Args.size() && I != Call.Ops.size(); ++I) {
      std::optional<size_t> P = helperParameter(*Call.Ops[I]);
      if (!P || !A.Args[I])
        continue; // computed by the helper
      auto [It, New] = Current->AllocatorArguments.insert({*P, *A.Args[I]});
      if (!New && It->second != *A.Args[I])
        return "passes one argument to its allocator in two roles";
    }
    return "";
  }

  // A write to a place in a C global, or its mutable address: why, unless
  // the suite restores it.
  std::string globalChange(const std::vector<std::string> &Place,
                           const std::string &Doing) {
    if (!isPreemptCount(Place))
      return Doing + " the C global `" + Place.front() + "`";
    Current->PreemptCount = Place;
    return "";
  }

  // A call to a C function the suite knows nothing of: replaced by a
  // double where the build renames calls, else why not.
  std::string replaced(const Symbol &S) {
    std::string Calls = "calls the C function `" + S.Name + "`";
    if (!Support.ReplacesCalls || callsItself(S.Name) ||
        Helper->CName == MutexInitialiser)
      return Calls;
    auto It = Signatures.find(S.Name);
    if (It == Signatures.end())
      return Calls;
    if (std::string Why = whyNotReplaceable(*It->second); !Why.empty())
      return Calls + ", which " + Why;
    std::vector<std::string> &Doubles = Current->Doubles;
    auto At = std::lower_bound(Doubles.begin(), Doubles.end(), S.Name);
    if (At == Doubles.end() || *At != S.Name)
      Doubles.insert(At, S.Name);
    return "";
  }

  // A warning: counted where the tree's KUnit can, else why not.
  std::string warning(const std::string &Why) {
    if (!Support.CountsWarnings)
      return Why + ", and this tree's KUnit cannot count warnings";
    Current->CountsWarnings = true;
    return "";
  }

  std::string asmEffectIn(const Expr &E) {
    if (E.AsmOpts.NoReturn)
      return "does not return (asm)";
    AsmEffect A = asmEffect(TargetArch, E);
    if (!A.Blocking.empty())
      return "asm " + A.Blocking;
    if (!A.Warns.empty())
      if (std::string Why =
              warning("asm raises a kernel warning (`" + A.Warns + "`)");
          !Why.empty())
        return Why;
    MayReschedule |= E.Text.find("__SCT__might_resched") != std::string::npos;
    for (const auto &[Global, Mnemonic] : A.GlobalsWritten)
      if (std::string Why = globalChange({Global}, "asm writes");
          !Why.empty())
        return Why + " (`" + Mnemonic + "`)";
    for (const AsmOperand &Op : E.AsmOps)
      if (isOutput(Op.Dir) && Op.Out >= 0)
        if (std::vector<std::string> Place = globalPlace(*E.Ops[Op.Out]);
            !Place.empty())
          if (std::string Why = globalChange(Place, "writes"); !Why.empty())
            return Why;
    return "";
  }

  std::string effectIn(const Expr &E) {
    switch (E.Kind) {
    case ExprKind::Call:
      if (std::string Why = callEffect(E); !Why.empty())
        return Why;
      if (std::binary_search(Current->Doubles.begin(), Current->Doubles.end(),
                             E.Sym.Name))
        return argumentsOfDouble(E);
      break;
    case ExprKind::CallPtr:
      return "calls through a function pointer";
    case ExprKind::Asm:
      if (std::string Why = asmEffectIn(E); !Why.empty())
        return Why;
      break;
    case ExprKind::Assign:
    case ExprKind::VolatileWrite:
    case ExprKind::BitfieldSet:
      if (std::vector<std::string> Place = globalPlace(*E.Ops[0]);
          !Place.empty())
        if (std::string Why = globalChange(Place, "writes"); !Why.empty())
          return Why;
      break;
    case ExprKind::AddrOf:
      if (std::vector<std::string> Place = globalPlace(*E.Ops[0]);
          !Place.empty() && E.Mutable)
        // The place's own mutable address of the global is this one.
        return isStaticKey(*E.Ty->pointee())
                   ? ""
                   : globalChange(Place, "takes the mutable address of");
      break;
    case ExprKind::Method:
      if (E.Name == "wrapping_offset")
        noteIndexBound(E);
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
    case ExprKind::Binary:
    case ExprKind::Cast:
    case ExprKind::NewtypeWrap:
    case ExprKind::NewtypeValue:
    case ExprKind::Transmute:
    case ExprKind::Deref:
    case ExprKind::Field:
    case ExprKind::BitfieldGet:
    case ExprKind::Block:
    case ExprKind::If:
    case ExprKind::Loop:
    case ExprKind::While:
    case ExprKind::Match:
    case ExprKind::Break:
    case ExprKind::Continue:
    case ExprKind::Return:
    case ExprKind::VolatileRead:
      break;
    }
    std::string Why;
    forEachRunningChild(E, [&](const Expr &C) {
      if (Why.empty())
        Why = effectIn(C);
    });
    return Why;
  }

  // `addr_of!(array).wrapping_offset(p)`, C's `array[p]`, with p a
  // parameter of the helper: the suite keeps p inside the array.
  void noteIndexBound(const Expr &Offset) {
    const Expr &Base = withoutCasts(*Offset.Ops[0]);
    if (Base.Kind != ExprKind::AddrOf)
      return;
    const Type &Array = *Base.Ops[0]->Ty;
    std::optional<size_t> P = helperParameter(*Offset.Ops[1]);
    // A flexible array member (`[T; 0]`) has no bound to keep to.
    if (Array.kind() != Type::Kind::Array || Array.count() == 0 || !P)
      return;
    auto [It, New] = Current->IndexBounds.insert({*P, Array.count()});
    if (!New)
      It->second = std::min(It->second, Array.count());
  }

  // The arguments of a call a double takes: it writes nothing, so the
  // mutable address of a C global (`&iomem_resource`) is only recorded.
  std::string argumentsOfDouble(const Expr &Call) {
    for (size_t I = 0; I != Call.Ops.size(); ++I) {
      const ExprPtr &A = Call.Ops[I];
      if (isOwnCodeAddress(*A)) {
        Current->CodeAddressArguments[Call.Sym.Name].insert(I);
        continue;
      }
      const Expr &Value = withoutCasts(*A);
      if (std::string What = addressOfItsOwn(Value); !What.empty())
        return "passes `" + Call.Sym.Name + "` " + What +
               ", which C and Rust each have at an address of their own";
      if (Value.Kind == ExprKind::AddrOf && !globalPlace(*Value.Ops[0]).empty())
        continue;
      if (std::string Why = effectIn(*A); !Why.empty())
        return Why;
    }
    return "";
  }

  // Does E compute the address of its own code?
  bool isOwnCodeAddress(const Expr &E) {
    if (E.Kind == ExprKind::Asm && asmEffect(TargetArch, E).OwnAddress)
      return true;
    bool Found = false;
    forEachChild(E, [&](const Expr &C) { Found = Found || isOwnCodeAddress(C); });
    return Found;
  }

  std::string callEffect(const Expr &Call) {
    const Symbol &S = Call.Sym;
    std::string Calls = "calls the C function `" + S.Name + "`";
    switch (S.Kind) {
    case SymbolKind::InlineFn:
    case SymbolKind::HelperFn:
      if (const Function *F = Functions.callee(S)) {
        Origins Args;
        for (const ExprPtr &A : Call.Ops)
          Args.push_back(helperParameter(*A));
        return effectOf(*F, Args);
      }
      return Calls;
    case SymbolKind::BindingsFn:
    case SymbolKind::ExternFn:
      MayReschedule |= S.Name == "__SCT__might_resched";
      if (S.Name.rfind(StaticCallTrampoline, 0) == 0)
        Current->StaticCalls.insert(
            S.Name.substr(std::string(StaticCallTrampoline).size()));
      switch (kernelCall(S.Name)) {
      case KernelCall::Unknown:
        return replaced(S);
      case KernelCall::Inert:
        return "";
      case KernelCall::ChecksAddress:
        // Made for real where the suite counts KASAN's reports, which a
        // bad address makes; else a double, like any C function.
        if (!Support.CountsKasanReports)
          return replaced(S);
        Current->ChecksAddresses = true;
        return "";
      case KernelCall::Warns:
        // A double, where it can be one: a WARN_ONCE() in the C function
        // would warn for the first side alone where the architecture keeps
        // "once" in a static (arm64), not in the bug table (x86).
        if (replaced(S).empty())
          return "";
        return warning(Calls);
      case KernelCall::InitialisesMutex:
        return Support.TracksLocks
                   ? Calls + ", and lockdep tracks this kernel's locks"
                   : "";
      case KernelCall::LocksMutex:
        return Support.TracksLocks
                   ? Calls + ", and lockdep tracks this kernel's locks"
                   : mutexLocked(Call);
      case KernelCall::Allocates:
        return allocation(Call, *allocatorOf(S.Name));
      case KernelCall::Bounded:
        return bounded(Call, *lengthArgument(S.Name));
      }
      return Calls;
    case SymbolKind::ShimFn:
    case SymbolKind::Core:
      return "";
    case SymbolKind::BindingsStatic:
    case SymbolKind::ExternStatic:
    case SymbolKind::LocalStatic:
      return "calls through the C global `" + S.Name + "`";
    }
    return "";
  }

  FunctionIndex Functions;
  const KernelSuiteSupport &Support;
  Arch TargetArch; // whose asm the helpers hold
  std::map<std::string, const ExternFn *> Signatures; // C functions called
  std::set<std::pair<const Function *, Origins>> Seen;
  KernelCheck *Current = nullptr;
  const Function *Helper = nullptr;
  const Function *In = nullptr; // the function effectIn walks
  Origins InParams;             // and what its parameters hold
  bool MayReschedule = false;
};

HelperEffects::HelperEffects(const Module &M, const KernelSuiteSupport &Support)
    : Finder(std::make_unique<EffectFinder>(M, Support)) {}

HelperEffects::~HelperEffects() = default;

std::string HelperEffects::of(const Function &F, KernelCheck &Check) {
  return Finder->helperEffect(F, Check);
}

} // namespace h2r::ir
