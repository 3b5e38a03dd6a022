#include "frontend/kernel/KernelProfile.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace h2r::frontend {

using llvm::StringRef;

namespace {

std::optional<RustInt> primitive(StringRef Name) {
  if (Name == "isize" || Name == "usize")
    return RustInt{64, Name[0] == 'i', true};
  if ((Name.starts_with("i") || Name.starts_with("u")) && Name.size() > 1) {
    unsigned Bits;
    if (!Name.drop_front().getAsInteger(10, Bits) &&
        (Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64 || Bits == 128))
      return RustInt{Bits, Name[0] == 'i', false};
  }
  return std::nullopt;
}

std::unique_ptr<llvm::MemoryBuffer> readFile(const std::string &Path,
                                             std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read '" + Path + "': " + Buf.getError().message();
    return nullptr;
  }
  return std::move(*Buf);
}

} // namespace

std::optional<ScalarMapping> parseFfiCrate(const std::string &Path,
                                           std::string &Error) {
  auto Buf = readFile(Path, Error);
  if (!Buf)
    return std::nullopt;
  ScalarMapping Map;
  llvm::SmallVector<StringRef> Lines;
  Buf->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].split("//").first.trim();
    // `c_long = isize;`: the alias! entries; `pub type` lines say the same.
    Line.consume_front("pub type ");
    auto [Name, Rest] = Line.split('=');
    Name = Name.trim();
    Rest = Rest.trim();
    if (!Name.starts_with("c_") || !Rest.consume_back(";"))
      continue;
    std::optional<RustInt> Ty = primitive(Rest.trim());
    if (!Ty) {
      Error = Path + ":" + std::to_string(I + 1) + ":1: '" + Name.str() +
              "' maps to '" + Rest.trim().str() +
              "', which is not a Rust integer type";
      return std::nullopt;
    }
    Map[Name.str()] = *Ty;
  }
  return Map;
}

bool parseBindgenParameters(const std::string &Path, BindgenParameters &Out,
                            std::string &Error) {
  auto Buf = readFile(Path, Error);
  if (!Buf)
    return false;
  const std::map<StringRef, std::vector<std::string> *> Valued = {
      {"--opaque-type", &Out.OpaqueTypes},
      {"--blocklist-type", &Out.BlocklistTypes},
      {"--blocklist-function", &Out.BlocklistFunctions},
      {"--blocklist-item", &Out.BlocklistItems},
      {"--blocklist-var", &Out.BlocklistVars},
      {"--newtype-enum", &Out.NewtypeEnums}};
  llvm::SmallVector<StringRef> Lines;
  Buf->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::SmallVector<StringRef> Words;
    Lines[I].split('#').first.split(Words, ' ', -1, /*KeepEmpty=*/false);
    for (size_t W = 0; W < Words.size(); ++W) {
      auto It = Valued.find(Words[W].trim());
      if (It == Valued.end())
        continue;
      if (W + 1 == Words.size()) {
        Error = Path + ":" + std::to_string(I + 1) + ":1: '" +
                It->first.str() + "' needs a pattern";
        return false;
      }
      // The Makefile passes these unquoted, through the shell: strip quotes
      // a hand-written file may have.
      It->second->push_back(Words[++W].trim().trim("'\"").str());
    }
  }
  return true;
}

namespace {

std::string minToolVersion(StringRef Script, StringRef Tool) {
  size_t At = Script.find(("\n" + Tool + ")").str());
  if (At == StringRef::npos)
    return "";
  StringRef Case = Script.substr(At).split(";;").first;
  StringRef Echo = Case.rsplit("echo").second.trim();
  auto [Major, Rest] = Echo.split('.');
  StringRef Minor = Rest.split('.').first;
  unsigned Mj, Mn;
  if (Major.getAsInteger(10, Mj) || Minor.getAsInteger(10, Mn))
    return "";
  return std::to_string(Mj) + "." + std::to_string(Mn);
}

} // namespace

std::optional<KernelProfile> loadKernelProfile(const std::string &SrcTree,
                                               std::string &Error) {
  llvm::SmallString<256> Rust(SrcTree);
  llvm::sys::path::append(Rust, "rust");
  if (!llvm::sys::fs::is_directory(Rust)) {
    Error = "'" + SrcTree + "' is not a kernel source tree (no rust/ folder)";
    return std::nullopt;
  }
  auto In = [&](StringRef Rel) {
    llvm::SmallString<256> P(Rust);
    llvm::sys::path::append(P, Rel);
    return P.str().str();
  };
  KernelProfile P;
  P.Name = SrcTree;
  if (llvm::sys::fs::exists(In("ffi.rs"))) {
    auto Map = parseFfiCrate(In("ffi.rs"), Error);
    if (!Map)
      return std::nullopt;
    P.Scalars = std::move(*Map);
    P.SourceFiles.push_back(In("ffi.rs"));
  }
  if (llvm::sys::fs::exists(In("bindgen_parameters")) &&
      !parseBindgenParameters(In("bindgen_parameters"), P.Params, Error))
    return std::nullopt;
  if (llvm::sys::fs::exists(In("bindgen_parameters")))
    P.SourceFiles.push_back(In("bindgen_parameters"));
  if (llvm::sys::fs::exists(In("bindings/bindings_helper.h")))
    P.BindingsHeader = In("bindings/bindings_helper.h");
  // The tree's minimum tools (scripts/min-tool-version.sh): the last `echo`
  // of a tool's case is the version for architectures it does not single
  // out (x86), kept as "major.minor".
  llvm::SmallString<256> MinTool(SrcTree);
  llvm::sys::path::append(MinTool, "scripts", "min-tool-version.sh");
  if (auto Buf = llvm::MemoryBuffer::getFile(MinTool)) {
    P.SourceFiles.push_back(MinTool.str().str());
    P.MinRustVersion = minToolVersion((*Buf)->getBuffer(), "rustc");
    P.MinBindgenVersion = minToolVersion((*Buf)->getBuffer(), "bindgen");
  }
  return P;
}

} // namespace h2r::frontend
