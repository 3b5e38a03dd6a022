//===- NamedAddressSpace.cpp - x86 segment address spaces -----------------===//
#include "frontend/types/NamedAddressSpace.h"

#include "clang/Basic/AddressSpaces.h"

namespace h2r::frontend {

// Clang's x86 target numbers: 256 is gs, 257 fs (X86.h's address spaces,
// and what `__seg_gs` / `__seg_fs` expand to).
enum : unsigned { X86AddressSpaceGs = 256, X86AddressSpaceFs = 257 };

Segment segmentOf(clang::QualType T) {
  clang::LangAS AS = T.getAddressSpace();
  if (!clang::isTargetAddressSpace(AS))
    return Segment::None;
  switch (clang::toTargetAddressSpace(AS)) {
  case X86AddressSpaceGs:
    return Segment::Gs;
  case X86AddressSpaceFs:
    return Segment::Fs;
  }
  return Segment::None;
}

} // namespace h2r::frontend
