//===- TypeLowering.h - C types to IR types ---------------------*- C++ -*-===//
//
// Maps C types to the IR's Rust types the way bindgen does (so the output
// agrees with `bindings::`), names anonymous records and members with
// bindgen's scheme, and, for `--types=self`, lays out each record from
// Clang's ASTRecordLayout.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_TYPES_TYPELOWERING_H
#define H2R_FRONTEND_TYPES_TYPELOWERING_H

#include "frontend/kernel/BindingsInventory.h"
#include "frontend/kernel/KernelProfile.h"
#include "frontend/lowering/LoweringFailure.h"
#include "ir/Module.h"
#include "ir/Report.h"

#include "clang/AST/Type.h"

#include <map>
#include <regex>
#include <set>

namespace clang {
class ASTContext;
class FieldDecl;
class RecordDecl;
} // namespace clang

namespace h2r::frontend {

// How the bindings the output refers to type things.
struct TypeOptions {
  // bindgen --opaque-type patterns: records whose members stay hidden.
  std::vector<std::string> OpaquePatterns;
  // The tree's `ffi` crate; empty: Clang's own C types (core::ffi).
  ScalarMapping Scalars;
  // bindgen --newtype-enum patterns: enums bindgen wraps in a tuple struct.
  std::vector<std::string> NewtypeEnums;
  // What the bindings hold; null: every record is assumed there.
  const BindingsInventory *Bindings = nullptr;
  // --types=self: the output defines the records, so Rust must be able to
  // lay them out; in bindgen mode bindgen's definitions stand.
  bool DefinesRecords = false;
};

class TypeLowering {
public:
  explicit TypeLowering(clang::ASTContext &Ctx, const TypeOptions &Opts = {});

  // A value's type: `void` becomes `()`. Throws LoweringFailure.
  ir::TypeRef lower(clang::QualType T);
  // A pointee's type: `void` becomes `c_void`.
  ir::TypeRef lowerPointee(clang::QualType T);
  // A member's type: a flexible array member becomes `[T; 0]`.
  ir::TypeRef lowerField(clang::QualType T);

  std::string recordName(const clang::RecordDecl *RD);
  // True if the bindings make this record opaque (bindgen --opaque-type).
  bool isOpaque(const clang::RecordDecl *RD);
  // True if RD is opaque or an anonymous record inside an opaque one: its
  // members have no name in the bindings, only an offset.
  bool isInsideOpaque(const clang::RecordDecl *RD);
  // True for `struct ns_tree;` inside a record (-fms-extensions): an
  // unnamed member of a named record type, which bindgen 0.60 leaves out
  // (padding in its place), so it is reached by offset in bindgen mode.
  bool isMsAnonymousMember(const clang::FieldDecl *FD) const;
  // True for a union bindgen cannot make a Rust `union` (a member is not
  // Copy to bindgen, or it has no size): bindgen writes a struct of
  // `__BindgenUnionField<T>` members instead.
  bool isBindgenWrapperUnion(const clang::RecordDecl *RD);
  // Whether bindgen derives Copy for T (its derive analysis, with the
  // blocklists of the bindings).
  bool bindgenDerivesCopy(clang::QualType T);
  // The members of RD have no usable name in the bindings: they are reached
  // by byte offset (either of the two above).
  bool membersByOffset(const clang::RecordDecl *RD) {
    return isInsideOpaque(RD) || isBindgenWrapperUnion(RD);
  }
  // Members of RD (opaque) are reached by offset: remember its layout.
  void noteOffsetAccess(const clang::RecordDecl *RD);
  const std::vector<ir::OpaqueLayout> &opaqueLayouts() const {
    return OffsetAccessed;
  }
  std::string fieldName(const clang::FieldDecl *FD);

  // Records reached so far, in first-use order, laid out for `--types=self`.
  const std::vector<ir::RecordDef> &records() const { return Records; }

  // The shape of a C type for the report's signatures.
  ir::ValueShape shape(clang::QualType T);

private:
  ir::TypeRef lowerImpl(clang::QualType T, bool AsPointee, bool AsField);
  ir::TypeRef lowerBuiltin(const clang::BuiltinType *BT, clang::QualType T);
  ir::TypeRef lowerRecord(const clang::RecordDecl *RD, bool AsPointee);
  void layoutRecord(const clang::RecordDecl *Def, ir::RecordDef &R);
  void finishUnion(const clang::RecordDecl *Def, ir::RecordDef &R);
  unsigned packedTo(const clang::RecordDecl *Def, uint64_t Align);
  void layoutOpaqueRecord(const clang::RecordDecl *Def, ir::RecordDef &R);
  void nameAnonymousMembers(const clang::RecordDecl *RD);
  uint64_t rustAlign(clang::QualType C);
  void rejectInPacked(const ir::TypeRef &Member, const ir::RecordDef &Packed);

  clang::ASTContext &Ctx;
  std::map<const clang::RecordDecl *, std::string> RecordNames;
  std::map<const clang::FieldDecl *, std::string> FieldNames;
  std::set<const clang::RecordDecl *> Laidout;
  std::map<const clang::RecordDecl *, LoweringFailure> LayoutFailures;
  std::vector<ir::RecordDef> Records;
  std::vector<ir::OpaqueLayout> OffsetAccessed;
  std::map<const clang::RecordDecl *, bool> BindgenCopy;
  unsigned NextTopLevelAnon = 1;
  // Anonymous records declared in a function body, numbered per function.
  std::map<const clang::Decl *, unsigned> LocalAnonCount;
  std::vector<std::regex> Opaque, NewtypeEnums;
  ScalarMapping Scalars;
  const BindingsInventory *Bindings;
  bool DefinesRecords;
};

} // namespace h2r::frontend

#endif
