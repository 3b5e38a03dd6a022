#include "frontend/types/TypeLowering.h"
#include "frontend/lowering/LoweringFailure.h"
#include "ir/RustNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/TargetInfo.h"

namespace h2r::frontend {

using namespace clang;
using ir::Type;
using ir::TypeRef;

// The first typedef in T's chain of sugar (`size_t` -> `__kernel_size_t`
// -> ...) that Pred accepts, or null.
static const TypedefType *
findTypedef(QualType T, const ASTContext &Ctx,
            llvm::function_ref<bool(const TypedefType *)> Pred) {
  for (QualType Cur = T;;) {
    if (const auto *TT = dyn_cast<TypedefType>(Cur.getTypePtr()); TT && Pred(TT))
      return TT;
    QualType Next = Cur.getSingleStepDesugaredType(Ctx);
    if (Next == Cur)
      return nullptr;
    Cur = Next;
  }
}

// bindgen maps these typedefs to Rust's pointer-sized integers (size_t and
// ssize_t under --size_t-is-usize, which the kernel passes). The kernel's
// bindgen_parameters (6.12 on) blocklist the __kernel_ ones and its bindings
// crate defines them pointer-sized, privately: the bindings use them, the
// output cannot name them.
static const char *pointerSizedTypedef(QualType T, const ASTContext &Ctx,
                                       const BindingsInventory *Bindings) {
  const char *Rust = nullptr;
  findTypedef(T, Ctx, [&](const TypedefType *TT) {
    StringRef Name = TT->getDecl()->getName();
    bool KernelDefined = Bindings && Bindings->blocksType(Name.str());
    if (Name == "size_t" || Name == "uintptr_t" ||
        (KernelDefined && Name == "__kernel_size_t"))
      Rust = "usize";
    else if (Name == "ssize_t" || Name == "intptr_t" ||
             (KernelDefined &&
              (Name == "__kernel_ssize_t" || Name == "__kernel_ptrdiff_t")))
      Rust = "isize";
    return Rust != nullptr;
  });
  return Rust;
}

// `core::ffi::c_char`: unsigned where the platform ABI makes `char`
// unsigned (the arches Clang's driver defaults to -funsigned-char on Linux).
static bool platformCharSigned(const ASTContext &Ctx) {
  switch (Ctx.getTargetInfo().getTriple().getArch()) {
  case llvm::Triple::aarch64:
  case llvm::Triple::aarch64_be:
  case llvm::Triple::arm:
  case llvm::Triple::armeb:
  case llvm::Triple::thumb:
  case llvm::Triple::thumbeb:
  case llvm::Triple::ppc:
  case llvm::Triple::ppc64:
  case llvm::Triple::ppc64le:
  case llvm::Triple::riscv32:
  case llvm::Triple::riscv64:
  case llvm::Triple::systemz:
  case llvm::Triple::hexagon:
  case llvm::Triple::msp430:
  case llvm::Triple::xcore:
    return false;
  default:
    return true;
  }
}

TypeLowering::TypeLowering(ASTContext &Ctx, const TypeOptions &Opts)
    : Ctx(Ctx), Scalars(Opts.Scalars), Bindings(Opts.Bindings),
      DefinesRecords(Opts.DefinesRecords) {
  for (const std::string &P : Opts.OpaquePatterns)
    Opaque.emplace_back(P); // validated by the driver
  for (const std::string &P : Opts.NewtypeEnums)
    NewtypeEnums.emplace_back(P);
}

// The core::ffi alias bindgen writes for a C integer type.
static const char *ffiAlias(BuiltinType::Kind K) {
  switch (K) {
  case BuiltinType::Char_S:
  case BuiltinType::Char_U:
    return "c_char";
  case BuiltinType::SChar:
    return "c_schar";
  case BuiltinType::UChar:
    return "c_uchar";
  case BuiltinType::Short:
    return "c_short";
  case BuiltinType::UShort:
    return "c_ushort";
  case BuiltinType::Int:
    return "c_int";
  case BuiltinType::UInt:
    return "c_uint";
  case BuiltinType::Long:
    return "c_long";
  case BuiltinType::ULong:
    return "c_ulong";
  case BuiltinType::LongLong:
    return "c_longlong";
  case BuiltinType::ULongLong:
    return "c_ulonglong";
  default:
    return nullptr;
  }
}

bool TypeLowering::isOpaque(const RecordDecl *RD) {
  std::string Name = recordName(RD);
  for (const std::regex &R : Opaque)
    if (std::regex_match(Name, R))
      return true;
  return false;
}

bool TypeLowering::isInsideOpaque(const RecordDecl *RD) {
  for (; RD; RD = dyn_cast<RecordDecl>(RD->getParent())) {
    if (isOpaque(RD))
      return true;
    if (RD->getIdentifier() || RD->getTypedefNameForAnonDecl())
      return false;
  }
  return false;
}

bool TypeLowering::isMsAnonymousMember(const FieldDecl *FD) const {
  return !DefinesRecords && FD->getName().empty() && !FD->isBitField() &&
         !FD->isAnonymousStructOrUnion() && FD->getType()->isRecordType();
}

bool TypeLowering::isBindgenWrapperUnion(const RecordDecl *RD) {
  if (DefinesRecords || !RD->isUnion() || !RD->getDefinition())
    return false;
  const RecordDecl *Def = RD->getDefinition();
  if (Ctx.getASTRecordLayout(Def).getSize().isZero())
    return true;
  for (const FieldDecl *F : Def->fields())
    if (!F->isBitField() && !bindgenDerivesCopy(F->getType()))
      return true;
  return false;
}

// bindgen's derive analysis for Copy: a pointer or a scalar is Copy; a
// zero-length or flexible array is not (__IncompleteArrayField); a type the
// blocklists keep out is not (bindgen cannot see its definition: the
// kernel's __kernel_size_t makes iovec, and so iov_iter's union, not Copy);
// an opaque record is a byte blob, Copy; any other record is Copy when
// every member is.
bool TypeLowering::bindgenDerivesCopy(QualType T) {
  if (Bindings && findTypedef(T, Ctx, [&](const TypedefType *TT) {
        return Bindings->blocksType(TT->getDecl()->getName().str());
      }))
    return false;
  QualType C = T.getCanonicalType();
  if (isa<IncompleteArrayType>(C))
    return false;
  if (const auto *CAT = Ctx.getAsConstantArrayType(C))
    return CAT->getSize() != 0 && bindgenDerivesCopy(CAT->getElementType());
  const auto *RT = C->getAs<RecordType>();
  if (!RT)
    return true;
  const RecordDecl *Def = RT->getDecl()->getDefinition();
  if (!Def || isOpaque(Def))
    return true;
  if (auto It = BindgenCopy.find(Def); It != BindgenCopy.end())
    return It->second;
  // A record reaches itself only through pointers, which stop the walk;
  // the entry still guards against a malformed AST.
  BindgenCopy[Def] = true;
  bool Copy = !(Bindings && Def->getIdentifier() &&
                Bindings->blocksType(Def->getName().str()));
  for (const FieldDecl *F : Def->fields())
    if (Copy && !F->isBitField())
      Copy = bindgenDerivesCopy(F->getType());
  return BindgenCopy[Def] = Copy;
}

void TypeLowering::noteOffsetAccess(const RecordDecl *RD) {
  std::string Name = recordName(RD);
  for (const ir::OpaqueLayout &L : OffsetAccessed)
    if (L.Name == Name)
      return;
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD->getDefinition());
  OffsetAccessed.push_back({Name, static_cast<uint64_t>(L.getSize().getQuantity()),
                            static_cast<uint64_t>(L.getAlignment().getQuantity())});
}

