//===- ir/KernelCalls.cpp - The C functions the kernel suite knows --------===//

#include "ir/KernelCalls.h"

#include <map>
#include <set>

namespace h2r::ir {

bool reportsWarning(const std::string &CName) {
  return CName == "__SCT__WARN_trap";
}

KernelCall kernelCall(const std::string &CName) {
  // C functions that read nothing an argument points to and change nothing
  // the kernel keeps, so running them twice is as safe as running a
  // translation twice. Not memcpy() or memset(): a length computed from
  // the arguments (bitmap_copy_and_extend() with a size below the count)
  // runs past any object a test builds.
  static const std::set<std::string> Inert = {
      // Read-only lookups: a range check on the address, a name table.
      "is_vmalloc_addr", "errname",
      // hweight's fallback where the CPU has no popcnt: a register's bits.
      "__sw_hweight32", "__sw_hweight64",
      // might_sleep()'s and preempt_enable()'s static calls: may yield the
      // CPU, which a KUnit case in process context may always do.
      "__SCT__might_resched", "__SCT__preempt_schedule"};
  if (Inert.count(CName))
    return KernelCall::Inert;
  if (CName == "__kasan_check_read" || CName == "__kasan_check_write")
    return KernelCall::ChecksAddress;
  // refcount_warn_saturate() also saturates the refcount_t it is given;
  // __copy_overflow() is check_copy_size()'s WARN().
  if (reportsWarning(CName) || CName == "refcount_warn_saturate" ||
      CName == "__copy_overflow")
    return KernelCall::Warns;
  if (CName == "__mutex_init" || CName == "mutex_init_generic")
    return KernelCall::InitialisesMutex;
  if (CName == "mutex_lock" || CName == "mutex_trylock")
    return KernelCall::LocksMutex;
  if (allocatorOf(CName))
    return KernelCall::Allocates;
  if (lengthArgument(CName))
    return KernelCall::Bounded;
  return KernelCall::Unknown;
}

std::optional<size_t> lengthArgument(const std::string &CName) {
  // memchr(s, c, n); the user copies (to, from, n): the suite's pointers are
  // kernel addresses, which access_ok() refuses, so _copy_from_user()
  // zeroes n bytes of `to` and _copy_to_user() writes nothing.
  static const std::map<std::string, size_t> Lengths = {
      {"memchr", 2}, {"_copy_from_user", 2}, {"_copy_to_user", 2}};
  auto It = Lengths.find(CName);
  if (It == Lengths.end())
    return std::nullopt;
  return It->second;
}

std::optional<Allocator> allocatorOf(const std::string &CName) {
  using A = AllocatorArgument;
  // (p, size, flags) and (p, size, align, flags, node): slab, kvmalloc and
  // vmalloc memory alike, which kvfree() frees.
  const std::vector<std::optional<A>> Realloc = {A::Object, A::Size, A::Flags};
  const std::vector<std::optional<A>> ReallocNode = {
      A::Object, A::Size, A::Alignment, A::Flags, A::Node};
  static const std::map<std::string, Allocator> Allocators = {
      {"krealloc_noprof", {Allocation::Memory, Realloc}},
      {"kvrealloc_noprof", {Allocation::Memory, Realloc}},
      {"vrealloc_noprof", {Allocation::Memory, Realloc}},
      {"krealloc_node_align_noprof", {Allocation::Memory, ReallocNode}},
      {"kvrealloc_node_align_noprof", {Allocation::Memory, ReallocNode}},
      {"vrealloc_node_align_noprof", {Allocation::Memory, ReallocNode}},
      // Linux 6.12's (gfp, order, nid, nodemask); 7.3 exports the
      // (nid, gfp, order) form.
      {"__alloc_pages_noprof",
       {Allocation::Pages, {A::Flags, A::Order, A::Node, std::nullopt}}},
      {"alloc_pages_node_noprof",
       {Allocation::Pages, {A::Node, A::Flags, A::Order}}},
  };
  auto It = Allocators.find(CName);
  if (It == Allocators.end())
    return std::nullopt;
  return It->second;
}

} // namespace h2r::ir
