//===- emitter/KunitStaticCallKeys.cpp - Keys beside static calls ---------===//

#include "emitter/KunitStaticCallKeys.h"

#include "ir/KernelCheck.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace h2r::emit {

std::string kunitStaticCallKeys(const std::vector<ir::HelperRecord> &Helpers) {
  std::set<std::string> Calls;
  for (const ir::HelperRecord &H : Helpers)
    if (H.Check.V == ir::KernelCheck::Verdict::InSuite)
      Calls.insert(H.Check.StaticCalls.begin(), H.Check.StaticCalls.end());
  if (Calls.empty())
    return "";
  std::ostringstream Keys, Kept;
  for (const std::string &Call : Calls) {
    std::string Key = ir::StaticCallKey + Call;
    std::string Name = Call + "_KEY";
    std::transform(Name.begin(), Name.end(), Name.begin(),
                   [](unsigned char C) { return std::toupper(C); });
    Keys << "        static " << Key << ": u8;\n";
    Kept << "\n    #[used]\n    #[link_section = \".discard.addressable\"]\n"
         << "    static mut " << Name << ": *const u8 = core::ptr::addr_of!("
         << Key << ");\n";
  }
  return "\n    // The keys of the static calls the helpers make here, which "
         "objtool\n    // records beside each call site of a built-in object "
         "(C's\n    // `__STATIC_CALL_ADDRESSABLE()`).\n"
         "    #[allow(non_upper_case_globals)]\n    extern \"C\" {\n" +
         Keys.str() + "    }\n" + Kept.str();
}

} // namespace h2r::emit
