#include "ir/Report.h"

namespace h2r::ir {

const char *statusName(HelperRecord::Status S) {
  switch (S) {
  case HelperRecord::Status::Translated:
    return "translated";
  case HelperRecord::Status::Shimmed:
    return "shimmed";
  case HelperRecord::Status::Fallback:
    return "fallback";
  }
  return "fallback";
}

const char *routeName(FallbackRoute R) {
  switch (R) {
  case FallbackRoute::Unstated:
    return "unstated";
  case FallbackRoute::Call:
    return "call";
  case FallbackRoute::Lto:
    return "lto";
  }
  return "unstated";
}

const char *verdictName(KernelCheck::Verdict V) {
  switch (V) {
  case KernelCheck::Verdict::Unplanned:
    return "unplanned";
  case KernelCheck::Verdict::InSuite:
    return "in-suite";
  case KernelCheck::Verdict::NotCheckable:
    return "not-checkable";
  }
  return "unplanned";
}

const char *allocationName(Allocation A) {
  switch (A) {
  case Allocation::None:
    return "none";
  case Allocation::Memory:
    return "memory";
  case Allocation::Pages:
    return "pages";
  }
  return "none";
}

const char *allocatorArgumentName(AllocatorArgument A) {
  switch (A) {
  case AllocatorArgument::Object:
    return "object";
  case AllocatorArgument::Size:
    return "size";
  case AllocatorArgument::Order:
    return "order";
  case AllocatorArgument::Alignment:
    return "alignment";
  case AllocatorArgument::Flags:
    return "flags";
  case AllocatorArgument::Node:
    return "node";
  }
  return "object";
}

} // namespace h2r::ir
