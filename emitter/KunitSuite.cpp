//===- emitter/KunitSuite.cpp - The in-kernel differential suite ----------===//

#include "emitter/KunitSuite.h"

#include "emitter/KunitDoubles.h"
#include "emitter/KunitKasanCases.h"
#include "emitter/KunitStaticCallKeys.h"
#include "emitter/SuiteSources.h"
#include "ir/KernelCheck.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace h2r::emit {

using namespace ir;

namespace {

const char *Purpose =
    R"(//! Calls each translated helper and its C original on the same inputs in
//! the running kernel, and compares what they return and every byte of the
//! memory their pointer arguments point into.
)";

// The crate's head where `#[kunit_tests]` makes the suite: its own crate.
const char *AttributeHead = R"(
#![no_std]
#![feature(used_with_arg)]
// Test cases are named as the helpers are (`ERR_PTR`).
#![allow(non_snake_case)]

#[macros::kunit_tests(helpers2rs_differential)]
mod tests {)";

// The object's head where C registers the suite: kbuild's rule for a Rust
// object gives it `no_std` and the kernel crate.
const char *CTableHead = R"(
// Test cases are named as the helpers are (`ERR_PTR`).
#![allow(non_snake_case)]

use kernel::bindings;
)";

// A piece of runtime-shims/kunit-suite/ as the suite holds it: after a
// blank line, indented into the test module (the C-registered form
// outdents the module's text again).
std::string piece(std::string_view Text) {
  std::string Out = "\n";
  while (!Text.empty()) {
    size_t End = std::min(Text.find('\n'), Text.size());
    std::string_view Line = Text.substr(0, End);
    Out += (Line.empty() ? "" : "    ") + std::string(Line) + "\n";
    Text.remove_prefix(std::min(End + 1, Text.size()));
  }
  return Out;
}

// A test case's `preempt_count`, the address of the preempt count the
// plan found (ir/Report.h): taking it through a (union) field of a global
// needs `unsafe`.
std::string preemptCountLet(const std::vector<std::string> &Place) {
  std::string Path = "bindings::" + Place.front();
  for (size_t I = 1; I != Place.size(); ++I)
    Path += "." + Place[I];
  std::string Address = "core::ptr::addr_of_mut!(" + Path + ")";
  if (Place.size() == 1)
    return "            let preempt_count = " + Address + ";\n";
  return "            // SAFETY: the address of a field of a kernel global, "
         "not read here.\n            let preempt_count = unsafe { " +
         Address + " };\n";
}

class SuitePrinter {
public:
  SuitePrinter(KunitSuiteForm Form, const Function *MutexInit)
      : Form(Form), MutexInit(MutexInit) {
    Opts.Types = TypeMode::Bindgen;
    Opts.BindingsPath = "bindings";
  }

  void helper(const Function &F, const HelperRecord &H) {
    bool Doubled = !H.Check.Doubles.empty();
    // With doubles, the copy of the C original whose calls go to them.
    std::string CName =
        declareCOriginal(F, Doubled ? copiedOriginal(F.CName) : F.CName);
    CaseArguments A = caseArguments(F, H);
    std::string FirstAnswer;
    if (Doubled)
      FirstAnswer = gridDigit("ANSWERS.len()", A.Dims);
    bool UsesDigits = !A.Dims.empty();
    if (A.HasPointer)
      A.Dims.push_back("PATTERNS.len()");
    std::string DimList;
    for (const std::string &D : A.Dims)
      DimList += (DimList.empty() ? "" : ", ") + D;
    std::string Translation =
        std::string("bindings::") +
        (H.Check.HiddenByBindings ? HiddenHelpersModule + std::string("::")
                                  : "") +
        F.RustName;
    std::string Args = A.Args.str();
    std::string Call = "if c {\n    " + CName + "(" + Args +
                       ")\n} else {\n    " + Translation + "(" + Args +
                       ")\n}";
    std::string Body = caseBody(F, H, Call, FirstAnswer, A.Setup);
    std::ostringstream Same;
    Same << "same(\"" << F.RustName << "\", &[" << DimList << "], "
         << (A.HasPointer ? "true" : "false") << ", " << zoneBytes(H) << ", |"
         << (UsesDigits ? "d" : "_") << ", " << (A.Pointers ? "z" : "_")
         << ", c| {\n"
         << A.Setup.str() << indented(Body, 12) << "\n        })";
    testCase(F.RustName, Same.str());
    if (H.Check.ChecksAddresses) {
      testCase(F.RustName + "_kasan",
               kasanCase(F, CName, Translation, Opts));
      UsesKasan = true;
    }
  }

