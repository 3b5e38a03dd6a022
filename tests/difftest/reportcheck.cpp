//===- tests/difftest/reportcheck.cpp - Check expected fallbacks ----------===//
//
// Reads a C file whose helper lines carry `expect-fallback: <construct>` or
// `expect-translated` comments and checks a helpers2rs report against them.
//
// Usage: reportcheck <file.c> <report.json>
//
//===----------------------------------------------------------------------===//
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <regex>

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: reportcheck <file.c> <report.json>\n";
    return 2;
  }
  std::ifstream Src(argv[1]), Rep(argv[2]);
  if (!Src || !Rep) {
    std::cerr << "reportcheck: error: cannot read the inputs\n";
    return 1;
  }
  // helper name -> expected construct ("" for translated)
  std::map<std::string, std::string> Expected;
  std::regex Line(R"((rust_helper_\w+)\(.*expect-(fallback: ([\w.-]+)|translated))");
  for (std::string L; std::getline(Src, L);) {
    std::smatch M;
    if (std::regex_search(L, M, Line))
      Expected[M[1]] = M[3];
  }
  nlohmann::json R = nlohmann::json::parse(Rep);
  unsigned Passed = 0, Failed = 0;
  for (const auto &H : R["helpers"]) {
    std::string Name = H["name"];
    auto It = Expected.find(Name);
    if (It == Expected.end())
      continue;
    bool Ok;
    std::string Got = H["status"];
    if (It->second.empty()) {
      Ok = Got == "translated";
    } else {
      Ok = Got == "fallback";
      bool Named = false;
      for (const auto &Why : H["reasons"]) {
        Named |= Why["construct"] == It->second;
        // Every reason must say where it is.
        Ok &= Why["location"].get<std::string>().find(':') != std::string::npos;
      }
      Ok &= Named;
    }
    std::cout << (Ok ? "PASS " : "FAIL ") << Name << ": expected "
              << (It->second.empty() ? "translated" : It->second) << ", got "
              << Got;
    for (const auto &Why : H["reasons"])
      std::cout << " " << Why["construct"].get<std::string>() << "@"
                << Why["location"].get<std::string>();
    std::cout << "\n";
    (Ok ? Passed : Failed)++;
    Expected.erase(It);
  }
  for (const auto &[Name, C] : Expected) {
    std::cout << "FAIL " << Name << ": not in the report\n";
    ++Failed;
  }
  std::cout << Passed << " passed, " << Failed << " failed\n";
  return Failed || !Passed;
}
