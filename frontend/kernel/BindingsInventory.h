//===- BindingsInventory.h - What bindgen's bindings hold -------*- C++ -*-===//
//
// The kernel's bindings come from `rust/bindings/bindings_helper.h`, not from
// what a helper file includes: a helper may call a function (vrealloc_noprof)
// whose header the bindings never see. The inventory parses that header with
// the helpers' own compile command and lists the functions, globals and
// records bindgen emits for it, less what bindgen_parameters blocklists.
// Function bodies are skipped: an error inside one is bindgen's rule's to
// report (it runs on the header first).
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_KERNEL_BINDINGSINVENTORY_H
#define H2R_FRONTEND_KERNEL_BINDINGSINVENTORY_H

#include "frontend/kernel/KernelProfile.h"

#include <memory>
#include <set>
#include <string>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace h2r::frontend {

// The names are kept as declared; bindgen_parameters' blocklists are applied
// when a name is asked for (a few hundred questions, against a header with
// tens of thousands of declarations).
class BindingsInventory {
public:
  explicit BindingsInventory(const BindgenParameters &Params);
  ~BindingsInventory();

  bool hasFunction(const std::string &Name) const;
  bool hasVar(const std::string &Name) const;
  // A record as C declares it (its tag or typedef name), which bindgen
  // names Name (`outer_tag` for a tag defined inside another record).
  bool hasRecord(const std::string &Declared, const std::string &Name) const;
  // A type the blocklists keep out of the bindings (whether or not the
  // header declares it).
  bool blocksType(const std::string &Name) const;

  std::set<std::string> Functions, Vars, Records; // as declared
  // Enums the header declares before it defines them (a GNU extension):
  // bindgen types them from that first declaration, `c_int`, whatever the
  // definition or a helper file's own order makes them (dma_data_direction
  // in Linux 7.2's bindings_helper.h).
  std::set<std::string> EnumsDeclaredEarly;
  // No header was read: every C item is taken to be bound, less what the
  // blocklists remove.
  bool AssumeAll = false;

private:
  class Patterns;
  std::unique_ptr<Patterns> BlockedFns, BlockedTypes, BlockedItems,
      BlockedVars;
};

// Parses Header with the compile command of CommandOf. Returns false when
// the header does not compile; Clang has then printed why.
bool takeBindingsInventory(const clang::tooling::CompilationDatabase &DB,
                           const std::string &CommandOf,
                           const std::string &Header, BindingsInventory &Out);

} // namespace h2r::frontend

#endif