  // The doubles of the C functions the helpers call (emitter/KunitDoubles.h)
  // and the keys of the static calls they make.
  const KunitDoubles &doubles(const Module &M,
                              const std::vector<HelperRecord> &Helpers) {
    Doubles = emitKunitDoubles(M, Helpers, Opts);
    StaticCallKeys = kunitStaticCallKeys(Helpers);
    return Doubles;
  }

  std::string str(const std::string &Banner) const {
    return fileHead(Banner) + "\n" + Purpose + body();
  }

  // The C file that registers the CTable form's functions as KUnit cases.
  std::string cTable(const std::string &Banner) const {
    std::ostringstream OS;
    OS << fileHead(Banner) << "\n#include <kunit/test.h>\n";
    for (const std::string &N : Names)
      OS << "\nbool " << KunitSuiteName << "_" << N << "(void);\n\n"
         << "static void " << KunitSuiteName << "_case_" << N
         << "(struct kunit *test)\n{\n\tKUNIT_EXPECT_TRUE(test, "
         << KunitSuiteName << "_" << N << "());\n}\n";
    OS << "\nstatic struct kunit_case " << KunitSuiteName << "_cases[] = {\n";
    for (const std::string &N : Names)
      OS << "\t{ .run_case = " << KunitSuiteName << "_case_" << N
         << ", .name = \"" << N << "\" },\n";
    OS << "\t{}\n};\n\nstatic struct kunit_suite " << KunitSuiteName
       << "_suite = {\n\t.name = \"" << KunitSuiteName << "\",\n"
       << "\t.test_cases = " << KunitSuiteName << "_cases,\n};\n\n"
       << "kunit_test_suite(" << KunitSuiteName << "_suite);\n";
    return OS.str();
  }

private:
  // A test case's arguments: the call's list, the lets that set them up,
  // the grid's dimensions, how many point into the zones, and whether the
  // grid has a fill pattern (a pointer or a record not an allocator's).
  struct CaseArguments {
    std::ostringstream Args, Setup;
    std::vector<std::string> Dims;
    unsigned Pointers = 0;
    bool HasPointer = false;
  };

  CaseArguments caseArguments(const Function &F, const HelperRecord &H) {
    CaseArguments A;
    const std::map<size_t, AllocatorArgument> &Roles =
        H.Check.AllocatorArguments;
    for (size_t I = 0; I != F.Params.size(); ++I) {
      Type::Kind K = F.Locals[F.Params[I]].Ty->kind();
      A.HasPointer |= (K == Type::Kind::Pointer || K == Type::Kind::Record) &&
                      !Roles.count(I); // an allocator's object is null
    }
    for (size_t I = 0; I != F.Params.size(); ++I) {
      const Local &L = F.Locals[F.Params[I]];
      std::string Name = "a" + std::to_string(I);
      A.Args << (I ? ", " : "") << Name;
      if (L.Ty->kind() == Type::Kind::Record)
        A.Setup << "            // SAFETY: the zone is aligned for the record "
                   "and holds its bytes.\n";
      auto Role = Roles.find(I);
      auto Bound = H.Check.IndexBounds.find(I);
      A.Setup << "            let " << Name << " = "
              << (Role != Roles.end()
                      ? allocatorArgument(Role->second, *L.Ty, A.Dims)
                  : Bound != H.Check.IndexBounds.end() &&
                          L.Ty->kind() == Type::Kind::Int
                      ? index(*L.Ty, A.Dims, A.HasPointer, Bound->second)
                      : argument(*L.Ty, A.Dims, A.HasPointer, A.Pointers))
              << ";\n";
      const std::vector<size_t> &Mutexes = H.Check.InitialisedMutexes;
      if (std::find(Mutexes.begin(), Mutexes.end(), I) != Mutexes.end())
        A.Setup << "            // SAFETY: the zone holds a mutex's bytes, "
                   "which the kernel's\n"
                << "            // initialiser makes an unlocked mutex.\n"
                << "            unsafe { "
                << declareCOriginal(*MutexInit, MutexInit->CName) << "("
                << Name
                << ", c\"helpers2rs\".as_ptr().cast(), "
                   "core::ptr::null_mut()) };\n";
    }
    return A;
  }