TypeRef TypeLowering::lower(QualType T) { return lowerImpl(T, false, false); }

TypeRef TypeLowering::lowerField(QualType T) { return lowerImpl(T, false, true); }

TypeRef TypeLowering::lowerPointee(QualType T) {
  return lowerImpl(T, true, false);
}

TypeRef TypeLowering::lowerBuiltin(const BuiltinType *BT, QualType T) {
  switch (BT->getKind()) {
  case BuiltinType::Void:
    return Type::unit();
  case BuiltinType::Bool:
    return Type::boolean();
  case BuiltinType::Float:
    return Type::floating(32);
  case BuiltinType::Double:
    return Type::floating(64);
  default:
    break;
  }
  if (BT->isInteger()) {
    unsigned Bits = Ctx.getTypeSize(BT);
    if (const char *PS = pointerSizedTypedef(T, Ctx, Bindings))
      return Type::integer(64, PS[0] == 'i', /*PointerSized=*/true);
    // The tree's `ffi` crate decides, where it agrees with C on the size
    // (its own compile-time assertions demand that).
    if (const char *Alias = ffiAlias(BT->getKind())) {
      auto It = Scalars.find(Alias);
      if (It != Scalars.end() && It->second.Bits == Bits)
        return Type::integer(Bits, It->second.Signed, It->second.PointerSized);
    }
    // Without one, bindgen writes `core::ffi::c_char` for `char`: the
    // platform's default signedness, whatever -f(un)signed-char says.
    if (!DefinesRecords && (BT->getKind() == BuiltinType::Char_S ||
                            BT->getKind() == BuiltinType::Char_U))
      return Type::integer(8, platformCharSigned(Ctx));
    return Type::integer(Bits, BT->isSignedInteger());
  }
  reject("unsupported-type", "type '" + T.getAsString() +
                                 "' has no Rust equivalent here");
}

