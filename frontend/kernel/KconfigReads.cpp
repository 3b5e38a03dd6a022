//===- KconfigReads.cpp - The configuration a parse read ------------------===//

#include "frontend/kernel/KconfigReads.h"

#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>

namespace h2r::frontend {

using namespace clang;

namespace {

constexpr llvm::StringLiteral Prefix = "CONFIG_";

bool isIdentifierChar(char C) {
  return isalnum(static_cast<unsigned char>(C)) || C == '_';
}

// The macros of include/linux/kconfig.h that take an option's name and
// paste it, so that an unset option is never expanded.
bool asksAboutOption(llvm::StringRef Macro) {
  return llvm::StringSwitch<bool>(Macro)
      .Cases("IS_ENABLED", "IS_BUILTIN", "IS_MODULE", "IS_REACHABLE", true)
      .Case("__is_defined", true)
      .Default(false);
}

// A macro's text: a string without its quotes.
std::string macroText(const Preprocessor &PP, const MacroInfo &MI) {
  std::string Value;
  for (const Token &T : MI.tokens()) {
    if (!Value.empty() && T.hasLeadingSpace())
      Value += ' ';
    Value += PP.getSpelling(T);
  }
  if (Value.size() >= 2 && Value.front() == '"' && Value.back() == '"')
    return Value.substr(1, Value.size() - 2);
  return Value;
}

// Option to its value in the build's include/config/auto.conf, where a
// bool is y or m (both 1 in the macros, like an int of 1).
using ConfigValues = std::map<std::string, std::string, std::less<>>;

// A file kbuild writes in the build directory's include/config/.
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
configFile(const std::string &BuildDir, llvm::StringRef Name) {
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::path::append(Path, "include", "config", Name);
  return llvm::MemoryBuffer::getFile(Path);
}

ConfigValues autoConf(const std::string &BuildDir) {
  ConfigValues Values;
  auto Buffer = configFile(BuildDir, "auto.conf");
  if (!Buffer)
    return Values;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split('=');
    if (Name.starts_with(Prefix) && !Value.empty())
      Values.emplace(Name.str(), Value.trim('"').str());
  }
  return Values;
}

// Defined by the configuration's header, include/generated/autoconf.h,
// rather than by the compile command or another header.
bool fromConfiguration(const Preprocessor &PP, const MacroInfo &MI) {
  PresumedLoc Where =
      PP.getSourceManager().getPresumedLoc(MI.getDefinitionLoc());
  return Where.isValid() &&
         llvm::StringRef(Where.getFilename()).ends_with("generated/autoconf.h");
}

const MacroInfo *macroNamed(const Preprocessor &PP, llvm::StringRef Name) {
  const IdentifierTable &Table = PP.getIdentifierTable();
  auto It = Table.find(Name);
  return It == Table.end() ? nullptr : PP.getMacroInfo(It->second);
}

// The value the parse saw, spelt as .config spells it where the build's
// auto.conf says how (y or m for a bool), else as the macro reads.
std::optional<std::string> optionValue(const Preprocessor &PP,
                                       const ConfigValues &Spelling,
                                       llvm::StringRef Name) {
  if (const MacroInfo *MI = macroNamed(PP, Name)) {
    std::string Text = macroText(PP, *MI);
    auto It = Spelling.find(Name);
    return Text == "1" && It != Spelling.end() ? It->second : Text;
  }
  if (macroNamed(PP, (Name + "_MODULE").str()))
    return std::string("m");
  return std::nullopt;
}

std::string releaseIn(const std::string &BuildDir) {
  auto Buffer = configFile(BuildDir, "kernel.release");
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().trim().str();
}

} // namespace

void KconfigReads::note(const Token &Name) {
  if (const IdentifierInfo *II = Name.getIdentifierInfo())
    if (II->getName().starts_with(Prefix))
      Read.insert(II->getName().str());
}

void KconfigReads::noteCondition(SourceRange Condition) {
  llvm::StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Condition),
                           PP.getSourceManager(), PP.getLangOpts());
  for (size_t At = Text.find(Prefix); At != llvm::StringRef::npos;
       At = Text.find(Prefix, At + 1)) {
    if (At > 0 && isIdentifierChar(Text[At - 1]))
      continue;
    size_t End = At;
    while (End < Text.size() && isIdentifierChar(Text[End]))
      ++End;
    Read.insert(Text.slice(At, End).str());
  }
}

void KconfigReads::MacroExpands(const Token &Name, const MacroDefinition &,
                                SourceRange, const MacroArgs *Args) {
  note(Name);
  if (!Args || !Args->getNumMacroArguments() ||
      !asksAboutOption(Name.getIdentifierInfo()->getName()))
    return;
  const Token *Arg = Args->getUnexpArgument(0);
  if (Arg && Arg->is(tok::identifier))
    note(*Arg);
}

void KconfigReads::Defined(const Token &Name, const MacroDefinition &,
                           SourceRange) {
  note(Name);
}

void KconfigReads::If(SourceLocation, SourceRange Condition,
                      ConditionValueKind) {
  noteCondition(Condition);
}

void KconfigReads::Elif(SourceLocation, SourceRange Condition,
                        ConditionValueKind, SourceLocation) {
  noteCondition(Condition);
}

void KconfigReads::Ifdef(SourceLocation, const Token &Name,
                         const MacroDefinition &) {
  note(Name);
}

void KconfigReads::Ifndef(SourceLocation, const Token &Name,
                          const MacroDefinition &) {
  note(Name);
}

void KconfigReads::Elifdef(SourceLocation, const Token &Name,
                           const MacroDefinition &) {
  note(Name);
}

void KconfigReads::Elifndef(SourceLocation, const Token &Name,
                            const MacroDefinition &) {
  note(Name);
}

ir::KernelConfiguration
KconfigReads::configuration(const std::string &BuildDir) const {
  ir::KernelConfiguration C;
  C.Target = PP.getTargetInfo().getTriple().str();
  C.Release = releaseIn(BuildDir);
  ConfigValues Spelling = autoConf(BuildDir);
  C.Compiler = optionValue(PP, Spelling, "CONFIG_CC_VERSION_TEXT").value_or("");
  C.Rustc = optionValue(PP, Spelling, "CONFIG_RUSTC_VERSION_TEXT").value_or("");
  for (const std::string &Name : Read) {
    C.OptionsRead.emplace(Name, optionValue(PP, Spelling, Name));
    if (const MacroInfo *MI = macroNamed(PP, Name);
        MI && !fromConfiguration(PP, *MI))
      C.DefinedElsewhere.insert(Name);
  }
  for (const auto &[II, State] : PP.macros())
    if (const MacroInfo *MI = PP.getMacroInfo(II))
      C.OptionsSet +=
          II->getName().starts_with(Prefix) && fromConfiguration(PP, *MI);
  return C;
}

} // namespace h2r::frontend
