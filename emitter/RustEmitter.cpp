//===- emitter/RustEmitter.cpp - IR modules to Rust -----------------------===//
//
// The module's layout: records, extern blocks, helpers, `mod inlines`; each
// function's signature and doc comment.
//
//===----------------------------------------------------------------------===//
#include "emitter/Printer.h"
#include "ir/RustNames.h"
#include "emitter/ShimSources.h"
#include "ir/Walk.h"

#include <sstream>

namespace h2r::emit {

using namespace ir;

// A reviewer sees where the code comes from; clippy::missing_safety_doc
// asks every public unsafe function for its contract.
static void helperDoc(const Function &F, const std::string &Pad,
                      std::ostream &OS) {
  std::string File = F.Loc.File.substr(F.Loc.File.find_last_of('/') + 1);
  OS << Pad << "/// Translation of `" << F.CName << "`";
  if (!File.empty())
    OS << " (" << File << ":" << F.Loc.Line << ")";
  OS << ".\n"
     << Pad << "///\n"
     << Pad << "/// # Safety\n"
     << Pad << "///\n"
     << Pad << "/// The caller must meet the C function's own requirements on "
               "its arguments.\n";
}

static bool transmutesByteToBool(const Expr &E) {
  if (E.Kind == ExprKind::Transmute && E.Ty->isBool())
    return true;
  bool Found = false;
  forEachChild(E, [&](const Expr &C) {
    Found = Found || transmutesByteToBool(C);
  });
  return Found;
}

void Printer::function(const Function &F, Scope S, std::ostream &OS) {
  Fn = &F;
  Spell.Where = S;
  Indent = S == Scope::Inlines ? 1 : 0;
  std::string Pad = indent(Indent);
  if (S == Scope::Top)
    helperDoc(F, Pad, OS);
  if (!F.SpecialisedFor.empty())
    OS << Pad << "/// `" << F.CName << "` for the constants its callers pass: "
       << F.SpecialisedFor << ".\n";
  if (F.NoMangle)
    OS << Pad << "#[no_mangle]\n";
  else
    OS << Pad << "#[inline(always)]\n";
  if (transmutesByteToBool(*F.Body))
    OS << Pad << "// A byte an asm! read is 0 or 1 (a flag output, a C `_Bool`): a "
          "bool as it stands.\n"
       << Pad << "#[allow(clippy::transmute_int_to_bool)]\n";
  OS << Pad << (S == Scope::Inlines ? "pub(super) " : "pub ") << "unsafe "
     << (F.ExternAbi ? "extern \"C\" " : "") << "fn " << F.RustName << "(";
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Local &L = F.Locals[F.Params[I]];
    if (I)
      OS << ", ";
    OS << (L.Mutable ? "mut " : "") << L.Name << ": " << Spell.type(*L.Ty);
  }
  OS << ")";
  if (!F.Ret->isUnit())
    OS << " -> " << Spell.type(*F.Ret);
  OS << " " << block(*F.Body, Indent) << "\n";
  Fn = nullptr;
}

