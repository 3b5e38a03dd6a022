//===- frontend/BindingsInventory.h - What bindgen's bindings hold -*- C++ -*-===//
//
// The kernel's bindings come from `rust/bindings/bindings_helper.h`, not from
// what a helper file includes: a helper may call a function (vrealloc_noprof)
// whose header the bindings never see. The inventory parses that header with
// the helpers' own compile command and lists the functions, globals and
// records bindgen emits for it, less what bindgen_parameters blocklists.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_BINDINGSINVENTORY_H
#define H2R_FRONTEND_BINDINGSINVENTORY_H

#include "frontend/KernelProfile.h"

#include <set>
#include <string>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

struct BindingsInventory {
  std::set<std::string> Functions, Vars, Records;
};

// Parses Header with the compile command of CommandOf. Returns false when
// the header does not compile; Clang has then printed why.
bool takeBindingsInventory(const clang::tooling::CompilationDatabase &DB,
                           const std::string &CommandOf,
                           const std::string &Header,
                           const BindgenParameters &Params,
                           BindingsInventory &Out);

} // namespace h2r::frontend

#endif
