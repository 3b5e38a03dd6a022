//===- ir/Report.h - What a translation run found --------------*- C++ -*-===//
//
// The coverage data the frontend produces and the report writers consume.
// Field names follow docs/report-format.md.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_REPORT_H
#define H2R_IR_REPORT_H

#include "ir/Module.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace h2r::ir {

struct MacroStep {
  std::string Macro;
  SourceLoc Loc; // where the macro was expanded
};

// Why a function could not be translated.
struct FallbackReason {
  std::string Construct; // stable identifier, e.g. "inline-asm"
  std::string Function;  // the function holding the construct
  SourceLoc Loc;
  std::vector<MacroStep> MacroChain; // innermost expansion first
  std::string Message;
};

// The shape of a C value as the differential tests and users need it.
struct ValueShape {
  std::string Kind; // void, bool, int, float, pointer, fnptr, record
  unsigned Bits = 0;
  bool Signed = false;
  uint64_t PointeeSize = 0; // pointer: sizeof(*p), 0 if void/incomplete
  // pointer: *p is complete and plain data: no pointer, function pointer or
  // flexible array anywhere in it, so two byte-identical copies of it are
  // the same input (the in-kernel differential suite builds such objects);
  // record: the record itself is.
  bool PointeePlain = false;
  std::string CType;        // the C spelling
};

struct Signature {
  ValueShape Ret;
  std::vector<std::pair<std::string, ValueShape>> Params;
};

// Something a translation decided that C might decide differently after
// inlining (e.g. `__builtin_constant_p` of a parameter); same shape as a
// reason, `Construct` says what.
using TranslationNote = FallbackReason;

// A shim the translation used in place of what Rust cannot express at the
// requested version; `Construct` names the shim.
using ShimUse = FallbackReason;

struct FunctionRecord {
  std::string Name;
  SourceLoc Loc;
  std::string CSource;    // the definition as written (for review)
  std::string RustSource; // its translation as the output prints it
  bool Translated = false;
  std::vector<FallbackReason> Reasons;
  std::vector<TranslationNote> Notes;
  std::vector<ShimUse> Shims;
  std::vector<std::string> Callees; // closure functions called directly
};

// What a C allocator that a helper's result comes from returns: the suite
// compares what each side got (null, ZERO_SIZE_PTR, memory) and frees it.
enum class Allocation {
  None,
  Memory, // slab, kvmalloc or vmalloc memory: kvfree()
  Pages,  // struct page *: __free_pages() with the order
};

// The role of an argument a helper passes to its allocator, and the values
// the suite gives it.
enum class AllocatorArgument {
  Object,    // the object to reallocate: null
  Size,      // bytes: the small grid
  Order,     // pages as a power of two: the small grid
  Alignment, // a power of two: 1, 8, 64
  Flags,     // gfp_t: GFP_KERNEL, with and without __GFP_ZERO, __GFP_NOWARN
  Node,      // NUMA_NO_NODE
};

// Whether the in-kernel differential suite (--kunit-suite) calls a helper
// and its C original on the same inputs, and if not, why.
struct KernelCheck {
  enum class Verdict {
    Unplanned,    // no suite was asked for
    InSuite,      // the suite has a test case for it
    NotCheckable, // Reason says why
  };
  Verdict V = Verdict::Unplanned;
  std::string Reason;
  // In the suite, it may raise a kernel warning: each side runs with
  // warnings suppressed and counted by KUnit, and the counts are compared.
  bool CountsWarnings = false;
  // Where it changes the preempt count, as the C global and the fields to
  // it (`__preempt_count`; `pcpu_hot`, ..., `preempt_count`), or empty: each
  // side runs with interrupts off, the count's change is compared and the
  // count restored.
  std::vector<std::string> PreemptCount;
  // The parameters (by index) it locks as mutexes: the suite builds each
  // as a mutex the C original of the tree's `__mutex_init` helper
  // initialised, before each side.
  std::vector<size_t> InitialisedMutexes;
  // It returns what a C allocator returned, given these parameters (by
  // index) in these roles.
  Allocation Allocates = Allocation::None;
  std::map<size_t, AllocatorArgument> AllocatorArguments;
  // The C functions it calls that the suite replaces, in its copy of the C
  // originals and in its own object, by doubles that record each call and
  // answer it from a grid: the calls are compared, not made (sorted).
  std::vector<std::string> Doubles;
  // The arguments (by index) of doubles that receive an address in the
  // code (`_THIS_IP_`, `_RET_IP_`): C's and Rust's code lie apart, so the
  // doubles do not compare them.
  std::map<std::string, std::set<size_t>> CodeAddressArguments;
  // The parameters (by index) that index an array of this many elements
  // (`dev->resource[bar]`): the suite gives them only values below it, since
  // beyond it C's behaviour is undefined (and UBSAN reports it).
  std::map<size_t, uint64_t> IndexBounds;
  // The static calls it makes, by name (`WARN_trap` for `__SCT__WARN_trap`):
  // objtool wants each one's key beside the call sites in the suite's
  // built-in object.
  std::set<std::string> StaticCalls;
  // In the suite, it makes KASAN's checks (KernelSuiteSupport::
  // CountsKasanReports): a case of its own runs both sides on an address
  // out of bounds and on one freed, and compares how often KASAN reports.
  bool ChecksAddresses = false;
  // In the suite, a C function of the bindings has its name and hides it
  // from `bindings::`: the suite calls the output's re-export of it.
  bool HiddenByBindings = false;
};

