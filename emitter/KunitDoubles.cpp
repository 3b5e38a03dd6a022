//===- emitter/KunitDoubles.cpp - Doubles of the suite's C calls ----------===//

#include "emitter/KunitDoubles.h"

#include <map>
#include <set>
#include <sstream>

namespace h2r::emit {

using namespace ir;

namespace {

// What the doubles share: the grid they answer from, the record of the
// side running, and how they record addresses.
const char *Runtime = R"(
    /// What a replaced C function answers, as raw bits: a case's digit
    /// picks the first answer, each further call the next one.
    const ANSWERS: [u64; 4] = [0, 1, u64::MAX, -22i64 as u64];

    /// An object a replaced function's address answer points to.
    static ANSWERED: [u64; 8] = [0; 8];

    /// The calls of the side running, and its first answer.
    struct Doubling(core::cell::UnsafeCell<(Calls, usize)>);

    // SAFETY: KUnit runs a suite's test cases one after another, and the
    // doubles are called from the side running only.
    unsafe impl Sync for Doubling {}

    static DOUBLING: Doubling = Doubling(core::cell::UnsafeCell::new((Calls::NONE, 0)));

    /// Runs `call` with the doubles answering from `first` on, and records
    /// its calls in the outcome.
    fn doubled(first: usize, call: impl FnOnce() -> Outcome) -> Outcome {
        // SAFETY: as for `Doubling`.
        unsafe { *DOUBLING.0.get() = (Calls::NONE, first) };
        let mut outcome = call();
        // SAFETY: as above.
        outcome.calls = unsafe { (*DOUBLING.0.get()).0 };
        outcome
    }

    /// A call of the replaced function `function` with `args`: recorded in
    /// the side's hash (FNV-1a over the words), and answered.
    fn called(function: u64, args: &[u64]) -> u64 {
        // SAFETY: as for `Doubling`.
        let (calls, first) = unsafe { &mut *DOUBLING.0.get() };
        let answer = ANSWERS[(*first + calls.count as usize) % ANSWERS.len()];
        for word in core::iter::once(function).chain(args.iter().copied()) {
            calls.hash = (calls.hash ^ word).wrapping_mul(0x100_0000_01b3);
        }
        calls.count += 1;
        answer
    }

    /// How a double records an address outside the kernel image.
    const ELSEWHERE: u64 = 0x5e15_e5e1_5e00_0000;

    /// An address as a double records it: null, error pointers and
    /// addresses in the kernel image (the zones, globals, functions) as
    /// they are; any other (a side's stack, the heap) only as `ELSEWHERE`,
    /// since it differs from side to side.
    fn address<T>(p: *const T) -> u64 {
        extern "C" {
            static _text: u8;
            static _end: u8;
        }
        let p = p as usize;
        let image = core::ptr::addr_of!(_text) as usize..core::ptr::addr_of!(_end) as usize;
        if p < 4096 || p > usize::MAX - 4095 || image.contains(&p) {
            p as u64
        } else {
            ELSEWHERE
        }
    }

