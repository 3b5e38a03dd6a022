//===- report/Highlight.cpp - C and Rust as highlighted HTML --------------===//
//
// A lexer of the few token kinds a reader's eye looks for, not a parser:
// whatever it does not know is copied as text. Rust's lifetimes ('a) are
// told from character literals by the closing quote.
//
//===----------------------------------------------------------------------===//
#include "report/Highlight.h"
#include "ir/RustNames.h"

#include <cctype>
#include <set>

namespace h2r::report {

const char *HighlightStyle =
    ".kw{color:#7928a1}.cm{color:#6a737d;font-style:italic}"
    ".st{color:#0a6b1c}.nu{color:#b35900}.pp{color:#1f5fa8}";

namespace {

const std::set<std::string> CKeywords = {
    "asm",      "auto",       "bool",        "break",  "case",     "char",
    "const",    "continue",   "default",     "do",     "double",   "else",
    "enum",     "extern",     "false",       "float",  "for",      "goto",
    "if",       "inline",     "int",         "long",   "register", "restrict",
    "return",   "short",      "signed",      "sizeof", "static",   "struct",
    "switch",   "true",       "typedef",     "typeof", "union",    "unsigned",
    "void",     "volatile",   "while",       "_Bool",  "_Generic", "__asm__",
    "__inline", "__typeof__", "__volatile__"};

void appendEscaped(std::string &Out, char C) {
  switch (C) {
  case '&':
    Out += "&amp;";
    return;
  case '<':
    Out += "&lt;";
    return;
  case '>':
    Out += "&gt;";
    return;
  case '"':
    Out += "&quot;";
    return;
  }
  Out += C;
}

void appendSpan(std::string &Out, const char *Class, const std::string &Code,
                size_t Begin, size_t End) {
  Out += "<span class=\"";
  Out += Class;
  Out += "\">";
  Out += escapeHtml(Code.substr(Begin, End - Begin));
  Out += "</span>";
}

bool isIdentStart(char C) {
  return std::isalpha(static_cast<unsigned char>(C)) || C == '_';
}

bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

// The end of a quoted literal opened at Begin, past its closing quote (or
// the line's end).
size_t quotedEnd(const std::string &Code, size_t Begin) {
  char Quote = Code[Begin];
  size_t I = Begin + 1;
  while (I < Code.size() && Code[I] != Quote && Code[I] != '\n')
    I += Code[I] == '\\' ? 2 : 1;
  return std::min(I + 1, Code.size());
}

} // namespace

std::string escapeHtml(const std::string &Text) {
  std::string Out;
  for (char C : Text)
    appendEscaped(Out, C);
  return Out;
}

std::string highlightHtml(const std::string &Code, SourceLanguage Language) {
  auto IsKeyword = [Language](const std::string &Word) {
    return Language == SourceLanguage::C ? CKeywords.count(Word) != 0
                                         : ir::isRustKeyword(Word);
  };
  std::string Out;
  bool LineStart = true;
  size_t I = 0;
  while (I < Code.size()) {
    char C = Code[I];
    size_t End = I;
    const char *Class = nullptr;
    if (C == '/' && I + 1 < Code.size() && Code[I + 1] == '/') {
      End = Code.find('\n', I);
      Class = "cm";
    } else if (C == '/' && I + 1 < Code.size() && Code[I + 1] == '*') {
      End = Code.find("*/", I + 2);
      End = End == std::string::npos ? End : End + 2;
      Class = "cm";
    } else if (Language == SourceLanguage::C && C == '#' && LineStart) {
      End = I;
      // A directive runs to the line's end, and on past a backslash.
      while (End < Code.size() && Code[End] != '\n')
        End += Code[End] == '\\' ? 2 : 1;
      Class = "pp";
    } else if (C == '"') {
      End = quotedEnd(Code, I);
      Class = "st";
    } else if (C == '\'') {
      size_t Quoted = quotedEnd(Code, I);
      // 'x' or '\n', not a Rust lifetime ('a, 'static).
      if (Language == SourceLanguage::C || Quoted - I <= 4 ||
          Code[I + 1] == '\\') {
        End = Quoted;
        Class = "st";
      }
    } else if (std::isdigit(static_cast<unsigned char>(C))) {
      End = I;
      // Not into a Rust range (0..n).
      while (End < Code.size() &&
             (isIdentChar(Code[End]) ||
              (Code[End] == '.' && Code.compare(End, 2, "..") != 0)))
        ++End;
      Class = "nu";
    } else if (isIdentStart(C)) {
      End = I;
      while (End < Code.size() && isIdentChar(Code[End]))
        ++End;
      if (IsKeyword(Code.substr(I, End - I)))
        Class = "kw";
      else {
        Out.append(Code, I, End - I);
        LineStart = false;
        I = End;
        continue;
      }
    }
    if (End == std::string::npos)
      End = Code.size();
    if (Class) {
      appendSpan(Out, Class, Code, I, End);
      LineStart = false;
      I = End;
      continue;
    }
    appendEscaped(Out, C);
    if (C == '\n')
      LineStart = true;
    else if (!std::isspace(static_cast<unsigned char>(C)))
      LineStart = false;
    ++I;
  }
  return Out;
}

} // namespace h2r::report
