#include "frontend/kernel/CompileCommands.h"

#include <algorithm>

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace h2r::frontend {

using namespace clang::tooling;

std::unique_ptr<ClangTool> makeTool(const CompilationDatabase &DB,
                                    const std::vector<std::string> &Files) {
  auto Tool = std::make_unique<ClangTool>(
      DB, Files, std::make_shared<clang::PCHContainerOperations>(),
      llvm::vfs::createPhysicalFileSystem());
  Tool->setPrintErrorMessage(false);
  // kbuild asks for dependency files through the preprocessor
  // (`-Wp,-MMD,./.helpers.o.d`), which LibTooling's own stripping misses:
  // the tool writes nothing but its outputs.
  Tool->appendArgumentsAdjuster([](const CommandLineArguments &Args,
                                   llvm::StringRef) {
    CommandLineArguments Out;
    for (const std::string &A : Args)
      if (!llvm::StringRef(A).starts_with("-Wp,-M"))
        Out.push_back(A);
    return Out;
  });
  return Tool;
}

std::unique_ptr<CompilationDatabase>
loadCompileCommands(CompileCommandSource Source,
                    const std::vector<std::string> &Files, std::string &Error) {
  if (Source.Fixed && !Source.BuildDir.empty()) {
    Error = "-p and flags after '--' cannot be combined";
    return nullptr;
  }
  if (Source.Fixed)
    return std::move(Source.Fixed);

  std::unique_ptr<CompilationDatabase> DB;
  if (!Source.BuildDir.empty()) {
    if (!llvm::sys::fs::is_directory(Source.BuildDir)) {
      Error = "build directory '" + Source.BuildDir + "' does not exist";
      return nullptr;
    }
    std::string JsonPath = Source.BuildDir + "/compile_commands.json";
    if (!llvm::sys::fs::exists(JsonPath)) {
      Error = "no compile_commands.json in '" + Source.BuildDir + "'";
      return nullptr;
    }
    std::string LoadError;
    DB = JSONCompilationDatabase::loadFromFile(
        JsonPath, LoadError, JSONCommandLineSyntax::AutoDetect);
    if (!DB) {
      // One line, like every other error.
      std::replace(LoadError.begin(), LoadError.end(), '\n', ' ');
      Error = "cannot read '" + JsonPath + "': " + LoadError;
      return nullptr;
    }
  } else if (!Files.empty()) {
    std::string Ignored;
    DB = CompilationDatabase::autoDetectFromSource(Files.front(), Ignored);
  }
  if (!DB) {
    // No database anywhere: compile with no flags, as clang-tidy does.
    return std::make_unique<FixedCompilationDatabase>(
        ".", std::vector<std::string>{});
  }
  // Headers and new files borrow the flags of their nearest neighbour.
  DB = inferMissingCompileCommands(std::move(DB));
  for (const std::string &F : Files)
    if (DB->getCompileCommands(F).empty()) {
      Error = "no compile command for '" + F + "'";
      return nullptr;
    }
  return DB;
}

} // namespace h2r::frontend
