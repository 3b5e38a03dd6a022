//===- RecordLayout.cpp - Records as #[repr(C)] Rust ----------------------===//
//
// A record's Rust layout from Clang's: its fields, the padding between them
// and its alignment as `#[repr(C)]` (and `packed`, `align`) give them, and
// bitfields as bindgen groups them; a record bindgen makes opaque is bytes
// only.
//
//===----------------------------------------------------------------------===//

#include "frontend/lowering/LoweringFailure.h"
#include "frontend/types/TypeLowering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"

namespace h2r::frontend {

using namespace clang;
using ir::Type;
using ir::TypeRef;

// Rust refuses a `#[repr(align)]` type inside a packed one (E0588), and a
// bitfield accessor takes `&self`, which an unaligned member cannot give
// (E0793).
void TypeLowering::rejectInPacked(const TypeRef &Member,
                                  const ir::RecordDef &Packed) {
  TypeRef T = Member;
  while (T->kind() == Type::Kind::Array)
    T = T->element();
  if (T->kind() != Type::Kind::Record)
    return;
  // Rust's rule is transitive: through unions and structs
  // (x86_msi_data: packed, an anonymous union, a struct of bitfields).
  for (const ir::RecordDef &R : Records) {
    if (R.Name != T->name())
      continue;
    if (R.AlignAttr || !R.Bitfields.empty())
      reject("record-layout",
             Packed.CSpelling + " is packed and holds " + R.CSpelling +
                 (R.AlignAttr ? ", which is aligned" : ", which has bitfields") +
                 ": Rust cannot lay that out");
    for (const ir::RecordMember &M : R.Members)
      if (M.K == ir::RecordMember::Kind::Field)
        rejectInPacked(M.Ty, Packed);
  }
}

uint64_t TypeLowering::rustAlign(QualType C) {
  // Every IR type has the natural alignment of its canonical C type: the
  // records we emit are made to match Clang, and rustc checks that.
  return Ctx.getTypeAlignInChars(C.getCanonicalType()).getQuantity();
}

namespace {

uint64_t alignUp(uint64_t V, uint64_t A) { return (V + A - 1) / A * A; }

// Places members one after another the way #[repr(C)] would, adding padding
// where Clang put a member further on.
class MemberPlacer {
public:
  MemberPlacer(ir::RecordDef &R, unsigned PackedTo)
      : R(R), PackedTo(PackedTo) {}

  void place(ir::RecordMember M, uint64_t Align, uint64_t Size) {
    uint64_t Eff = PackedTo ? std::min<uint64_t>(Align, PackedTo) : Align;
    MaxAlign = std::max(MaxAlign, Eff);
    if (M.Offset % Eff != 0 || M.Offset < Cur)
      reject("record-layout", "member '" + M.Name + "' of " + R.CSpelling +
                                  " is placed where #[repr(C)] cannot put it");
    if (alignUp(Cur, Eff) != M.Offset)
      addPadding(M.Offset - Cur);
    Cur = M.Offset + Size;
    R.Members.push_back(std::move(M));
  }

  void finish(uint64_t Size, uint64_t Align) {
    if (Align > MaxAlign) {
      if (PackedTo)
        reject("record-layout", R.CSpelling + " is both packed and aligned");
      R.AlignAttr = static_cast<unsigned>(Align);
      MaxAlign = Align;
    }
    if (alignUp(Cur, MaxAlign) != Size)
      addPadding(Size - Cur);
  }

private:
  void addPadding(uint64_t Bytes) {
    ir::RecordMember P(ir::RecordMember::Kind::Padding);
    P.Name = "_pad_" + std::to_string(++PadIndex);
    P.Bytes = Bytes;
    P.Offset = Cur;
    R.Members.push_back(std::move(P));
    Cur += Bytes;
  }

