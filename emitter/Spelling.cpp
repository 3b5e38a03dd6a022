//===- emitter/Spelling.cpp - Types, items and literals in Rust -----------===//
//
// How the output spells a type, a path to an item or the bindings, and an
// integer literal, as seen from where the code sits.
//
//===----------------------------------------------------------------------===//
#include "emitter/Spelling.h"

#include <sstream>

namespace h2r::emit {

using namespace ir;

Spelling::Spelling(const Module &M, const EmitOptions &Opts) : Opts(Opts) {
  for (const RecordDef &R : M.Records)
    if (R.FunctionLocal)
      OwnRecords.insert(R.Name);
}

std::string Spelling::fnPtrSignature(const Type &T) const {
  std::string S = "unsafe extern \"C\" fn(";
  for (size_t I = 0; I < T.params().size(); ++I) {
    if (I)
      S += ", ";
    S += type(*T.params()[I]);
  }
  if (T.isVariadic())
    S += T.params().empty() ? "..." : ", ...";
  S += ")";
  if (!T.returnType()->isUnit())
    S += " -> " + type(*T.returnType());
  return S;
}

std::string Spelling::type(const Type &T) const {
  switch (T.kind()) {
  case Type::Kind::Unit:
    return "()";
  case Type::Kind::Never:
    return "!";
  case Type::Kind::Bool:
    return "bool";
  case Type::Kind::Int:
    return T.intName();
  case Type::Kind::Float:
    return T.bits() == 32 ? "f32" : "f64";
  case Type::Kind::CVoid:
    return "core::ffi::c_void";
  case Type::Kind::Pointer:
    return std::string(T.isPointeeConst() ? "*const " : "*mut ") +
           type(*T.pointee());
  case Type::Kind::Array:
    return "[" + type(*T.element()) + "; " + std::to_string(T.count()) + "]";
  case Type::Kind::Record:
    if (Opts.Types == TypeMode::Bindgen && !OwnRecords.count(T.name()))
      return bindingsType(T.name());
    return (Where == Scope::Inlines ? "super::" : "") + T.name();
  case Type::Kind::FnPtr:
    return "Option<" + fnPtrSignature(T) + ">";
  case Type::Kind::Newtype:
    return bindingsType(T.name());
  case Type::Kind::Tuple: {
    std::string Out = "(";
    for (const auto &E : T.elements())
      Out += (Out.size() > 1 ? ", " : "") + type(*E);
    return Out + ")";
  }
  }
  return "()";
}

// BindingsPath is written as seen from the output's top level: `crate::..`
// and `::..` hold everywhere, a relative path is one level further up from
// `inlines`.
std::string Spelling::bindingsItem(const std::string &Name) const {
  const std::string &Path = Opts.BindingsPath;
  bool Absolute = Path.rfind("crate::", 0) == 0 || Path == "crate" ||
                  Path.rfind("::", 0) == 0;
  std::string Prefix = Path + "::";
  if (Where == Scope::Inlines && !Absolute)
    Prefix = "super::" + Prefix;
  return Prefix + Name;
}

std::string Spelling::bindingsType(const std::string &Name) const {
  if (!Opts.BindingsInScope)
    return bindingsItem(Name);
  return (Where == Scope::Inlines ? "super::" : "") + Name;
}

std::string Spelling::itemPath(const Symbol &Sym) const {
  switch (Sym.Kind) {
  case SymbolKind::InlineFn:
    return (Where == Scope::Top ? "inlines::" : "") + Sym.Name;
  case SymbolKind::BindingsFn:
  case SymbolKind::BindingsStatic:
    return bindingsItem(Sym.Name);
  case SymbolKind::HelperFn:
  case SymbolKind::ShimFn:
  case SymbolKind::ExternFn:
  case SymbolKind::ExternStatic:
    return (Where == Scope::Inlines ? "super::" : "") + Sym.Name;
  case SymbolKind::LocalStatic:
  case SymbolKind::Core:
    return Sym.Name;
  }
  return Sym.Name;
}

std::string Spelling::intLiteral(uint64_t Bits, const Type &T,
                                int &Prec) const {
  unsigned W = T.bits();
  std::string Suffix = T.intName();
  Prec = PrecPrimary;
  if (T.isSigned()) {
    int64_t V;
    if (W >= 64)
      V = static_cast<int64_t>(Bits);
    else {
      uint64_t SignBit = uint64_t(1) << (W - 1);
      uint64_t Masked = Bits & ((SignBit << 1) - 1);
      V = (Masked & SignBit) ? static_cast<int64_t>(Masked) -
                                   static_cast<int64_t>(SignBit << 1)
                             : static_cast<int64_t>(Masked);
    }
    if (V < 0) {
      uint64_t Mag = uint64_t(0) - static_cast<uint64_t>(V);
      if (W <= 64 && Mag == (uint64_t(1) << (W - 1)))
        return Suffix + "::MIN";
      Prec = PrecUnary;
      return "-" + std::to_string(Mag) + "_" + Suffix;
    }
    return std::to_string(V) + "_" + Suffix;
  }
  if (W < 64)
    Bits &= (uint64_t(1) << W) - 1;
  if (Bits >= 0x10000) {
    std::ostringstream OS;
    OS << "0x" << std::hex << Bits << "_" << Suffix;
    return OS.str();
  }
  return std::to_string(Bits) + "_" + Suffix;
}

std::string Spelling::pattern(uint64_t V, const Type &T) const {
  int Prec;
  return intLiteral(V, T, Prec);
}

std::string Spelling::literal(const Expr &E, int &Prec) const {
  Prec = PrecPrimary;
  if (E.Kind == ExprKind::IntLit)
    return intLiteral(E.IntValue, *E.Ty, Prec);
  if (E.Kind == ExprKind::BoolLit)
    return E.IntValue ? "true" : "false";
  if (E.Kind == ExprKind::FloatLit)
    return E.Text + "_" + type(*E.Ty);
  if (E.Kind == ExprKind::NullPtr && E.Ty->kind() == Type::Kind::FnPtr)
    return "None";
  if (E.Kind == ExprKind::NullPtr)
    return std::string(E.Ty->isPointeeConst() ? "core::ptr::null::<"
                                              : "core::ptr::null_mut::<") +
           type(*E.Ty->pointee()) + ">()";
  if (E.Kind == ExprKind::Zeroed)
    return "core::mem::zeroed::<" + type(*E.Ty) + ">()";
  return "()"; // Unit
}

} // namespace h2r::emit
