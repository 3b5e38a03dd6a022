#include "ir/Type.h"

namespace h2r::ir {

TypeRef Type::unit() {
  static const TypeRef T(new Type(Kind::Unit));
  return T;
}

TypeRef Type::never() {
  static const TypeRef T(new Type(Kind::Never));
  return T;
}

TypeRef Type::boolean() {
  static const TypeRef T(new Type(Kind::Bool));
  return T;
}

TypeRef Type::integer(unsigned Bits, bool Signed, bool PointerSized) {
  auto *T = new Type(Kind::Int);
  T->Bits = Bits;
  T->Signed = Signed;
  T->PointerSized = PointerSized;
  return TypeRef(T);
}

TypeRef Type::floating(unsigned Bits) {
  auto *T = new Type(Kind::Float);
  T->Bits = Bits;
  return TypeRef(T);
}

TypeRef Type::cvoid() {
  static const TypeRef T(new Type(Kind::CVoid));
  return T;
}

TypeRef Type::pointer(TypeRef Pointee, bool PointeeConst) {
  auto *T = new Type(Kind::Pointer);
  T->Inner = std::move(Pointee);
  T->PointeeConst = PointeeConst;
  return TypeRef(T);
}

TypeRef Type::array(TypeRef Elem, uint64_t Count) {
  auto *T = new Type(Kind::Array);
  T->Inner = std::move(Elem);
  T->Count = Count;
  return TypeRef(T);
}

TypeRef Type::record(std::string Name) {
  auto *T = new Type(Kind::Record);
  T->Name = std::move(Name);
  return TypeRef(T);
}

TypeRef Type::fnPtr(TypeRef Ret, std::vector<TypeRef> Params, bool Variadic) {
  auto *T = new Type(Kind::FnPtr);
  T->Inner = std::move(Ret);
  T->Params = std::move(Params);
  T->Variadic = Variadic;
  return TypeRef(T);
}

TypeRef Type::newtype(std::string Name, TypeRef Repr) {
  auto *T = new Type(Kind::Newtype);
  T->Name = std::move(Name);
  T->Inner = std::move(Repr);
  return TypeRef(T);
}

TypeRef Type::tuple(std::vector<TypeRef> Elems) {
  auto *T = new Type(Kind::Tuple);
  T->Params = std::move(Elems);
  return TypeRef(T);
}

bool Type::equals(const Type &O) const {
  if (K != O.K)
    return false;
  switch (K) {
  case Kind::Unit:
  case Kind::Never:
  case Kind::Bool:
  case Kind::CVoid:
    return true;
  case Kind::Int:
    return Bits == O.Bits && Signed == O.Signed &&
           PointerSized == O.PointerSized;
  case Kind::Float:
    return Bits == O.Bits;
  case Kind::Pointer:
    return PointeeConst == O.PointeeConst && sameType(Inner, O.Inner);
  case Kind::Array:
    return Count == O.Count && sameType(Inner, O.Inner);
  case Kind::Record:
  case Kind::Newtype:
    return Name == O.Name;
  case Kind::FnPtr:
    if (Variadic != O.Variadic || Params.size() != O.Params.size() ||
        !sameType(Inner, O.Inner))
      return false;
    for (size_t I = 0; I < Params.size(); ++I)
      if (!sameType(Params[I], O.Params[I]))
        return false;
    return true;
  case Kind::Tuple:
    if (Params.size() != O.Params.size())
      return false;
    for (size_t I = 0; I < Params.size(); ++I)
      if (!sameType(Params[I], O.Params[I]))
        return false;
    return true;
  }
  return false;
}

std::string Type::intName() const {
  if (PointerSized)
    return Signed ? "isize" : "usize";
  return (Signed ? "i" : "u") + std::to_string(Bits);
}

} // namespace h2r::ir
