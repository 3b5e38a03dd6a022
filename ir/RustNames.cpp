#include "ir/RustNames.h"

#include <set>

namespace h2r::ir {

bool isRustKeyword(const std::string &Name) {
  static const std::set<std::string> Keywords = {
      "abstract", "as",      "async",  "await",   "become", "box",
      "break",    "const",   "continue", "crate", "do",     "dyn",
      "else",     "enum",    "extern", "false",   "final",  "fn",
      "for",      "gen",     "if",     "impl",    "in",     "let",
      "loop",     "macro",   "match",  "mod",     "move",   "mut",
      "override", "priv",    "pub",    "ref",     "return", "self",
      "Self",     "static",  "struct", "super",   "trait",  "true",
      "try",      "type",    "typeof", "unsafe",  "unsized", "use",
      "virtual",  "where",   "while",  "yield",   "_"};
  return Keywords.count(Name) != 0;
}

std::string rustIdent(const std::string &CName) {
  return isRustKeyword(CName) ? CName + "_" : CName;
}

std::string bitfieldSetter(const std::string &RustName) {
  std::string C = RustName;
  if (!C.empty() && C.back() == '_' && isRustKeyword(C.substr(0, C.size() - 1)))
    C.pop_back();
  return "set_" + C;
}

} // namespace h2r::ir