  ir::RecordDef &R;
  unsigned PackedTo;
  uint64_t Cur = 0, MaxAlign = 1;
  unsigned PadIndex = 0;
};

} // namespace

// What bindgen makes of an opaque record: bytes of the record's size and
// alignment, nothing to name.
void TypeLowering::layoutOpaqueRecord(const RecordDecl *Def, ir::RecordDef &R) {
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(Def);
  R.Size = L.getSize().getQuantity();
  R.Align = L.getAlignment().getQuantity();
  R.AlignAttr = R.Align > 1 ? static_cast<unsigned>(R.Align) : 0;
  R.IsUnion = false;
  ir::RecordMember Blob(ir::RecordMember::Kind::Padding);
  Blob.Name = "_opaque";
  Blob.Bytes = R.Size;
  R.Members.push_back(std::move(Blob));
}

// The `packed(N)` a record needs: its alignment, where that is less than
// its fields' natural one; 0 where it needs none.
unsigned TypeLowering::packedTo(const RecordDecl *Def, uint64_t Align) {
  uint64_t MaxNatural = 1;
  for (const FieldDecl *FD : Def->fields())
    if (!FD->isBitField())
      MaxNatural = std::max(MaxNatural, rustAlign(FD->getType()));
  return Align < MaxNatural ? static_cast<unsigned>(Align) : 0;
}

// A union's alignment attribute, where its members' natural alignment is
// less, and its tail padding, where its largest member is shorter.
void TypeLowering::finishUnion(const RecordDecl *Def, ir::RecordDef &R) {
  uint64_t Natural = 1, Largest = 0;
  for (const FieldDecl *FD : Def->fields()) {
    if (!FD->isBitField())
      Natural = std::max(Natural, rustAlign(FD->getType()));
    if (!FD->getType()->isIncompleteArrayType())
      Largest = std::max<uint64_t>(
          Largest, Ctx.getTypeSizeInChars(FD->getType()).getQuantity());
  }
  if (R.Align > Natural)
    R.AlignAttr = static_cast<unsigned>(R.Align);
  if (alignUp(Largest, R.Align) != R.Size) {
    ir::RecordMember P(ir::RecordMember::Kind::Padding);
    P.Name = "_pad_1";
    P.Bytes = R.Size;
    R.Members.push_back(std::move(P));
  }
}

void TypeLowering::layoutRecord(const RecordDecl *Def, ir::RecordDef &R) {
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(Def);
  R.Size = L.getSize().getQuantity();
  R.Align = L.getAlignment().getQuantity();

  unsigned PackedTo = packedTo(Def, R.Align);
  R.PackedTo = PackedTo;

  MemberPlacer Placer(R, PackedTo);
  unsigned UnitIndex = 0;
  // The bitfield unit being gathered: [start byte, end bit).
  bool UnitOpen = false;
  uint64_t UnitStart = 0, UnitEndBit = 0;
  auto CloseUnit = [&] {
    if (!UnitOpen)
      return;
    ir::RecordMember U(ir::RecordMember::Kind::BitfieldUnit);
    U.Name = "_bitfield_" + std::to_string(UnitIndex);
    U.Offset = UnitStart;
    U.Bytes = (UnitEndBit + 7) / 8 - UnitStart;
    UnitOpen = false;
    // Union members, storage units included, all start at 0.
    if (Def->isUnion()) {
      R.Members.push_back(std::move(U));
      return;
    }
    Placer.place(U, 1, U.Bytes);
  };

  unsigned Index = 0;
  for (const FieldDecl *FD : Def->fields()) {
    uint64_t OffsetBits = L.getFieldOffset(Index++);
    if (FD->isBitField()) {
      unsigned Width = FD->getBitWidthValue(Ctx);
      if (Width == 0)
        continue;
      if (!UnitOpen || Def->isUnion()) {
        CloseUnit();
        UnitOpen = true;
        ++UnitIndex;
        UnitStart = OffsetBits / 8;
        UnitEndBit = 0;
      }
      UnitEndBit = std::max(UnitEndBit, OffsetBits + Width);
      if (!FD->getName().empty())
        R.Bitfields.push_back({fieldName(FD), lower(FD->getType()),
                               "_bitfield_" + std::to_string(UnitIndex),
                               OffsetBits - UnitStart * 8, Width});
      if (Def->isUnion())
        CloseUnit();
      continue;
    }
    CloseUnit();
    ir::RecordMember M(ir::RecordMember::Kind::Field);
    M.Name = fieldName(FD);
    M.Ty = lowerImpl(FD->getType(), false, /*AsField=*/true);
    if (PackedTo && DefinesRecords)
      rejectInPacked(M.Ty, R);
    M.Offset = OffsetBits / 8;
    uint64_t Size =
        FD->getType()->isIncompleteArrayType()
            ? 0
            : Ctx.getTypeSizeInChars(FD->getType()).getQuantity();
    if (Def->isUnion()) {
      // Union members all start at 0; #[repr(C)] unions do the same.
      R.Members.push_back(std::move(M));
      continue;
    }
    Placer.place(std::move(M), rustAlign(FD->getType()), Size);
  }
  CloseUnit();
  if (Def->isUnion()) {
    finishUnion(Def, R);
    return;
  }
  Placer.finish(R.Size, R.Align);
}

} // namespace h2r::frontend
