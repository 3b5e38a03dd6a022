//===- emitter/ReviewItems.cpp - The Rust beside each function's C --------===//

#include "emitter/ReviewItems.h"

namespace h2r::emit {

std::map<std::string, std::string>
reviewItems(const ir::Module &M, const EmitOptions &Opts,
            const std::function<std::string(std::string)> &Layout) {
  const std::string Marker = "// helpers2rs: review item";
  std::string Joined;
  std::vector<std::string> Names;
  for (auto &[CName, Text] : emitFunctionItems(M, Opts)) {
    Joined += Marker + "\n" + Text + "\n";
    Names.push_back(CName);
  }
  Joined = Layout(std::move(Joined));
  std::map<std::string, std::string> ByName;
  size_t Item = 0, Pos = Joined.find(Marker);
  while (Pos != std::string::npos && Item < Names.size()) {
    size_t Begin = Joined.find('\n', Pos) + 1;
    size_t End = Joined.find(Marker, Begin);
    std::string Text = Joined.substr(
        Begin, End == std::string::npos ? std::string::npos : End - Begin);
    Text.erase(Text.find_last_not_of('\n') + 1);
    std::string &Into = ByName[Names[Item++]];
    Into += (Into.empty() ? "" : "\n\n") + Text;
    Pos = End;
  }
  return ByName;
}

} // namespace h2r::emit
