//===- ir/KernelCheck.cpp - Which helpers the in-kernel suite calls -------===//

#include "ir/KernelCheck.h"
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

// Why the suite cannot give a helper's allocator the values of the roles
// the plan found, or free what it returns; or empty.
std::string allocationProblem(const Function &F, const KernelCheck &Check,
                              AllocationFlow &Flow) {
  if (!F.Ret || F.Ret->kind() != Type::Kind::Pointer ||
      !Flow.returnsAllocation(F))
    return "allocates what it does not return";
  bool GivenOrder = false; // what frees pages needs their order
  for (const auto &[Param, Role] : Check.AllocatorArguments) {
    Type::Kind K = F.Locals[F.Params[Param]].Ty->kind();
    bool Pointer = Role == AllocatorArgument::Object;
    if (K != (Pointer ? Type::Kind::Pointer : Type::Kind::Int))
      return "passes its allocator an argument of another type";
    GivenOrder |= Role == AllocatorArgument::Order;
  }
  if (Check.Allocates == Allocation::Pages && !GivenOrder)
    return "allocates pages of an order it computes";
  return "";
}

// Why the suite cannot build this argument, or empty.
std::string argumentProblem(const std::string &Name, const ValueShape &S) {
  std::string Arg = "argument `" + Name + "` ";
  if (S.Kind == "int" || S.Kind == "bool")
    return "";
  if (S.Kind == "pointer") {
    // A `void *` or an incomplete type gets the smallest object; pointers
    // the object holds are checked by PointerOrigins.
    if (S.PointeeSize > KernelCheckMaxObject)
      return Arg + "points to " + std::to_string(S.PointeeSize) +
             " bytes, more than the suite builds";
    return "";
  }
  if (S.Kind == "fnptr")
    return ""; // null: the effects keep out a helper that calls it
  if (S.Kind == "record" && S.PointeePlain && S.Bits / 8 <= KernelCheckMaxObject)
    return ""; // read from a zone, as an object behind a pointer is built
  return Arg + "is a `" + S.CType + "` passed by value";
}

// Why the suite cannot compare this result, or empty.
std::string resultProblem(const ValueShape &S) {
  if (S.Kind == "float" ||
      (S.Kind == "record" && (!S.PointeePlain || S.Bits > 64)))
    return "returns a `" + S.CType + "` by value";
  return ""; // a record of plain data compares as its bytes
}

// Does the tree have the helper the suite initialises mutexes with, taking
// the lock, a name and a lock class key?
bool buildsMutexes(const std::map<std::string, const Function *> &Helpers) {
  auto It = Helpers.find(MutexInitialiser);
  return It != Helpers.end() && It->second->Params.size() == 3;
}

} // namespace

bool callsItself(const std::string &CName) {
  // Its own, and those compilers call for copies and fills (a zone's
  // fill is a memset()).
  static const std::set<std::string> Runner = {
      "kvfree", "__free_pages", "_printk", "memcpy",
      "memset", "memmove",      "memcmp",  "bcmp"};
  return Runner.count(CName) || CName.rfind("kunit_", 0) == 0 ||
         CName.rfind("__kunit_", 0) == 0;
}

// A helper that makes KASAN's checks gets a KASAN case where it calls no
// double and takes one pointer, to an object the bad address can stand for
// (at most KasanCaseMaxObject bytes), and scalars: the case passes that
// address and zeros.
bool hasKasanCase(const HelperRecord &H) {
  if (!H.Check.Doubles.empty())
    return false; // doubles answer only inside the grid's cases
  unsigned Pointers = 0;
  for (const auto &[Name, Shape] : H.Sig.Params) {
    if (Shape.Kind == "pointer")
      Pointers += Shape.PointeeSize <= KasanCaseMaxObject ? 1 : 2;
    else if (Shape.Kind != "int" && Shape.Kind != "bool")
      return false;
  }
  return Pointers == 1;
}

void planKernelChecks(const Module &M, std::vector<HelperRecord> &Helpers,
                      const KernelSuiteSupport &Support) {
  std::map<std::string, const Function *> HelperFns = helpersByCName(M);
  HelperEffects Effects(M, Support);
  AllocationFlow Allocations(M);
  PointerOrigins Origins(M);
  for (HelperRecord &H : Helpers) {
    H.Check = KernelCheck{}; // planned afresh
    H.Check.V = KernelCheck::Verdict::NotCheckable;
    auto It = HelperFns.find(H.Name);
    if (H.St == HelperRecord::Status::Fallback || It == HelperFns.end()) {
      H.Check.Reason = "left to C";
      continue;
    }
    const Function &F = *It->second;
    if (F.Ret && F.Ret->kind() == Type::Kind::Never) {
      H.Check.Reason = "does not return";
      continue;
    }
    H.Check.Reason = resultProblem(H.Sig.Ret);
    unsigned Zones = 0;
    for (const auto &[Name, Shape] : H.Sig.Params) {
      if (H.Check.Reason.empty())
        H.Check.Reason = argumentProblem(Name, Shape);
      Zones += Shape.Kind == "pointer" || Shape.Kind == "record";
    }
    if (H.Check.Reason.empty() && Zones > KernelCheckMaxPointers)
      H.Check.Reason = "takes " + std::to_string(Zones) +
                       " pointers or records, more than the suite builds";
    if (H.Check.Reason.empty())
      H.Check.Reason = Effects.of(F, H.Check);
    if (H.Check.Reason.empty() && H.Check.Allocates != Allocation::None)
      H.Check.Reason = allocationProblem(F, H.Check, Allocations);
    if (H.Check.Reason.empty() && !H.Check.InitialisedMutexes.empty() &&
        !buildsMutexes(HelperFns))
      H.Check.Reason = "locks a mutex, and the tree has no translated "
                       "`__mutex_init(lock, name, key)` helper to build one";
    if (H.Check.Reason.empty())
      H.Check.Reason = Origins.strayDereference(F);
    if (!H.Check.Reason.empty()) {
      H.Check.CountsWarnings = false;
      H.Check.PreemptCount.clear();
      H.Check.InitialisedMutexes.clear();
      H.Check.Allocates = Allocation::None;
      H.Check.AllocatorArguments.clear();
      H.Check.Doubles.clear();
      H.Check.CodeAddressArguments.clear();
      H.Check.IndexBounds.clear();
      H.Check.StaticCalls.clear();
      H.Check.ChecksAddresses = false;
      continue;
    }
    H.Check.V = KernelCheck::Verdict::InSuite;
    H.Check.HiddenByBindings = Support.HelpersNamedInBindings.count(H.RustName);
    H.Check.ChecksAddresses &= hasKasanCase(H);
  }
}

} // namespace h2r::ir
