//===- NamedAddressSpace.h - x86 segment address spaces ---------*- C++ -*-===//
//
// GCC and Clang give x86 two named address spaces, `__seg_fs` and `__seg_gs`
// (Clang's address_space(257) and (256)): a place in one is reached through
// the segment register, `%gs:(addr)`. The kernel puts per-CPU data there
// when the compiler supports it (CONFIG_USE_X86_SEG_SUPPORT). Rust has no
// address spaces, so such a place is read and written by `asm!` with the
// segment override, as GCC's own code does.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_TYPES_NAMEDADDRESSSPACE_H
#define H2R_FRONTEND_TYPES_NAMEDADDRESSSPACE_H

#include "frontend/asm/target/AsmTarget.h"

#include "clang/AST/Type.h"

namespace h2r::frontend {

// The segment a place of type T lies in, or Segment::None for ordinary
// memory. Any other non-default address space is Segment::None too: the
// kernel's only other one is sparse's (`__CHECKER__`), never compiled.
Segment segmentOf(clang::QualType T);

} // namespace h2r::frontend

#endif