namespace {

std::string hexMask(unsigned Width) {
  std::ostringstream OS;
  uint64_t Mask = Width >= 64 ? ~uint64_t(0) : (uint64_t(1) << Width) - 1;
  OS << "0x" << std::hex << Mask << "_u128";
  return OS.str();
}

// `(x >> n)`, or just `x` when n is 0 (clippy::identity_op).
std::string shifted(const std::string &X, const char *Op, uint64_t N) {
  if (N == 0)
    return X;
  return "(" + X + " " + Op + " " + std::to_string(N) + ")";
}

void emitBitfieldAccessors(const RecordDef &R, Printer &P, std::ostream &OS) {
  OS << "impl " << R.Name << " {\n";
  for (const Bitfield &B : R.Bitfields) {
    uint64_t FirstByte = B.BitOffset / 8;
    uint64_t Shift = B.BitOffset % 8;
    uint64_t Bytes = (Shift + B.Width + 7) / 8;
    std::string Range = std::to_string(FirstByte) + ".." +
                        std::to_string(FirstByte + Bytes);
    std::string Ty = P.type(*B.Ty);
    // A union's storage unit is a union field: any bytes are valid for it,
    // but Rust still asks for `unsafe` to read or borrow it.
    std::string Unit = "self." + B.Unit + "[" + Range + "]";
    std::string Read = R.IsUnion ? "unsafe { &" + Unit + " }" : "&" + Unit;
    std::string Write = R.IsUnion ? "unsafe { &mut " + Unit + " }" : Unit;
    std::string Load = "        let mut bytes = [0u8; 16];\n"
                       "        bytes[.." +
                       std::to_string(Bytes) + "].copy_from_slice(" + Read +
                       ");\n";
    OS << "    #[inline]\n    pub fn " << B.Name << "(&self) -> " << Ty
       << " {\n"
       << Load << "        let raw = "
       << shifted("u128::from_le_bytes(bytes)", ">>", Shift) << " & "
       << hexMask(B.Width) << ";\n";
    if (B.Ty->isBool())
      OS << "        raw != 0\n";
    else if (B.Ty->isSigned())
      OS << "        ((raw << " << 128 - B.Width << ") as i128 >> "
         << 128 - B.Width << ") as " << Ty << "\n";
    else
      OS << "        raw as " << Ty << "\n";
    OS << "    }\n";
    OS << "    #[inline]\n    pub fn " << ir::bitfieldSetter(B.Name) << "(&mut self, val: "
       << Ty << ") {\n"
       << Load << "        let mask: u128 = "
       << hexMask(B.Width) << (Shift ? " << " + std::to_string(Shift) : "")
       << ";\n"
       << "        let raw = (u128::from_le_bytes(bytes) & !mask) | ("
       << shifted("(val as u128)", "<<", Shift) << " & mask);\n"
       << "        " << Write << ".copy_from_slice(&raw.to_le_bytes()[.."
       << Bytes << "]);\n"
       << "    }\n";
  }
  OS << "}\n";
}

void emitRecord(const RecordDef &R, Printer &P, const EmitOptions &Opts,
                std::ostream &OS) {
  OS << "/// `" << R.CSpelling << "`\n";
  std::string Repr = "C";
  if (R.PackedTo)
    Repr += ", packed(" + std::to_string(R.PackedTo) + ")";
  if (R.AlignAttr)
    Repr += ", align(" + std::to_string(R.AlignAttr) + ")";
  // A struct the output defines around a bindings record (jbd2_chksum's
  // local `desc`) can promise no more than that record's derives.
  bool Derive = R.IsUnion || R.DerivesCopy;
  OS << "#[repr(" << Repr << ")]\n" << (Derive ? "#[derive(Copy, Clone)]\n" : "")
     << "pub " << (R.IsUnion ? "union " : "struct ") << R.Name << " {\n";
  if (R.Opaque)
    OS << "    _unused: [u8; 0],\n";
  for (const RecordMember &Mem : R.Members) {
    OS << "    pub " << Mem.Name << ": ";
    if (Mem.K == RecordMember::Kind::Field)
      OS << P.type(*Mem.Ty);
    else
      OS << "[u8; " << Mem.Bytes << "]";
    OS << ",\n";
  }
  OS << "}\n";
  if (!R.Bitfields.empty())
    emitBitfieldAccessors(R, P, OS);
  if (R.Opaque)
    return;
  // Clang's layout, checked by rustc at compile time.
  OS << "const _: () = assert!(core::mem::size_of::<" << R.Name
     << ">() == " << R.Size << ");\n";
  OS << "const _: () = assert!(core::mem::align_of::<" << R.Name
     << ">() == " << R.Align << ");\n";
  if (Opts.Version.atLeast(1, 77))
    for (const RecordMember &Mem : R.Members)
      if (Mem.K != RecordMember::Kind::Padding)
        OS << "const _: () = assert!(core::mem::offset_of!(" << R.Name
           << ", " << Mem.Name << ") == " << Mem.Offset << ");\n";
}

void emitExternSignature(const ExternFn &F, Printer &P, std::ostream &OS) {
  OS << "fn " << F.Name << "(";
  for (size_t I = 0; I < F.Params.size(); ++I)
    OS << (I ? ", " : "") << "arg" << I << ": " << P.type(*F.Params[I]);
  if (F.Variadic)
    OS << (F.Params.empty() ? "..." : ", ...");
  OS << ")";
  if (!F.Ret->isUnit())
    OS << " -> " << P.type(*F.Ret);
  OS << ";\n";
}

bool callsShim(const Expr &E, const std::string &Name) {
  if (E.Kind == ExprKind::Call && E.Sym.Kind == SymbolKind::ShimFn &&
      E.Sym.Name == Name)
    return true;
  bool Found = false;
  forEachChild(E, [&](const Expr &C) { Found = Found || callsShim(C, Name); });
  return Found;
}

bool callsShim(const Module &M, const std::string &Name) {
  for (const Function &F : M.Functions)
    if (F.Body && callsShim(*F.Body, Name))
      return true;
  return false;
}

// C signatures, declared as C has them (and as bindgen does); a pointer to a
// struct that is empty in this configuration (lockdep off) is still fine.
const char *const ExternBlockHeader = "#[allow(improper_ctypes)]\n"
                                      "extern \"C\" {\n";

} // namespace

std::string emitType(const Type &T, const EmitOptions &Opts) {
  Module Empty;
  return Spelling(Empty, Opts).type(T);
}