  // The side's call, in the wrappers that measure what else it does;
  // FirstAnswer, the grid digit of a doubled case's first answer, is empty
  // where the case has no doubles.
  std::string caseBody(const Function &F, const HelperRecord &H,
                       const std::string &Call, const std::string &FirstAnswer,
                       std::ostringstream &Setup) {
    const Type &Ret = F.Ret ? *F.Ret : *Type::unit();
    bool Returns = Ret.kind() != Type::Kind::Unit;
    std::string Result = "Outcome::of(" + (Returns ? result(Ret) : "0") + ")";
    if (H.Check.Allocates != Allocation::None)
      Result = freed(H.Check);
    std::ostringstream Side;
    Side << "// SAFETY: the arguments are those the C original is called "
            "with, and\n"
         << "// point into the zones, which outlive the call.\n"
         << (Returns ? "let r = unsafe {\n" : "unsafe {\n") << indented(Call)
         << "\n"
         << (Returns ? "};\n" : "}\n") << Result;
    std::string Body = Side.str();
    if (!H.Check.PreemptCount.empty()) {
      Setup << preemptCountLet(H.Check.PreemptCount);
      Body = "measuring_preempt_count(preempt_count, || {\n" +
             indented(Body) + "\n})";
      UsesPreemptCount = UsesBits = true;
    }
    if (H.Check.CountsWarnings) {
      Body = "counting_warnings(|| {\n" + indented(Body) + "\n})";
      UsesWarnings = true;
    }
    if (!FirstAnswer.empty())
      Body = "doubled(" + FirstAnswer + ", || {\n" + indented(Body) + "\n})";
    return Body;
  }
  // A test case named Name, passing where Check (a `bool` expression) is
  // true.
  void testCase(const std::string &Name, const std::string &Check) {
    switch (Form) {
    case KunitSuiteForm::Attribute:
      Tests << "\n    #[test]\n    fn " << Name << "() {\n"
            << "        assert!(" << Check << ");\n    }\n";
      break;
    case KunitSuiteForm::CTable:
      Tests << "\n    /// `" << Name
            << "` against its C original (registered by the suite's C "
               "file).\n    #[no_mangle]\n    pub extern \"C\" fn "
            << KunitSuiteName << "_" << Name << "() -> bool {\n"
            << "        " << Check << "\n    }\n";
      break;
    }
    Names.push_back(Name);
  }

  // The name of helper F's C original (declared once), `c_<name>`, whose
  // symbol is Symbol.
  std::string declareCOriginal(const Function &F, const std::string &Symbol) {
    std::string CName = "c_" + F.RustName;
    if (!Declared.insert(CName).second)
      return CName;
    Externs << "        #[link_name = \"" << Symbol << "\"]\n        fn "
            << CName << "(";
    for (size_t I = 0; I != F.Params.size(); ++I)
      Externs << (I ? ", " : "") << "a" << I << ": "
              << emitType(*F.Locals[F.Params[I]].Ty, Opts);
    Externs << ")";
    if (F.Ret && F.Ret->kind() != Type::Kind::Unit)
      Externs << " -> " << emitType(*F.Ret, Opts);
    Externs << ";\n";
    return CName;
  }

  // The licence and the banner, as `//` comments (C and Rust alike).
  static std::string fileHead(const std::string &Banner) {
    std::string Head = "// SPDX-License-Identifier: GPL-2.0\n";
    std::istringstream Lines(Banner);
    for (std::string Line; std::getline(Lines, Line);)
      Head += "// " + Line + "\n";
    return Head;
  }

  // Everything after the file's comments: the head of the form, then the
  // runner and the test cases (inside the test module, or at the top level
  // where C registers them).
  std::string body() const {
    std::ostringstream OS;
    OS << piece(suite::Runner);
    if (UsesEdges)
      OS << piece(suite::EdgesGrid);
    if (UsesSmall)
      OS << piece(suite::SmallGrid);
    if (UsesBelow)
      OS << piece(suite::Below);
    if (UsesWarnings)
      OS << piece(suite::CountingWarnings);
    if (UsesPreemptCount)
      OS << piece(suite::MeasuringPreemptCount);
    if (UsesBits)
      OS << piece(suite::Bits);
    if (UsesGfp)
      OS << piece(suite::GfpGrid);
    if (UsesAlignments)
      OS << piece(suite::AlignmentGrid);
    if (UsesAllocated)
      OS << piece(suite::Allocated);
    if (UsesKasan)
      OS << KasanCaseRuntime;
    OS << Doubles.Rust << StaticCallKeys;
    if (!Externs.str().empty())
      // The C originals, as bindgen declares them: pointers to records
      // that hold no FFI-safe type are fine behind a pointer.
      OS << "\n    #[allow(improper_ctypes)]\n    extern \"C\" {\n"
         << Externs.str() << "    }\n";
    OS << Tests.str();
    switch (Form) {
    case KunitSuiteForm::Attribute:
      return AttributeHead + OS.str() + "}\n";
    case KunitSuiteForm::CTable:
      return CTableHead + outdented(OS.str());
    }
    return "";
  }

