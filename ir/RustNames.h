//===- ir/RustNames.h - C identifiers as Rust identifiers ------*- C++ -*-===//
#ifndef H2R_IR_RUSTNAMES_H
#define H2R_IR_RUSTNAMES_H

#include <string>

namespace h2r::ir {

// True for Rust's strict and reserved keywords in any edition.
bool isRustKeyword(const std::string &Name);

// A C identifier made usable in Rust the way bindgen does it: keywords get a
// trailing underscore (`type` -> `type_`).
std::string rustIdent(const std::string &CName);

// The setter bindgen writes for a bitfield whose accessor is RustName:
// `set_` and the C name, unescaped (`type_` -> `set_type`).
std::string bitfieldSetter(const std::string &RustName);

} // namespace h2r::ir

#endif
