#include "frontend/kernel/BindingsInventory.h"
#include "frontend/kernel/CompileCommands.h"
#include "frontend/kernel/GccFlags.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"

#include <regex>

namespace h2r::frontend {

using namespace clang;

// bindgen matches its patterns against whole names.
class BindingsInventory::Patterns {
public:
  explicit Patterns(const std::vector<std::string> &Patterns) {
    for (const std::string &P : Patterns)
      try {
        Res.emplace_back(P);
      } catch (const std::regex_error &) {
        // bindgen would reject the file first; such a pattern blocks nothing.
      }
  }
  bool matches(const std::string &Name) const {
    for (const std::regex &R : Res)
      if (std::regex_match(Name, R))
        return true;
    return false;
  }

private:
  std::vector<std::regex> Res;
};

BindingsInventory::BindingsInventory(const BindgenParameters &Params)
    : BlockedFns(std::make_unique<Patterns>(Params.BlocklistFunctions)),
      BlockedTypes(std::make_unique<Patterns>(Params.BlocklistTypes)),
      BlockedItems(std::make_unique<Patterns>(Params.BlocklistItems)),
      BlockedVars(std::make_unique<Patterns>(Params.BlocklistVars)) {}

BindingsInventory::~BindingsInventory() = default;

bool BindingsInventory::hasFunction(const std::string &Name) const {
  return (AssumeAll || Functions.count(Name)) && !BlockedFns->matches(Name) &&
         !BlockedItems->matches(Name);
}

bool BindingsInventory::hasVar(const std::string &Name) const {
  return (AssumeAll || Vars.count(Name)) && !BlockedVars->matches(Name) &&
         !BlockedItems->matches(Name);
}

bool BindingsInventory::hasRecord(const std::string &Declared,
                                  const std::string &Name) const {
  return (AssumeAll || Records.count(Declared)) &&
         !BlockedTypes->matches(Name) && !BlockedItems->matches(Name);
}

bool BindingsInventory::blocksType(const std::string &Name) const {
  return BlockedTypes->matches(Name) || BlockedItems->matches(Name);
}

namespace {

class InventoryConsumer : public ASTConsumer {
public:
  explicit InventoryConsumer(BindingsInventory &Out) : Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      take(D);
  }

private:
  // A record declared inside another is still a top-level item in C (and in
  // bindgen's output).
  void takeNested(const RecordDecl *Parent) {
    for (const Decl *D : Parent->decls())
      if (isa<RecordDecl>(D))
        take(D);
  }

  void take(const Decl *D) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      // bindgen declares what links: no static (inline) functions.
      if (FD->getStorageClass() != SC_Static)
        Out.Functions.insert(FD->getNameAsString());
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->hasExternalFormalLinkage())
        Out.Vars.insert(VD->getNameAsString());
    } else if (const auto *RD = dyn_cast<RecordDecl>(D)) {
      std::string Name = RD->getName().str();
      if (Name.empty())
        if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
          Name = TD->getName().str();
      if (!Name.empty())
        Out.Records.insert(Name);
      takeNested(RD);
    } else if (const auto *ED = dyn_cast<EnumDecl>(D)) {
      if (ED == ED->getCanonicalDecl() && !ED->isThisDeclarationADefinition() &&
          !ED->isFixed() && ED->getIdentifier())
        Out.EnumsDeclaredEarly.insert(ED->getName().str());
    } else if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
      // `typedef struct { .. } name;` names its record through the typedef.
      if (const auto *RT = TD->getUnderlyingType()->getAs<RecordType>())
        if (RT->getDecl()->getTypedefNameForAnonDecl() == TD)
          Out.Records.insert(TD->getName().str());
    }
  }

  BindingsInventory &Out;
};

class InventoryAction : public ASTFrontendAction {
public:
  explicit InventoryAction(BindingsInventory &Out) : Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // Names are all it takes: the bodies of the header's inline functions,
    // most of Sema's work, are skipped.
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<InventoryConsumer>(Out);
  }

private:
  BindingsInventory &Out;
};

// The helpers' command, compiling the bindings header instead.
class RetargetedDatabase : public tooling::CompilationDatabase {
public:
  RetargetedDatabase(const tooling::CompilationDatabase &Base,
                     std::string From, std::string To)
      : Base(Base), From(std::move(From)), To(std::move(To)) {}

  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    if (File != To)
      return {};
    std::vector<tooling::CompileCommand> Cmds = Base.getCompileCommands(From);
    for (tooling::CompileCommand &C : Cmds) {
      std::vector<std::string> Args;
      for (const std::string &A : C.CommandLine)
        if (A == C.Filename || A == From)
          Args.push_back(To);
        else
          Args.push_back(A);
      // A header compiled as the main file: C, as bindgen parses it.
      Args.insert(Args.begin() + 1, {"-x", "c"});
      C.CommandLine = std::move(Args);
      C.Filename = To;
    }
    return Cmds;
  }

private:
  const tooling::CompilationDatabase &Base;
  std::string From, To;
};

} // namespace

bool takeBindingsInventory(const tooling::CompilationDatabase &DB,
                           const std::string &CommandOf,
                           const std::string &Header, BindingsInventory &Out) {
  // LibTooling asks for the command of the absolute path.
  llvm::SmallString<256> Path(Header);
  llvm::sys::fs::make_absolute(Path);
  RetargetedDatabase Retargeted(DB, CommandOf, Path.str().str());
  std::unique_ptr<tooling::ClangTool> Tool =
      makeTool(Retargeted, {Path.str().str()});
  Tool->appendArgumentsAdjuster(gccFlagFilter());
  // bindgen's rule adds these: no warnings, and `__BINDGEN__` for headers
  // that ask.
  Tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-w", "-fno-caret-diagnostics", "-D__BINDGEN__"},
      tooling::ArgumentInsertPosition::BEGIN));
  struct Factory : tooling::FrontendActionFactory {
    explicit Factory(BindingsInventory &Out) : Out(Out) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<InventoryAction>(Out);
    }
    BindingsInventory &Out;
  } F(Out);
  return Tool->run(&F) == 0;
}

} // namespace h2r::frontend