  // Text with four spaces less on each line.
  static std::string outdented(const std::string &Text) {
    std::string Out, Line;
    std::istringstream Lines(Text);
    while (std::getline(Lines, Line))
      Out += (Line.rfind("    ", 0) == 0 ? Line.substr(4) : Line) + "\n";
    return Out;
  }

  // Text indented by Spaces more on each line but empty ones.
  static std::string indented(const std::string &Text, unsigned Spaces = 4) {
    std::string Out, Line;
    std::istringstream Lines(Text);
    for (bool First = true; std::getline(Lines, Line); First = false)
      Out += (First ? "" : "\n") +
             (Line.empty() ? "" : std::string(Spaces, ' ') + Line);
    return Out;
  }

  // How much of each zone a case fills and compares: the largest object a
  // pointer argument points to (a `void *` or an incomplete type gets 128
  // bytes) or a record argument is, and the 128 bytes either side.
  static uint64_t zoneBytes(const HelperRecord &H) {
    bool HasZone = false;
    uint64_t Largest = 128;
    for (size_t I = 0; I != H.Sig.Params.size(); ++I) {
      const ValueShape &Shape = H.Sig.Params[I].second;
      if (H.Check.AllocatorArguments.count(I))
        continue; // an allocator's object is null
      uint64_t Size = Shape.Kind == "pointer"  ? Shape.PointeeSize
                      : Shape.Kind == "record" ? Shape.Bits / 8
                                               : 0;
      if (Shape.Kind == "pointer" || Shape.Kind == "record") {
        HasZone = true;
        Largest = std::max(Largest, (Size + 63) / 64 * 64);
      }
    }
    return HasZone ? 128 + Largest + 128 : 0;
  }

  // The expression building an argument of type T from the case's digits.
  // The next digit of the case's grid, as an index into Grid (a const the
  // suite prints where Used).
  static std::string gridValue(const std::string &Grid, bool &Used,
                               std::vector<std::string> &Dims) {
    Used = true;
    return Grid + "[" + gridDigit(Grid + ".len()", Dims) + "]";
  }

  // The next digit of the case's grid, of Size values.
  static std::string gridDigit(const std::string &Size,
                               std::vector<std::string> &Dims) {
    std::string Digit = "d[" + std::to_string(Dims.size()) + "]";
    Dims.push_back(Size);
    return Digit;
  }

  std::string argument(const Type &T, std::vector<std::string> &Dims,
                       bool BesidePointer, unsigned &Pointers) {
    std::string Grid = BesidePointer ? "SMALL" : "EDGES";
    bool &UsesGrid = BesidePointer ? UsesSmall : UsesEdges;
    switch (T.kind()) {
    case Type::Kind::Bool:
      return gridDigit("2", Dims) + " == 1";
    case Type::Kind::Int:
      return gridValue(Grid, UsesGrid, Dims) + " as " + emitType(T, Opts);
    case Type::Kind::Newtype:
      return emitType(T, Opts) + "(" + gridValue(Grid, UsesGrid, Dims) +
             " as " + emitType(*T.repr(), Opts) + ")";
    case Type::Kind::Pointer:
      return "z.at::<" + emitType(*T.pointee(), Opts) + ">(" +
             std::to_string(Pointers++) + ")";
    case Type::Kind::FnPtr:
      return "None"; // stored, never called (ir/KernelCheck.cpp)
    case Type::Kind::Record:
      return "unsafe { z.at::<" + emitType(T, Opts) + ">(" +
             std::to_string(Pointers++) + ").read() }";
    case Type::Kind::Unit:
    case Type::Kind::Never:
    case Type::Kind::Float:
    case Type::Kind::CVoid:
    case Type::Kind::Array:
    case Type::Kind::Tuple:
      break;
    }
    return "unreachable!()"; // the plan admits none of these
  }

  // An integer argument that indexes an array of Bound elements: the
  // grid's values below Bound.
  std::string index(const Type &T, std::vector<std::string> &Dims,
                    bool BesidePointer, uint64_t Bound) {
    std::string Grid = BesidePointer ? "SMALL" : "EDGES";
    (BesidePointer ? UsesSmall : UsesEdges) = true;
    UsesBelow = true;
    std::string Digit = gridDigit(
        "below(&" + Grid + ", " + std::to_string(Bound) + ")", Dims);
    return Grid + "[" + Digit + "] as " + emitType(T, Opts);
  }

