//===- ir/KernelCalls.h - The C functions the kernel suite knows -*- C++ -*-===//
//
// The in-kernel differential suite keeps out a helper that calls a C
// function, but for the functions named here, whose effects it knows: some
// change nothing, some report a warning it can count, some act only on a
// mutex it builds, some allocate what it frees.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_KERNELCALLS_H
#define H2R_IR_KERNELCALLS_H

#include "ir/Report.h"

#include <optional>
#include <string>
#include <vector>

namespace h2r::ir {

// What a known C function does, as the suite sees it.
enum class KernelCall {
  Unknown,          // anything: keeps a helper out
  Inert,            // changes nothing, reads no argument's object
  // A sanitizer's check of an address (KASAN's `__kasan_check_write()`):
  // changes nothing, and reports where the address is bad.
  ChecksAddress,
  Warns,            // reports a kernel warning (and saturates a refcount_t)
  InitialisesMutex, // writes only the mutex it is given
  LocksMutex,       // takes the (uncontended) mutex it is given
  Allocates,        // returns memory or pages (allocatorOf)
  // Reads or writes only `n` bytes of the objects its pointer arguments
  // point to, n being the argument lengthArgument() says: safe where those
  // are the helper's own arguments (objects the suite builds, n from its
  // small grid).
  Bounded,
};

KernelCall kernelCall(const std::string &CName);

// C functions that report a kernel warning and do nothing else, reading
// the bug_entry and format they are given (WARN() with a format's static
// call): PointerOrigins does not follow their pointers.
bool reportsWarning(const std::string &CName);

// Where a Bounded function takes its length; none for any other.
std::optional<size_t> lengthArgument(const std::string &CName);

// A C allocator: what each argument is, and what it returns.
struct Allocator {
  Allocation Returns;
  std::vector<std::optional<AllocatorArgument>> Args; // by position
};

// The allocator CName is (kernelCall() says Allocates), or none.
std::optional<Allocator> allocatorOf(const std::string &CName);

} // namespace h2r::ir

#endif