TypeRef TypeLowering::lowerImpl(QualType T, bool AsPointee, bool AsField) {
  const clang::Type *Canon = T.getCanonicalType().getTypePtr();
  if (const auto *BT = dyn_cast<BuiltinType>(Canon)) {
    if (BT->isVoidType() && AsPointee)
      return Type::cvoid();
    return lowerBuiltin(BT, T);
  }
  if (const auto *ET = dyn_cast<EnumType>(Canon)) {
    const EnumDecl *ED = ET->getDecl();
    QualType Int = ED->getIntegerType();
    // bindgen types an enum from its first declaration: one used before
    // its definition (a GNU extension) is `c_int` in the bindings, whatever
    // its definition makes it in C. Where the bindings header was read, its
    // order decides, not the helper file's.
    const EnumDecl *First = ED->getCanonicalDecl();
    bool DeclaredEarly =
        Bindings && !Bindings->AssumeAll
            ? Bindings->EnumsDeclaredEarly.count(ED->getName().str()) != 0
            : !First->isThisDeclarationADefinition() && !First->isFixed();
    if (!DefinesRecords && DeclaredEarly)
      Int = Ctx.IntTy;
    if (Int.isNull())
      reject("unsupported-type", "enum without a fixed underlying type");
    std::string Name = ED->getName().str();
    if (Name.empty())
      if (const TypedefNameDecl *TD = ED->getTypedefNameForAnonDecl())
        Name = TD->getName().str();
    for (const std::regex &R : NewtypeEnums)
      if (!Name.empty() && std::regex_match(Name, R))
        return Type::newtype(Name, lower(Int));
    return lower(Int);
  }
  // Pointee and element types keep their sugar: `size_t *` is `*mut usize`.
  if (const auto *PT = T->getAs<clang::PointerType>()) {
    QualType Pointee = PT->getPointeeType();
    if (const auto *FPT = Pointee->getAs<FunctionProtoType>()) {
      std::vector<TypeRef> Params;
      for (QualType P : FPT->getParamTypes())
        Params.push_back(lower(P));
      return Type::fnPtr(lower(FPT->getReturnType()), std::move(Params),
                         FPT->isVariadic());
    }
    if (Pointee->isFunctionNoProtoType())
      reject("unsupported-type", "pointer to a function without a prototype");
    return Type::pointer(lowerPointee(Pointee), Pointee.isConstQualified());
  }
  if (const auto *CAT = Ctx.getAsConstantArrayType(T))
    return Type::array(lower(CAT->getElementType()),
                       CAT->getSize().getZExtValue());
  if (const auto *IAT = Ctx.getAsIncompleteArrayType(T)) {
    if (!AsField)
      reject("unsupported-type", "incomplete array type outside a record");
    return Type::array(lower(IAT->getElementType()), 0);
  }
  if (const auto *RT = dyn_cast<RecordType>(Canon))
    return lowerRecord(RT->getDecl(), AsPointee);
  if (isa<VariableArrayType>(Canon))
    reject("variable-length-array", "variable-length array type");
  if (isa<AtomicType>(Canon))
    reject("atomic-type", "_Atomic type '" + T.getAsString() + "'");
  if (isa<VectorType>(Canon))
    reject("vector-type", "vector type '" + T.getAsString() + "'");
  if (isa<ComplexType>(Canon))
    reject("complex-type", "complex type '" + T.getAsString() + "'");
  if (isa<FunctionType>(Canon))
    reject("unsupported-type", "function type used as a value");
  reject("unsupported-type", "type '" + T.getAsString() + "'");
}