namespace {

// Opaque records reached by offset: the offsets are Clang's, for this
// layout (self mode's records assert their own).
void emitOpaqueLayouts(const Module &M, Printer &P, std::ostream &OS) {
  OS << "// Opaque in the bindings, reached by byte offset: the layout the "
        "offsets assume.\n";
  for (const OpaqueLayout &L : M.OpaqueLayouts) {
    std::string Ty = P.type(*Type::record(L.Name));
    OS << "const _: () = assert!(core::mem::size_of::<" << Ty
       << ">() == " << L.Size << ");\n";
    OS << "const _: () = assert!(core::mem::align_of::<" << Ty
       << ">() == " << L.Align << ");\n";
  }
  OS << "\n";
}

// What the bindings lack, the output declares; beside bindings (in the
// kernel's bindings crate) it keeps these to itself. Then the helpers left
// to C.
void emitExternBlocks(const Module &M, Printer &P, const EmitOptions &Opts,
                      std::ostream &OS) {
  if (!M.ExternFns.empty() || !M.ExternStatics.empty()) {
    const char *Vis = Opts.Types == TypeMode::Self ? "pub " : "";
    if (Opts.Types == TypeMode::Bindgen)
      OS << "// C items the bindings do not declare.\n";
    OS << ExternBlockHeader;
    for (const ExternFn &F : M.ExternFns) {
      if (!F.LinkName.empty())
        OS << "    #[link_name = \"" << F.LinkName << "\"]\n";
      OS << "    " << Vis;
      emitExternSignature(F, P, OS);
    }
    for (const ExternStatic &S : M.ExternStatics)
      OS << "    " << Vis << "static mut " << S.Name << ": " << P.type(*S.Ty)
         << ";\n";
    OS << "}\n\n";
  }
  if (!M.Fallbacks.empty()) {
    OS << "// Helpers left to the C side (see the coverage report).\n"
       << ExternBlockHeader;
    for (const FallbackDecl &F : M.Fallbacks) {
      OS << "    #[link_name = \"" << F.CName << "\"]\n    pub ";
      ExternFn Sig = F.Signature;
      Sig.Name = F.RustName;
      emitExternSignature(Sig, P, OS);
    }
    OS << "}\n\n";
  }
}

// The helpers at the top, the static inline functions they reach in a
// module of their own.
void emitFunctions(const Module &M, Printer &P, std::ostream &OS) {
  bool AnyInline = false;
  for (const Function &F : M.Functions) {
    if (F.FnRole == Function::Role::Inline) {
      AnyInline = true;
      continue;
    }
    P.function(F, Scope::Top, OS);
    OS << "\n";
  }
  if (!AnyInline)
    return;
  OS << "/// The static inline functions the helpers reach.\nmod inlines {\n";
  bool First = true;
  for (const Function &F : M.Functions) {
    if (F.FnRole != Function::Role::Inline)
      continue;
    if (!First)
      OS << "\n";
    First = false;
    P.function(F, Scope::Inlines, OS);
  }
  OS << "}\n";
}

// The translations the bindings' C functions of the same names hide, for
// the in-kernel differential suite.
void emitHiddenHelpers(const EmitOptions &Opts, std::ostream &OS) {
  OS << "\n/// The translations that the bindings' C functions of the same "
        "names hide\n/// (`bindings::"
     << Opts.HiddenHelpers.front()
     << "` is C's), for the in-kernel differential suite.\npub mod "
     << HiddenHelpersModule << " {\n    pub use super::";
  bool Several = Opts.HiddenHelpers.size() > 1;
  OS << (Several ? "{" : "");
  for (size_t I = 0; I != Opts.HiddenHelpers.size(); ++I)
    OS << (I ? ", " : "") << Opts.HiddenHelpers[I];
  OS << (Several ? "}" : "") << ";\n}\n";
}

} // namespace

std::string emitModule(const Module &M, const EmitOptions &Opts) {
  std::ostringstream OS;
  Printer P(M, Opts);
  if (!Opts.Banner.empty()) {
    std::istringstream Lines(Opts.Banner);
    for (std::string L; std::getline(Lines, L);)
      OS << "// " << L << "\n";
    OS << "\n";
  }
  for (const RecordDef &R : M.Records)
    if (Opts.Types == TypeMode::Self || R.FunctionLocal) {
      emitRecord(R, P, Opts, OS);
      OS << "\n";
    }
  if (Opts.Types == TypeMode::Bindgen && !M.OpaqueLayouts.empty())
    emitOpaqueLayouts(M, P, OS);
  // The shims the translation calls, verbatim from runtime-shims/.
  for (const ShimSource &S : ShimSources)
    if (callsShim(M, S.Function))
      OS << "// " << S.File << " (helpers2rs)\n" << S.Text << "\n";
  emitExternBlocks(M, P, Opts, OS);
  emitFunctions(M, P, OS);
  if (!Opts.HiddenHelpers.empty())
    emitHiddenHelpers(Opts, OS);
  return OS.str();
}

std::vector<std::pair<std::string, std::string>>
emitFunctionItems(const Module &M, const EmitOptions &Opts) {
  Printer P(M, Opts);
  std::vector<std::pair<std::string, std::string>> Items;
  for (const Function &F : M.Functions) {
    std::ostringstream OS;
    P.function(F, F.FnRole == Function::Role::Inline ? Scope::Inlines
                                                     : Scope::Top,
               OS);
    Items.emplace_back(F.CName, OS.str());
  }
  return Items;
}

} // namespace h2r::emit
