//===- emitter/KunitSuite.cpp - The in-kernel differential suite ----------===//

#include "emitter/KunitSuite.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace h2r::emit {

using namespace ir;

namespace {

// The suite's own code: the argument grids, the memory pointer arguments
// point into, and the loop that runs both sides and compares them.
const char *Runner = R"(//! Calls each translated helper and its C original on the same inputs in
//! the running kernel, and compares what they return and every byte of the
//! memory their pointer arguments point into.

#![no_std]
#![feature(used_with_arg)]
// Test cases are named as the helpers are (`ERR_PTR`).
#![allow(non_snake_case)]

#[macros::kunit_tests(helpers2rs_differential)]
mod tests {
    /// Edge values of an integer argument, as raw bits (`as` narrows them).
    const EDGES: [u64; 26] = [
        0,
        1,
        2,
        3,
        7,
        8,
        31,
        32,
        63,
        64,
        127,
        128,
        255,
        256,
        0x7fff,
        0x8000,
        0xffff,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        0x5555_5555_5555_5555,
        0x7fff_ffff_ffff_ffff,
        0x8000_0000_0000_0000,
        u64::MAX - 1,
        u64::MAX,
    ];
    /// Integer arguments beside a pointer: small, since they may index the
    /// object (a bit number, a count).
    const SMALL: [u64; 9] = [0, 1, 2, 7, 31, 32, 63, 64, 127];
    /// The bytes a pointer argument's memory is filled with before a call.
    const PATTERNS: [u8; 6] = [0x00, 0xff, 0x01, 0x80, 0x7f, 0x55];
    /// The most cases of a grid a test case runs.
    const CASES: usize = 4096;
    const ZONE: usize = 16384;
    /// Where in its zone a pointer argument points: 128 bytes either side
    /// show a write past the object.
    const AT: usize = 128;

    /// The memory of up to three pointer arguments.
    #[repr(C, align(64))]
    struct Zones([[u8; ZONE]; 3]);

    impl Zones {
        fn at<T>(&mut self, i: usize) -> *mut T {
            self.0[i][AT..].as_mut_ptr().cast()
        }

        fn fill(&mut self, len: usize, byte: u8) {
            for zone in &mut self.0 {
                zone[..len].fill(byte);
            }
        }
    }

    /// The zones both sides run on, and what the C side left in them: both
    /// sides see the same addresses, so pointers they store or return into
    /// the zones compare equal.
    struct Memory(core::cell::UnsafeCell<[Zones; 2]>);

    // SAFETY: KUnit runs a suite's test cases one after another.
    unsafe impl Sync for Memory {}

    static MEMORY: Memory = Memory(core::cell::UnsafeCell::new([
        Zones([[0; ZONE]; 3]),
        Zones([[0; ZONE]; 3]),
    ]));

    /// Runs `call` (C, then Rust) on every case of a grid with digits of
    /// `dims`, the last one a pattern if `pointers`, with the first `len`
    /// bytes of each zone filled and compared; says where and returns false
    /// at the first difference.
    fn same(
        name: &str,
        dims: &[usize],
        pointers: bool,
        len: usize,
        call: impl Fn(&[usize; 8], &mut Zones, bool) -> u64,
    ) -> bool {
        // SAFETY: test cases run one at a time and only `same` uses MEMORY.
        let [zones, c_left] = unsafe { &mut *MEMORY.0.get() };
        let total: usize = dims.iter().product();
        for case in 0..total.min(CASES) {
            // Past CASES, a stride through the grid reaches every digit.
            let mut k = if total <= CASES { case } else { case * 7919 % total };
            let mut d = [0usize; 8];
            for (digit, n) in d.iter_mut().zip(dims) {
                *digit = k % n;
                k /= n;
            }
            let fill = if pointers { PATTERNS[d[dims.len() - 1]] } else { 0 };
            zones.fill(len, fill);
            let c = call(&d, zones, true);
            for (left, zone) in c_left.0.iter_mut().zip(&zones.0) {
                left[..len].copy_from_slice(&zone[..len]);
            }
            zones.fill(len, fill);
            let rust = call(&d, zones, false);
            let same_memory = c_left.0.iter().zip(&zones.0).all(|(l, z)| l[..len] == z[..len]);
            if c != rust || !same_memory {
                kernel::kunit::err(format_args!(
                    "    # {}: case {:?}: C returned {:#x}, Rust {:#x}{}\n",
                    name,
                    &d[..dims.len()],
                    c,
                    rust,
                    if same_memory { "" } else { "; the memory differs" }
                ));
                return false;
            }
        }
        true
    }
)";

class SuitePrinter {
public:
  SuitePrinter() {
    Opts.Types = TypeMode::Bindgen;
    Opts.BindingsPath = "bindings";
  }