std::string TypeLowering::recordName(const RecordDecl *RD) {
  RD = cast<RecordDecl>(RD->getFirstDecl());
  auto It = RecordNames.find(RD);
  if (It != RecordNames.end())
    return It->second;
  std::string Name;
  if (const auto *Fn =
          dyn_cast_or_null<FunctionDecl>(RD->getParentFunctionOrMethod());
      Fn && !isa<RecordDecl>(RD->getDeclContext())) {
    // Declared in a function body (get_unaligned's `__packed` struct):
    // bindgen never sees it, so the output names it after the function
    // and defines it itself.
    std::string Tag = RD->getIdentifier() ? RD->getName().str()
                      : RD->getTypedefNameForAnonDecl()
                          ? RD->getTypedefNameForAnonDecl()->getName().str()
                          : "anon" + std::to_string(++LocalAnonCount[Fn]);
    Name = ir::rustIdent(Fn->getName().str() + "_" + Tag);
  } else if (const auto *Parent = RD->getDefinition()
                                     ? dyn_cast<RecordDecl>(
                                           RD->getDefinition()
                                               ->getLexicalDeclContext())
                                     : nullptr;
             Parent && RD->getIdentifier()) {
    // A tagged record defined inside another (sk_buff_head's
    // struct_group_tagged): bindgen prefixes the enclosing record's name. A
    // mere `struct page *` member declares nothing of the kind.
    Name = recordName(Parent) + "_" + RD->getName().str();
  } else if (RD->getIdentifier()) {
    Name = ir::rustIdent(RD->getName().str());
  } else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl()) {
    Name = ir::rustIdent(TD->getName().str());
  } else if (const auto *Parent = dyn_cast<RecordDecl>(RD->getDeclContext())) {
    nameAnonymousMembers(Parent);
    It = RecordNames.find(RD);
    if (It != RecordNames.end())
      return It->second;
    Name = recordName(Parent) + "__bindgen_ty_unnamed";
  } else {
    Name = "_bindgen_ty_" + std::to_string(NextTopLevelAnon++);
  }
  RecordNames[RD] = Name;
  return Name;
}

// bindgen numbers anonymous types (`parent__bindgen_ty_N`) and anonymous
// members (`__bindgen_anon_N`) per parent, in declaration order.
void TypeLowering::nameAnonymousMembers(const RecordDecl *Parent) {
  Parent = Parent->getDefinition() ? Parent->getDefinition() : Parent;
  std::string ParentName = recordName(Parent);
  unsigned TyIndex = 0;
  for (const Decl *D : Parent->decls()) {
    const auto *Child = dyn_cast<RecordDecl>(D);
    if (!Child || Child->getIdentifier() || Child->getTypedefNameForAnonDecl())
      continue;
    std::string &Slot = RecordNames[cast<RecordDecl>(Child->getFirstDecl())];
    ++TyIndex;
    if (Slot.empty())
      Slot = ParentName + "__bindgen_ty_" + std::to_string(TyIndex);
  }
  unsigned AnonIndex = 0;
  for (const FieldDecl *FD : Parent->fields())
    if ((FD->isAnonymousStructOrUnion() ||
         (FD->getName().empty() && !FD->isBitField())) &&
        !isMsAnonymousMember(FD))
      FieldNames[FD] = "__bindgen_anon_" + std::to_string(++AnonIndex);
}

std::string TypeLowering::fieldName(const FieldDecl *FD) {
  auto It = FieldNames.find(FD);
  if (It != FieldNames.end())
    return It->second;
  if (FD->getName().empty()) {
    nameAnonymousMembers(FD->getParent());
    It = FieldNames.find(FD);
    if (It != FieldNames.end())
      return It->second;
  }
  std::string Name = ir::rustIdent(FD->getName().str());
  FieldNames[FD] = Name;
  return Name;
}