    /// An answer as an address: 1 is `ANSWERED`, the others as they are
    /// (null, `ERR_PTR(-1)`, `ERR_PTR(-EINVAL)`).
    fn answered_address(answer: u64) -> usize {
        match answer {
            1 => core::ptr::addr_of!(ANSWERED) as usize,
            _ => answer as usize,
        }
    }
)";

// Is T u64 itself (a cast to it would be one clippy objects to)?
bool isU64(const Type &T) {
  return T.bits() == 64 && !T.isSigned() && !T.isPointerSized();
}

// An argument `Name` of type T as the word a double records.
std::string recorded(const Type &T, const std::string &Name) {
  switch (T.kind()) {
  case Type::Kind::Bool:
    return "u64::from(" + Name + ")";
  case Type::Kind::Int:
    return isU64(T) ? Name : Name + " as u64";
  case Type::Kind::Newtype:
    return Name + ".0 as u64";
  case Type::Kind::Pointer:
    return "address(" + Name + ")";
  case Type::Kind::FnPtr:
    return Name + ".map_or(0, |f| f as usize as u64)";
  case Type::Kind::Unit:
  case Type::Kind::Never:
  case Type::Kind::Float:
  case Type::Kind::CVoid:
  case Type::Kind::Record:
  case Type::Kind::Array:
  case Type::Kind::Tuple:
    break;
  }
  return "unreachable!()"; // the plan admits none of these
}

// The answer `Answer` (a u64) as a value of type T.
std::string answered(const Type &T, const std::string &Answer,
                     const EmitOptions &Opts) {
  switch (T.kind()) {
  case Type::Kind::Bool:
    return Answer + " & 1 == 1";
  case Type::Kind::Int:
    return isU64(T) ? Answer : Answer + " as " + emitType(T, Opts);
  case Type::Kind::Newtype:
    return emitType(T, Opts) + "(" + Answer + " as " +
           emitType(*T.repr(), Opts) + ")";
  case Type::Kind::Pointer:
    return "answered_address(" + Answer + ") as " + emitType(T, Opts);
  case Type::Kind::Unit:
  case Type::Kind::Never:
  case Type::Kind::Float:
  case Type::Kind::CVoid:
  case Type::Kind::FnPtr:
  case Type::Kind::Record:
  case Type::Kind::Array:
  case Type::Kind::Tuple:
    break;
  }
  return "unreachable!()"; // the plan admits none of these
}

// The double of F, the Index-th replaced function, which does not record
// the arguments CodeAddresses lists (C's and Rust's code lie apart).
std::string doubleOf(const ExternFn &F, size_t Index,
                     const std::set<size_t> &CodeAddresses,
                     const EmitOptions &Opts) {
  const std::string &Symbol = F.symbol();
  std::ostringstream OS;
  OS << "\n    /// Stands in for `" << Symbol
     << "` in the helpers under test.\n    #[no_mangle]\n"
     << "    extern \"C\" fn h2r_double_" << Symbol << "(";
  std::string Words;
  for (size_t I = 0; I != F.Params.size(); ++I) {
    std::string Name = "a" + std::to_string(I);
    bool Code = CodeAddresses.count(I);
    OS << (I ? ", " : "") << (Code ? "_" : "") << Name << ": "
       << emitType(*F.Params[I], Opts);
    Words += (I ? ", " : "") + (Code ? "0" : recorded(*F.Params[I], Name));
  }
  OS << ")";
  std::string Call = "called(" + std::to_string(Index) + ", &[" + Words + "])";
  if (F.Ret && F.Ret->kind() != Type::Kind::Unit)
    OS << " -> " << emitType(*F.Ret, Opts) << " {\n        "
       << answered(*F.Ret, Call, Opts) << "\n    }\n";
  else
    OS << " {\n        " << Call << ";\n    }\n";
  return OS.str();
}

} // namespace

std::string copiedOriginal(const std::string &CName) {
  return "h2r_c_" + CName;
}

KunitDoubles emitKunitDoubles(const Module &M,
                              const std::vector<HelperRecord> &Helpers,
                              const EmitOptions &Opts) {
  std::set<std::string> Replaced; // numbered in this order
  std::map<std::string, std::set<size_t>> CodeAddresses;
  std::ostringstream Map;
  for (const HelperRecord &H : Helpers) {
    if (H.Check.V != KernelCheck::Verdict::InSuite || H.Check.Doubles.empty())
      continue;
    Map << H.Name << " " << copiedOriginal(H.Name) << "\n";
    for (const std::string &D : H.Check.Doubles)
      Replaced.insert(D);
    for (const auto &[D, Args] : H.Check.CodeAddressArguments)
      CodeAddresses[D].insert(Args.begin(), Args.end());
  }
  KunitDoubles Out;
  if (Replaced.empty())
    return Out;
  Out.Rust = Runtime;
  std::map<std::string, const ExternFn *> Signatures = cFunctionsByName(M);
  size_t Index = 0;
  for (const std::string &Name : Replaced) {
    const ExternFn &F = *Signatures.at(Name);
    Map << F.symbol() << " h2r_double_" << F.symbol() << "\n";
    Out.Rust += doubleOf(F, Index++, CodeAddresses[Name], Opts);
  }
  Out.SymbolMap = Map.str();
  return Out;
}

} // namespace h2r::emit