// A predefined macro on which helpers.o's compile and the helpers' parse
// differ, changing a function a helper reaches, by this chain of macros
// (the differing one first), reviewed as leaving the translation's meaning
// as helpers.o's (any other leaves the helper to C): the difference does
// not change what the code means, or the helper was parsed again with
// helpers.o's definition of the differing macro.
struct MacroChange {
  enum class Resolution { SameMeaning, ParsedAsCompiled };
  std::vector<std::string> Chain;
  std::string Function;
  SourceLoc Loc;
  std::string Why; // why the meaning is the same
  Resolution Res = Resolution::SameMeaning;
};

// A predefined macro as each side defines it; absent: not defined.
struct MacroDifferenceRecord {
  std::string Name;
  std::optional<std::string> Compile, Parse;
};

struct HelperRecord {
  enum class Status { Translated, Shimmed, Fallback };
  std::string Name;     // C name
  std::string RustName; // exported name
  SourceLoc Loc;
  Status St = Status::Translated;
  std::vector<std::string> Closure; // every inline function reached
  std::vector<FallbackReason> Reasons;
  std::vector<TranslationNote> Notes; // from the helper and its closure
  std::vector<ShimUse> Shims;         // likewise; non-empty: Shimmed
  Signature Sig;
  KernelCheck Check;
  std::vector<MacroChange> MacroChanges;
};

// How a helper left to C reaches Rust in the build at hand: a call into
// helpers.o, or the kernel's LLVM-bitcode inlining
// (CONFIG_RUST_INLINE_HELPERS). Unstated outside a kernel build.
enum class FallbackRoute { Unstated, Call, Lto };

// The kernel configuration a translation was made for, as its parse saw
// it. Values are spelt as .config spells them ("y", "m", "64", a string
// without its quotes) where the build directory's include/config/auto.conf
// tells a bool from an int (else a bool reads "1"); an option the parse
// read that is not set has none.
struct KernelConfiguration {
  std::string Target;   // the parse's target triple
  std::string Release;  // the build's include/config/kernel.release
  std::string Compiler; // CONFIG_CC_VERSION_TEXT
  std::string Rustc;    // CONFIG_RUSTC_VERSION_TEXT
  // Every CONFIG_ option the preprocessor tested or expanded: what can
  // change the translation.
  std::map<std::string, std::optional<std::string>> OptionsRead;
  // Those of them defined outside the configuration's header
  // (include/generated/autoconf.h): by the compile command, as arm64's
  // Makefile defines CONFIG_CC_HAS_K_CONSTRAINT, or by another header.
  std::set<std::string> DefinedElsewhere;
  size_t OptionsSet = 0; // CONFIG_ macros the configuration header defines
};

struct Report {
  std::vector<std::string> Inputs;
  KernelConfiguration Configuration;
  std::string TypeMode, ExportMode;
  FallbackRoute Route = FallbackRoute::Unstated;
  std::vector<HelperRecord> Helpers;
  std::vector<FunctionRecord> Functions;
  // helpers.o's own compile command (--body-compile), if given, and the
  // macros the helpers were parsed with because of it.
  std::string BodyCompile;
  std::vector<std::string> BodyMacros;
  // Its sanitizers whose instrumentation the translation does not make.
  std::vector<std::string> BodyUninstrumented;
  // Every predefined macro on which that compile and the parse differ.
  std::vector<MacroDifferenceRecord> MacroDifferences;
};

const char *statusName(HelperRecord::Status S);
const char *routeName(FallbackRoute R);
const char *verdictName(KernelCheck::Verdict V);
const char *allocationName(Allocation A);
const char *allocatorArgumentName(AllocatorArgument A);

} // namespace h2r::ir

#endif