TypeRef TypeLowering::lowerRecord(const RecordDecl *RD, bool AsPointee) {
  std::string Name = recordName(RD);
  const RecordDecl *Def = RD->getDefinition();
  bool FunctionLocal = RD->getParentFunctionOrMethod() != nullptr;
  const TypedefNameDecl *Typedef = RD->getTypedefNameForAnonDecl();
  if (Bindings && !FunctionLocal && (RD->getIdentifier() || Typedef) &&
      !Bindings->hasRecord(RD->getIdentifier() ? RD->getName().str()
                                               : Typedef->getName().str(),
                           Name))
    reject("not-in-bindings",
           "'" + Name + "' is not in the bindings (bindings_helper.h does "
           "not reach it, or bindgen_parameters blocks it)");
  const auto *First = cast<RecordDecl>(RD->getFirstDecl());
  // A record Rust cannot lay out is opaque: pointers to it are fine, its
  // values and members are not.
  auto Failed = LayoutFailures.find(First);
  if (Failed != LayoutFailures.end() && !AsPointee)
    throw Failed->second;
  if (!Laidout.insert(First).second)
    return Type::record(Name);
  size_t Index = Records.size();
  Records.emplace_back();
  Records[Index].Name = Name;
  Records[Index].FunctionLocal = FunctionLocal;
  Records[Index].IsUnion = RD->isUnion();
  Records[Index].DerivesCopy =
      DefinesRecords || !Def || bindgenDerivesCopy(Ctx.getRecordType(Def));
  Records[Index].CSpelling =
      (RD->isUnion() ? "union " : "struct ") +
      (RD->getIdentifier() ? RD->getName().str()
                           : std::string("<anonymous>"));
  if (!Def) {
    Records[Index].Opaque = true;
    return Type::record(Name);
  }
  if (Def->isInvalidDecl())
    reject("unsupported-type", "invalid record '" + Name + "'");
  ir::RecordDef R = Records[Index];
  try {
    if (isOpaque(Def))
      layoutOpaqueRecord(Def, R);
    else
      layoutRecord(Def, R);
  } catch (const LoweringFailure &F) {
    Records[Index].Opaque = true;
    LayoutFailures.emplace(First, F);
    if (!AsPointee)
      throw;
    return Type::record(Name);
  }
  Records[Index] = std::move(R);
  return Type::record(Name);
}

// Plain data: integers, bools, enums, and arrays and records of them. A
// record with a flexible array member, or any pointer, is not: its bytes do
// not say what it holds.
static bool isPlainData(QualType T) {
  QualType C = T.getCanonicalType();
  if (C->isIntegerType() || C->isBooleanType())
    return true;
  if (const auto *A = dyn_cast<clang::ConstantArrayType>(C.getTypePtr()))
    return isPlainData(A->getElementType());
  const auto *RT = C->getAs<clang::RecordType>();
  const clang::RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
  if (!RD || RD->hasFlexibleArrayMember())
    return false;
  for (const clang::FieldDecl *F : RD->fields())
    if (!isPlainData(F->getType()))
      return false;
  return true;
}

ir::ValueShape TypeLowering::shape(QualType T) {
  ir::ValueShape S;
  S.CType = T.getAsString();
  QualType C = T.getCanonicalType();
  if (C->isVoidType()) {
    S.Kind = "void";
  } else if (C->isBooleanType()) {
    S.Kind = "bool";
    S.Bits = 8;
  } else if (C->isIntegerType()) {
    S.Kind = "int";
    S.Bits = Ctx.getTypeSize(C);
    S.Signed = C->isSignedIntegerOrEnumerationType();
  } else if (C->isRealFloatingType()) {
    S.Kind = "float";
    S.Bits = Ctx.getTypeSize(C);
  } else if (C->isFunctionPointerType()) {
    S.Kind = "fnptr";
    S.Bits = 64;
  } else if (const auto *PT = C->getAs<clang::PointerType>()) {
    S.Kind = "pointer";
    S.Bits = 64;
    QualType P = PT->getPointeeType();
    if (!P->isVoidType() && !P->isIncompleteType()) {
      S.PointeeSize = Ctx.getTypeSizeInChars(P).getQuantity();
      S.PointeePlain = isPlainData(P);
    }
  } else {
    S.Kind = "record";
    if (!C->isIncompleteType()) {
      S.Bits = Ctx.getTypeSize(C);
      S.PointeePlain = isPlainData(C);
    }
  }
  return S;
}

} // namespace h2r::frontend
