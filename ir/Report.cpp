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

} // namespace h2r::ir
