//===- ir/Type.h - Rust-shaped types of the translation IR -----*- C++ -*-===//
//
// The IR speaks in Rust types: C types are mapped once, in the frontend, and
// everything downstream (passes, emitter, reports) sees only these.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_IR_TYPE_H
#define H2R_IR_TYPE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace h2r::ir {

class Type;
using TypeRef = std::shared_ptr<const Type>;

class Type {
public:
  enum class Kind {
    Unit,    // ()
    Never,   // ! (noreturn calls and functions)
    Bool,    // bool
    Int,     // i8..i128, u8..u128, isize, usize
    Float,   // f32, f64
    CVoid,   // core::ffi::c_void, only behind a pointer
    Pointer, // *const T / *mut T
    Array,   // [T; N]
    Record,  // a struct or union, by its (bindgen-style) name
    FnPtr,   // Option<unsafe extern "C" fn(..) -> R>
    Newtype, // a C enum bindgen wraps (--newtype-enum): `Name(pub Int)`
    Tuple,   // (T, U): only results of core methods such as overflowing_mul
  };

  static TypeRef unit();
  static TypeRef never();
  static TypeRef boolean();
  static TypeRef integer(unsigned Bits, bool Signed, bool PointerSized = false);
  static TypeRef floating(unsigned Bits);
  static TypeRef cvoid();
  static TypeRef pointer(TypeRef Pointee, bool PointeeConst);
  static TypeRef array(TypeRef Elem, uint64_t Count);
  static TypeRef record(std::string Name);
  static TypeRef fnPtr(TypeRef Ret, std::vector<TypeRef> Params, bool Variadic);
  static TypeRef newtype(std::string Name, TypeRef Repr);
  static TypeRef tuple(std::vector<TypeRef> Elems);

  Kind kind() const { return K; }
  bool isInt() const { return K == Kind::Int; }
  bool isPointer() const { return K == Kind::Pointer; }
  bool isBool() const { return K == Kind::Bool; }
  bool isUnit() const { return K == Kind::Unit; }
  bool isNever() const { return K == Kind::Never; }
  bool isNewtype() const { return K == Kind::Newtype; }

  // Int.
  unsigned bits() const { return Bits; }
  bool isSigned() const { return Signed; }
  bool isPointerSized() const { return PointerSized; }
  // Pointer / Array.
  const TypeRef &pointee() const { return Inner; }
  bool isPointeeConst() const { return PointeeConst; }
  const TypeRef &element() const { return Inner; }
  uint64_t count() const { return Count; }
  // Record, Newtype.
  const std::string &name() const { return Name; }
  // Newtype: the integer it wraps.
  const TypeRef &repr() const { return Inner; }
  // FnPtr.
  const TypeRef &returnType() const { return Inner; }
  const std::vector<TypeRef> &params() const { return Params; }
  bool isVariadic() const { return Variadic; }
  // Tuple.
  const std::vector<TypeRef> &elements() const { return Params; }

  // Structural equality (records compare by name).
  bool equals(const Type &O) const;

  // The primitive spelling of an integer type ("u32", "isize").
  std::string intName() const;

private:
  explicit Type(Kind K) : K(K) {}
  Kind K;
  unsigned Bits = 0;
  bool Signed = false;
  bool PointerSized = false;
  bool PointeeConst = false;
  bool Variadic = false;
  uint64_t Count = 0;
  TypeRef Inner;
  std::vector<TypeRef> Params;
  std::string Name;
};

inline bool sameType(const TypeRef &A, const TypeRef &B) {
  return A == B || (A && B && A->equals(*B));
}

} // namespace h2r::ir

#endif
