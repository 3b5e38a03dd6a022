#include "RustCompile.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace h2r::test {

RustcResult compileRust(const std::string &Source, const std::string &Name) {
  std::string Dir = H2R_TEST_TMP;
  mkdir(Dir.c_str(), 0755);
  std::string Path = Dir + "/" + Name + ".rs";
  std::ofstream(Path) << Source;
  std::string Cmd = std::string(H2R_RUSTC) +
                    " --edition=2021 --crate-type=lib -O -D warnings"
                    " -A non_snake_case -A non_camel_case_types"
                    " -A non_upper_case_globals --out-dir " +
                    Dir + " " + Path + " 2>&1";
  FILE *P = popen(Cmd.c_str(), "r");
  std::string Out;
  char Buf[4096];
  while (size_t N = fread(Buf, 1, sizeof Buf, P))
    Out.append(Buf, N);
  int Status = pclose(P);
  return {Status == 0, Out};
}

} // namespace h2r::test