  void helper(const Function &F, const HelperRecord &H) {
    std::string CName = "c_" + F.RustName;
    Externs << "        #[link_name = \"" << H.Name << "\"]\n        fn "
            << CName << "(";
    std::ostringstream Args, Setup;
    std::vector<std::string> Dims;
    unsigned Pointers = 0;
    bool HasPointer = false;
    for (LocalId P : F.Params)
      HasPointer |= F.Locals[P].Ty->kind() == Type::Kind::Pointer;
    for (size_t I = 0; I != F.Params.size(); ++I) {
      const Local &L = F.Locals[F.Params[I]];
      std::string Name = "a" + std::to_string(I);
      Externs << (I ? ", " : "") << Name << ": " << emitType(*L.Ty, Opts);
      Args << (I ? ", " : "") << Name;
      Setup << "            let " << Name << " = "
            << argument(*L.Ty, Dims, HasPointer, Pointers) << ";\n";
    }
    Externs << ")";
    if (F.Ret && F.Ret->kind() != Type::Kind::Unit)
      Externs << " -> " << emitType(*F.Ret, Opts);
    Externs << ";\n";
    bool UsesDigits = !Dims.empty();
    if (HasPointer)
      Dims.push_back("PATTERNS.len()");
    std::string DimList;
    for (const std::string &D : Dims)
      DimList += (DimList.empty() ? "" : ", ") + D;
    const Type &Ret = F.Ret ? *F.Ret : *Type::unit();
    bool Returns = Ret.kind() != Type::Kind::Unit;
    std::string Result = Returns ? result(Ret) : "0";
    bool UsesZones = Pointers || Result.find("z.") != std::string::npos;
    std::string Call = "if c {\n                    " + CName + "(" +
                       Args.str() + ")\n                } else {\n" +
                       "                    bindings::" + F.RustName + "(" +
                       Args.str() + ")\n                }";
    Tests << "\n    #[test]\n    fn " << F.RustName << "() {\n"
          << "        assert!(same(\"" << F.RustName << "\", &[" << DimList
          << "], " << (HasPointer ? "true" : "false") << ", "
          << zoneBytes(H) << ", |"
          << (UsesDigits ? "d" : "_") << ", " << (UsesZones ? "z" : "_")
          << ", c| {\n"
          << Setup.str()
          << "            // SAFETY: the arguments are those the C original "
             "is called with, and\n"
          << "            // point into the zones, which outlive the call.\n"
          << (Returns ? "            let r = unsafe {\n"
                      : "            unsafe {\n")
          << "                " << Call << "\n"
          << (Returns ? "            };\n" : "            }\n")
          << "            " << Result << "\n"
          << "        }));\n    }\n";
  }

  std::string str(const std::string &Banner) const {
    std::ostringstream OS;
    OS << "// SPDX-License-Identifier: GPL-2.0\n";
    std::istringstream Lines(Banner);
    for (std::string Line; std::getline(Lines, Line);)
      OS << "// " << Line << "\n";
    OS << "\n" << Runner;
    if (!Externs.str().empty())
      // The C originals, as bindgen declares them: pointers to records
      // that hold no FFI-safe type are fine behind a pointer.
      OS << "\n    #[allow(improper_ctypes)]\n    extern \"C\" {\n"
         << Externs.str() << "    }\n";
    OS << Tests.str() << "}\n";
    return OS.str();
  }

private:
  // How much of each zone a case fills and compares: the largest object a
  // pointer argument points to (a `void *` or an incomplete type gets 128
  // bytes) and the 128 bytes either side.
  static uint64_t zoneBytes(const HelperRecord &H) {
    bool HasPointer = false;
    uint64_t Largest = 128;
    for (const auto &[Name, Shape] : H.Sig.Params)
      if (Shape.Kind == "pointer") {
        HasPointer = true;
        Largest = std::max(Largest, (Shape.PointeeSize + 63) / 64 * 64);
      }
    return HasPointer ? 128 + Largest + 128 : 0;
  }

  // The expression building an argument of type T from the case's digits.
  std::string argument(const Type &T, std::vector<std::string> &Dims,
                       bool BesidePointer, unsigned &Pointers) {
    std::string Digit = "d[" + std::to_string(Dims.size()) + "]";
    std::string Grid = BesidePointer ? "SMALL" : "EDGES";
    switch (T.kind()) {
    case Type::Kind::Bool:
      Dims.push_back("2");
      return Digit + " == 1";
    case Type::Kind::Int:
      Dims.push_back(Grid + ".len()");
      return Grid + "[" + Digit + "] as " + emitType(T, Opts);
    case Type::Kind::Newtype:
      Dims.push_back(Grid + ".len()");
      return emitType(T, Opts) + "(" + Grid + "[" + Digit + "] as " +
             emitType(*T.repr(), Opts) + ")";
    case Type::Kind::Pointer:
      return "z.at::<" + emitType(*T.pointee(), Opts) + ">(" +
             std::to_string(Pointers++) + ")";
    case Type::Kind::FnPtr:
      return "None"; // stored, never called (ir/KernelCheck.cpp)
    case Type::Kind::Unit:
    case Type::Kind::Never:
    case Type::Kind::Float:
    case Type::Kind::CVoid:
    case Type::Kind::Array:
    case Type::Kind::Record:
    case Type::Kind::Tuple:
      break;
    }
    return "unreachable!()"; // the plan admits none of these
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
    case Type::Kind::Unit:
    case Type::Kind::Never:
    case Type::Kind::Float:
    case Type::Kind::CVoid:
    case Type::Kind::Array:
    case Type::Kind::Record:
    case Type::Kind::Tuple:
      break;
    }
    return "unreachable!()"; // the plan admits none of these
  }

  EmitOptions Opts;
  std::ostringstream Externs, Tests;
};

} // namespace

std::string emitKunitSuite(const Module &M,
                           const std::vector<HelperRecord> &Helpers,
                           const std::string &Banner) {
  std::map<std::string, const Function *> HelperFns = helpersByCName(M);
  SuitePrinter P;
  for (const HelperRecord &H : Helpers)
    if (H.Check.V == KernelCheck::Verdict::InSuite)
      P.helper(*HelperFns.at(H.Name), H);
  return P.str(Banner);
}

} // namespace h2r::emit
