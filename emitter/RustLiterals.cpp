//===- emitter/RustLiterals.cpp - Byte strings and string literals -------===//
//
// How the printer spells text: a C string literal's bytes as `b"..."`
// (printable ASCII as is, the rest `\xNN`), an asm! template as a string
// literal.
//
//===----------------------------------------------------------------------===//
#include "emitter/Printer.h"

namespace h2r::emit {

std::string escapeByteString(const std::string &Bytes) {
  std::string Out = "b\"";
  static const char *Hex = "0123456789abcdef";
  for (unsigned char C : Bytes) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += static_cast<char>(C);
    } else if (C >= 0x20 && C < 0x7f) {
      Out += static_cast<char>(C);
    } else {
      Out += "\\x";
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out + "\"";
}

std::string rustStringLiteral(const std::string &Text) {
  std::string Out = "\"";
  for (char C : Text) {
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\t':
      Out += "\\t";
      break;
    default:
      Out += C;
    }
  }
  return Out + "\"";
}

} // namespace h2r::emit
