//===- ir/PointerOrigins.cpp - Which pointers a helper follows ------------===//

#include "ir/PointerOrigins.h"

#include "ir/KernelCalls.h"
#include "ir/Walk.h"

#include <regex>
#include <set>

namespace h2r::ir {

namespace {

bool isPointer(const Expr &E) {
  return E.Ty && E.Ty->kind() == Type::Kind::Pointer;
}

// Methods of a raw pointer that compute another pointer or a value from its
// address alone, without reading or writing what it points to.
bool isAddressMethod(const std::string &Name) {
  static const std::set<std::string> Names = {
      "cast",          "cast_mut",          "cast_const",
      "add",           "sub",               "offset",
      "byte_add",      "byte_sub",          "byte_offset",
      "wrapping_add",  "wrapping_sub",      "wrapping_offset",
      "wrapping_byte_add", "wrapping_byte_sub", "wrapping_byte_offset",
      "is_null",       "addr",              "offset_from",
      "byte_offset_from"};
  return Names.count(Name) != 0;
}

// Does the asm template use operand I as an address, inside parentheses
// (`({1})`, `8({1})`, `(%rax,{1},8)`)? Otherwise it is a value (`xchg`'s
// new pointer).
bool addressesMemory(const std::string &Template, size_t I) {
  std::regex InParens("\\([^()]*\\{" + std::to_string(I) +
                      "(:[a-z]+)?\\}[^()]*\\)");
  return std::regex_search(Template, InParens);
}

} // namespace

// One function's analysis: which of its pointer locals hold derived
// pointers, then every dereference checked against that.
class FunctionOrigins {
public:
  FunctionOrigins(PointerOrigins &Origins, const Function &F,
                  const std::vector<bool> &DerivedParams)
      : Origins(Origins), F(F), Derived(F.Locals.size(), false) {
    for (size_t I = 0; I != F.Locals.size(); ++I)
      Derived[I] = F.Locals[I].Ty &&
                   F.Locals[I].Ty->kind() == Type::Kind::Pointer;
    for (size_t I = 0; I != F.Params.size(); ++I)
      Derived[F.Params[I]] = Derived[F.Params[I]] && DerivedParams[I];
  }

  PointerOrigins::Outcome run() {
    PointerOrigins::Outcome O;
    if (!F.Body)
      return O;
    // A local is derived if everything ever stored in it is: drop those
    // with a store that is not until nothing changes.
    for (bool Changed = true; Changed;) {
      Changed = false;
      forEachLocalStore(*F.Body, [&](LocalId L, const Expr *Value) {
        if (Derived[L] && (!Value || !derived(*Value))) {
          Derived[L] = false;
          Changed = true;
        }
      });
    }
    O.Stray = strayIn(*F.Body);
    O.ReturnsDerived = F.Ret && F.Ret->kind() == Type::Kind::Pointer &&
                       derived(*F.Body) && returnsDerived(*F.Body);
    return O;
  }

private:
  // Is the pointer value E derived from the arguments (or a local's or a
  // global's address, or null)?
  bool derived(const Expr &E) {
    switch (E.Kind) {
    case ExprKind::Local:
      return Derived[E.Local];
    case ExprKind::NullPtr:
    case ExprKind::ByteStr:
      return true;
    case ExprKind::AddrOf:
      return derivedPlace(*E.Ops[0]);
    case ExprKind::Cast:
    case ExprKind::Transmute:
      return derivedAddress(*E.Ops[0]);
    case ExprKind::Method:
      return isPointer(*E.Ops[0]) && isAddressMethod(E.Name) &&
             derived(*E.Ops[0]);
    case ExprKind::Block:
      // Without a value, a block where a pointer is expected diverges.
      return E.Label.empty() && (E.Ops.empty() || derived(*E.Ops[0]));
    case ExprKind::If:
      return E.Ops.size() == 3 && derived(*E.Ops[1]) && derived(*E.Ops[2]);
    case ExprKind::Match:
      for (const MatchArm &A : E.Arms)
        if (!derived(*A.Body))
          return false;
      return !E.Arms.empty();
    case ExprKind::Call:
      if (const Function *C = Origins.Functions.callee(E.Sym))
        return Origins.analyse(*C, derivedArguments(E)).ReturnsDerived;
      return false;
    case ExprKind::Return:
    case ExprKind::Break:
    case ExprKind::Continue:
      return true; // no value here; returnsDerived checks what it returns
    case ExprKind::IntLit:
    case ExprKind::BoolLit:
    case ExprKind::FloatLit:
    case ExprKind::Zeroed:
    case ExprKind::Unit:
    case ExprKind::Path:
    case ExprKind::Unary:
    case ExprKind::Binary:
    case ExprKind::NewtypeWrap:
    case ExprKind::NewtypeValue:
    case ExprKind::Deref:
    case ExprKind::Field:
    case ExprKind::BitfieldGet:
    case ExprKind::BitfieldSet:
    case ExprKind::CallPtr:
    case ExprKind::Assign:
    case ExprKind::Loop:
    case ExprKind::While:
    case ExprKind::VolatileRead:
    case ExprKind::VolatileWrite:
    case ExprKind::Asm:
      return false;
    }
    return false;
  }

  // Is E a derived pointer, or its address as an integer (`p as usize`,
  // whose cast back `this_cpu_read_stable()` leaves)?
  bool derivedAddress(const Expr &E) {
    if (isPointer(E))
      return derived(E);
    return E.Kind == ExprKind::Cast && isPointer(*E.Ops[0]) &&
           derived(*E.Ops[0]);
  }

