//===- emitter/ReviewItems.h - The Rust beside each C function --*- C++ -*-===//
//
// The report shows a reviewer each function's Rust beside its C: the item
// as the output prints it, laid out as the output is. Every function's item
// (emitFunctionItems) is joined into one text, a marker comment parting
// them, so that one rustfmt run lays out all of them; the laid-out text is
// then parted again by C name.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_REVIEWITEMS_H
#define H2R_EMITTER_REVIEWITEMS_H

#include "emitter/RustEmitter.h"

#include <map>
#include <string>
#include <vector>

namespace h2r::emit {

struct JoinedReviewItems {
  std::string Text;
  std::vector<std::string> Names; // the C name of each item, in order
};

JoinedReviewItems joinReviewItems(const ir::Module &M,
                                  const EmitOptions &Opts);

// The items of Laid (Items' text, laid out; Items' names part it) by C name.
std::map<std::string, std::string>
partReviewItems(const std::string &Laid, const JoinedReviewItems &Items);

} // namespace h2r::emit

#endif
