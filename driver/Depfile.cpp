#include "Depfile.h"

#include <set>

namespace h2r::driver {

namespace {

std::string escaped(const std::string &Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

} // namespace

std::string makeDepfile(const std::string &Target,
                        const std::vector<std::string> &Dependencies) {
  std::string Out = escaped(Target) + ":";
  std::set<std::string> Seen;
  for (const std::string &D : Dependencies)
    if (Seen.insert(D).second)
      Out += " \\\n  " + escaped(D);
  return Out + "\n";
}

} // namespace h2r::driver