  // Is the place's address derived: a field of what a derived pointer
  // points to, a local, or a global?
  bool derivedPlace(const Expr &P) {
    if (P.Kind == ExprKind::Field)
      return derivedPlace(*P.Ops[0]);
    if (P.Kind == ExprKind::Deref)
      return derived(*P.Ops[0]);
    return P.Kind == ExprKind::Local ||
           (P.Kind == ExprKind::Path && isStatic(P.Sym.Kind));
  }

  // Does every `return` in E return a derived pointer?
  bool returnsDerived(const Expr &E) {
    if (E.Kind == ExprKind::Return && (E.Ops.empty() || !derived(*E.Ops[0])))
      return false;
    bool All = true;
    forEachChild(E, [&](const Expr &C) { All = All && returnsDerived(C); });
    return All;
  }

  std::vector<bool> derivedArguments(const Expr &Call) {
    std::vector<bool> Args;
    for (const ExprPtr &A : Call.Ops)
      Args.push_back(isPointer(*A) && derived(*A));
    return Args;
  }

  // Is the pointer E the running task's (get_current())? The suite's
  // task is real: a helper may read it, not write it.
  bool isCurrent(const Expr &E) {
    const Expr &P = withoutCasts(E);
    return P.Kind == ExprKind::Call && P.Sym.Kind == SymbolKind::InlineFn &&
           P.Sym.Name == "get_current";
  }

  // The first dereference in E of a pointer that is not derived (or, where
  // E is read, not the running task's). Writes: E is a place written.
  // A pointer dereferenced must be derived; only a read may go through the
  // running task's pointer.
  std::string needsDerived(const Expr &Ptr, bool Reads = false) {
    return derived(Ptr) || (Reads && isCurrent(Ptr))
               ? std::string()
               : "dereferences a pointer not derived from its arguments "
                 "(in `" + F.CName + "`)";
  }

  std::string strayInCall(const Expr &E) {
    if (const Function *C = Origins.Functions.callee(E.Sym))
      return Origins.analyse(*C, derivedArguments(E)).Stray;
    if (reportsWarning(E.Sym.Name))
      return ""; // the kernel's bug_entry and format
    for (const ExprPtr &A : E.Ops)
      if (isPointer(*A))
        if (std::string Why = needsDerived(*A); !Why.empty())
          return Why;
    return "";
  }

  std::string strayInAsm(const Expr &E) {
    for (size_t I = 0; I != E.AsmOps.size(); ++I) {
      const AsmOperand &Op = E.AsmOps[I];
      if (Op.In >= 0 && Op.Dir != AsmDir::Label && isPointer(*E.Ops[Op.In]) &&
          addressesMemory(E.Text, I))
        if (std::string Why = needsDerived(*E.Ops[Op.In]); !Why.empty())
          return Why;
    }
    return "";
  }

  // What E itself does with a pointer not derived from the arguments, its
  // operands aside.
  std::string strayHere(const Expr &E, bool Writes) {
    std::string Why;
  switch (E.Kind) {
  case ExprKind::Deref:
    Why = needsDerived(*E.Ops[0], !Writes);
    break;
  case ExprKind::VolatileRead:
    Why = needsDerived(*E.Ops[0], true);
    break;
  case ExprKind::VolatileWrite:
    Why = needsDerived(*E.Ops[0]);
    break;
  case ExprKind::Method:
    if (isPointer(*E.Ops[0]) && !isAddressMethod(E.Name))
      for (const ExprPtr &A : E.Ops)
        if (Why.empty() && isPointer(*A))
          Why = needsDerived(*A);
    break;
  case ExprKind::Call:
    return strayInCall(E);
  case ExprKind::Asm:
    return strayInAsm(E);
  case ExprKind::CallPtr:
    Why = "calls through a function pointer (in `" + F.CName + "`)";
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
  case ExprKind::AddrOf:
  case ExprKind::Field:
  case ExprKind::BitfieldGet:
  case ExprKind::BitfieldSet:
  case ExprKind::Assign:
  case ExprKind::Block:
  case ExprKind::If:
  case ExprKind::Loop:
  case ExprKind::While:
  case ExprKind::Match:
  case ExprKind::Break:
  case ExprKind::Continue:
  case ExprKind::Return:
    break;
  }
    return Why;
  }

  std::string strayIn(const Expr &E, bool Writes = false) {
    std::string Why = strayHere(E, Writes);
    // A place written is written through its fields, not through the
    // pointers it reads (the Deref's operand).
    bool PlaceWritten = E.Kind == ExprKind::Assign ||
                        E.Kind == ExprKind::BitfieldSet ||
                        (E.Kind == ExprKind::AddrOf && E.Mutable);
    bool Place = E.Kind == ExprKind::Field || E.Kind == ExprKind::BitfieldGet;
    bool WritesFirst = PlaceWritten || (Place && Writes);
    forEachRunningChild(E, [&](const Expr &C) {
      if (Why.empty())
        Why = strayIn(C, WritesFirst && &C == E.Ops[0].get());
    });
    return Why;
  }

  PointerOrigins &Origins;
  const Function &F;
  std::vector<bool> Derived; // per local
};

PointerOrigins::PointerOrigins(const Module &M) : Functions(M) {}

const PointerOrigins::Outcome &
PointerOrigins::analyse(const Function &F, std::vector<bool> DerivedParams) {
  DerivedParams.resize(F.Params.size(), false);
  Key K{&F, DerivedParams};
  if (auto It = Done.find(K); It != Done.end())
    return It->second; // done, or in progress (recursion): nothing more
  Done[K] = Outcome{};
  Outcome O = FunctionOrigins(*this, F, DerivedParams).run();
  return Done[K] = std::move(O);
}

std::string PointerOrigins::strayDereference(const Function &Helper) {
  return analyse(Helper, std::vector<bool>(Helper.Params.size(), true)).Stray;
}

} // namespace h2r::ir
