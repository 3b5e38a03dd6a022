//===- emitter/KunitKasanCases.h - The suite's KASAN cases ------*- C++ -*-===//
//
// In a kernel with KASAN and its KUnit interface, the in-kernel suite calls
// KASAN's checks for real (ir/KernelCheck.h, CountsKasanReports), and each
// helper that makes them (KernelCheck::ChecksAddresses) gets a second case:
// both sides run on an address out of bounds of a kmalloc() object and on
// one in a freed object, and KASAN must report each side's bad access as
// often, at least once. The reports are counted as KASAN's own KUnit suite
// counts them, on the console's tracepoint.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_EMITTER_KUNITKASANCASES_H
#define H2R_EMITTER_KUNITKASANCASES_H

#include "emitter/RustEmitter.h"

#include <string>

namespace h2r::emit {

// The code the KASAN cases share: the report count, the console probe and
// `kasan_same`, which runs a case.
extern const char *const KasanCaseRuntime;

// The expression of F's KASAN case: `kasan_same(...)`, true when C and
// Rust agreed. CName names its C original, Translation its translation.
std::string kasanCase(const ir::Function &F, const std::string &CName,
                      const std::string &Translation, const EmitOptions &Opts);

} // namespace h2r::emit

#endif
