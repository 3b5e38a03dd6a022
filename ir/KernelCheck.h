//===- ir/KernelCheck.h - Which helpers the in-kernel suite calls -*- C++ -*-===//
//
// The in-kernel differential suite calls a translated helper and its C
// original on the same inputs in a running kernel. That is only safe where
// the inputs can be built twice and running the helper twice leaves the
// kernel as it was: scalar arguments, pointers to objects of a bounded size,
// and a body (with everything it reaches) that changes only what its
// arguments point to and follows no pointer it did not derive from them
// (ir/PointerOrigins.h). This decides that per helper, conservatively, and
// says why not.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_KERNELCHECK_H
#define H2R_IR_KERNELCHECK_H

#include "ir/Module.h"
#include "ir/Report.h"

#include <set>
#include <string>
#include <vector>

namespace h2r::ir {

// The largest object the suite builds behind a pointer argument.
constexpr uint64_t KernelCheckMaxObject = 12288;
// The most pointer and record arguments it builds objects (zones) for.
constexpr unsigned KernelCheckMaxPointers = 3;

// What the tree's KUnit lets the suite do.
struct KernelSuiteSupport {
  // kunit_start_suppress_warning() and kunit_suppressed_warning_count()
  // (Linux 7.3): a helper that may raise a warning runs with its warnings
  // suppressed and counted, each side's count compared.
  bool CountsWarnings = false;
  // Lockdep records the locks a task holds (the bindings declare
  // lock_acquire()): a lock the suite takes and never releases would be
  // reported, so helpers that take or initialise mutexes stay out.
  bool TracksLocks = true;
  // The build renames the calls the suite's symbol map names
  // (--kunit-suite-syms): a helper may call C functions the suite replaces
  // by doubles.
  bool ReplacesCalls = false;
  // KASAN reports bad accesses in this kernel and lets a KUnit suite count
  // the reports (CONFIG_KASAN_KUNIT_TEST's interface): the suite calls
  // KASAN's checks for real, and the helpers that make them also run on
  // freed and out-of-bounds memory, each side's reports counted.
  bool CountsKasanReports = false;
  // The helpers (Rust names) whose names functions of the bindings have too,
  // which hide them (KernelCheck::HiddenByBindings).
  std::set<std::string> HelpersNamedInBindings;
};

// The C functions the suite's own code calls, or the compiler for it
// (memset() for a fill): never replaced, since the build renames every
// call to a replaced function in the suite's object.
bool callsItself(const std::string &CName);

// The most arguments a double records.
constexpr size_t KernelCheckMaxDoubleArgs = 8;

// The largest object a helper's KASAN case stands a bad address for (the
// case's bad addresses lie in a kmalloc() object of 96 bytes, 72 bytes in,
// so a helper's accesses stay inside that object: KASAN keeps its own
// metadata outside it or at its start, SLUB its free pointer in its middle).
constexpr uint64_t KasanCaseMaxObject = 24;

// The prefixes of a static call's trampoline and key (`__SCT__WARN_trap`,
// `__SCK__WARN_trap`).
constexpr const char *StaticCallTrampoline = "__SCT__";
constexpr const char *StaticCallKey = "__SCK__";

// The helper whose C original initialises the mutexes the suite builds.
constexpr const char *MutexInitialiser = "rust_helper___mutex_init";


// Sets each helper's Check to InSuite or NotCheckable (with the reason).
void planKernelChecks(const Module &M, std::vector<HelperRecord> &Helpers,
                      const KernelSuiteSupport &Support);

} // namespace h2r::ir

#endif