  // An argument the helper passes its allocator in Role.
  std::string allocatorArgument(AllocatorArgument Role, const Type &T,
                                std::vector<std::string> &Dims) {
    std::string As = " as " + emitType(T, Opts);
    switch (Role) {
    case AllocatorArgument::Object:
      return T.isPointeeConst() ? "core::ptr::null()" : "core::ptr::null_mut()";
    case AllocatorArgument::Size:
    case AllocatorArgument::Order:
      return gridValue("SMALL", UsesSmall, Dims) + As;
    case AllocatorArgument::Alignment:
      return gridValue("ALIGNMENTS", UsesAlignments, Dims) + As;
    case AllocatorArgument::Flags:
      return gridValue("GFP", UsesGfp, Dims) + As;
    case AllocatorArgument::Node:
      return "bindings::NUMA_NO_NODE" + As;
    }
    return "unreachable!()";
  }

  // The outcome of an allocating side: what it got, which it then frees.
  std::string freed(const KernelCheck &Check) {
    UsesAllocated = true;
    std::string Free;
    switch (Check.Allocates) {
    case Allocation::None:
      break;
    case Allocation::Memory:
      Free = "// SAFETY: `r` is what the allocator returned, freed once.\n"
             "unsafe { bindings::kvfree(r.cast()) };\n";
      break;
    case Allocation::Pages:
      for (const auto &[Param, Role] : Check.AllocatorArguments)
        if (Role == AllocatorArgument::Order)
          Free = "if !r.is_null() {\n"
                 "    // SAFETY: `r` is the pages the allocator returned, of "
                 "that order.\n"
                 "    unsafe { bindings::__free_pages(r, a" +
                 std::to_string(Param) + " as u32) };\n}\n";
      break;
    }
    return "let value = allocated(r.cast());\n" + Free +
           "Outcome::of(value)";
  }

  // The result `r` as a u64 both sides compare.
  std::string result(const Type &T) {
    switch (T.kind()) {
    case Type::Kind::Bool:
    case Type::Kind::Int:
      return "r as u64";
    case Type::Kind::Newtype:
      return "r.0 as u64";
    case Type::Kind::Pointer:
      return "r as usize as u64";
    case Type::Kind::FnPtr:
      return "r.map_or(0, |f| f as usize as u64)";
    case Type::Kind::Record:
      UsesBits = true;
      return "bits(r)";
    case Type::Kind::Unit:
    case Type::Kind::Never:
    case Type::Kind::Float:
    case Type::Kind::CVoid:
    case Type::Kind::Array:
    case Type::Kind::Tuple:
      break;
    }
    return "unreachable!()"; // the plan admits none of these
  }

  KunitSuiteForm Form;
  const Function *MutexInit; // the plan's MutexInitialiser, if any
  EmitOptions Opts;
  KunitDoubles Doubles;
  std::string StaticCallKeys; // emitter/KunitStaticCallKeys.h
  std::ostringstream Externs, Tests;
  std::set<std::string> Declared; // C originals in Externs
  std::vector<std::string> Names; // of the helpers with a test case
  bool UsesEdges = false, UsesSmall = false, UsesBelow = false;
  bool UsesWarnings = false, UsesPreemptCount = false, UsesBits = false;
  bool UsesGfp = false, UsesAlignments = false, UsesAllocated = false;
  bool UsesKasan = false;
};

} // namespace

KunitSuite emitKunitSuite(const Module &M,
                          const std::vector<HelperRecord> &Helpers,
                          const std::string &Banner, KunitSuiteForm Form) {
  std::map<std::string, const Function *> HelperFns = helpersByCName(M);
  auto MutexInit = HelperFns.find(MutexInitialiser);
  SuitePrinter P(Form, MutexInit == HelperFns.end() ? nullptr
                                                    : MutexInit->second);
  for (const HelperRecord &H : Helpers)
    if (H.Check.V == KernelCheck::Verdict::InSuite)
      P.helper(*HelperFns.at(H.Name), H);
  KunitSuite Suite;
  Suite.SymbolMap = P.doubles(M, Helpers).SymbolMap;
  Suite.Rust = P.str(Banner);
  if (Form == KunitSuiteForm::CTable)
    Suite.C = P.cTable(Banner);
  return Suite;
}

} // namespace h2r::emit
