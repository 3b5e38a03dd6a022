//===- emitter/ReviewItems.cpp - The Rust beside each function's C --------===//

#include "emitter/ReviewItems.h"

namespace h2r::emit {

static const char ItemMarker[] = "// helpers2rs: review item";

JoinedReviewItems joinReviewItems(const ir::Module &M,
                                  const EmitOptions &Opts) {
  JoinedReviewItems Items;
  for (auto &[CName, Text] : emitFunctionItems(M, Opts)) {
    Items.Text += std::string(ItemMarker) + "\n" + Text + "\n";
    Items.Names.push_back(CName);
  }
  return Items;
}

std::map<std::string, std::string>
partReviewItems(const std::string &Laid, const JoinedReviewItems &Items) {
  const std::string Marker = ItemMarker;
  std::map<std::string, std::string> ByName;
  size_t Item = 0, Pos = Laid.find(Marker);
  while (Pos != std::string::npos && Item < Items.Names.size()) {
    size_t Begin = Laid.find('\n', Pos) + 1;
    size_t End = Laid.find(Marker, Begin);
    std::string Text = Laid.substr(
        Begin, End == std::string::npos ? std::string::npos : End - Begin);
    Text.erase(Text.find_last_not_of('\n') + 1);
    std::string &Into = ByName[Items.Names[Item++]];
    Into += (Into.empty() ? "" : "\n\n") + Text;
    Pos = End;
  }
  return ByName;
}

} // namespace h2r::emit
