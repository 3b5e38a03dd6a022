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

} // namespace h2r::ir
