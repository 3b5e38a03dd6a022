//===- emitter/KunitStaticCallKeys.h - Keys beside static calls -*- C++ -*-===//
//
// A built-in object that calls a static call's trampoline must name the
// call's key too: objtool, run on each object where the kernel is not
// checked whole (no IBT, no LTO), records every call site with its key and
// stops where the object has none. Built-in C names it beside each call
// (`__static_call()`'s `__ADDRESSABLE(key)`); the translation, made with
// the bindgen rule's `-DMODULE`, calls the trampoline as a module does,
// without the key, so the suite's object, into which the helpers are
// inlined, names the keys of the calls they make itself.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_KUNITSTATICCALLKEYS_H
#define H2R_EMITTER_KUNITSTATICCALLKEYS_H

#include "ir/Report.h"

#include <string>
#include <vector>

namespace h2r::emit {

// The suite's declarations of the keys of the static calls its helpers
// make, each kept in `.discard.addressable` (empty if they make none).
std::string kunitStaticCallKeys(const std::vector<ir::HelperRecord> &Helpers);

} // namespace h2r::emit

#endif
