//===- tests/difftest/diffgen.cpp - Differential test driver generator ----===//
//
// Reads a helpers2rs JSON report and writes a C program that calls every
// translated helper twice, once as the C original (`rust_helper_x`) and once
// as the Rust translation (`<prefix>rust_helper_x`, from --export=c-abi), on
// a grid of edge values, and compares the results and every byte of the
// memory the pointer arguments point to.
//
// Usage: diffgen <report.json> <symbol-prefix> [--require-translated]
//          [--not-run <helper>]... > driver.c
// With --require-translated it fails if any helper fell back (shimmed is
// translated, by a shim). A --not-run helper is compiled on both sides but
// not called: it cannot run where the driver runs (AArch64's EL1 registers
// under user-mode QEMU); the driver says so.
//
//===----------------------------------------------------------------------===//
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using nlohmann::json;

namespace {

// The C type the driver uses for a value of this shape (ABI-identical).
std::string cType(const json &Shape) {
  std::string Kind = Shape["kind"];
  if (Kind == "void")
    return "void";
  if (Kind == "bool")
    return "_Bool";
  if (Kind == "int")
    return std::string(Shape["signed"].get<bool>() ? "int" : "uint") +
           std::to_string(Shape["bits"].get<unsigned>()) + "_t";
  if (Kind == "pointer" || Kind == "fnptr")
    return "void *";
  if (Kind == "float")
    return Shape["bits"].get<unsigned>() == 32 ? "float" : "double";
  return "";
}

bool supported(const json &Shape, bool IsReturn) {
  std::string Kind = Shape["kind"];
  if (Kind == "void")
    return IsReturn;
  if (Kind == "pointer")
    return true; // a 256-byte buffer, whatever the pointee
  return Kind == "bool" || Kind == "int" || Kind == "float" ||
         (Kind == "fnptr" && IsReturn);
}

const char *Prelude = R"(#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;
static unsigned passed, failed;

/* Edge values of an integer of the given width, as raw bits. */
static unsigned edges(unsigned bits, int is_signed, uint64_t *out) {
  uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  uint64_t raw[] = {0, 1, 2, 3, ~0ull, ~0ull - 1, 5, 7, 8, 9, 15, 16, 17, 31,
                    32, 33, 63, 64, 65, 100, 127, 128, 255, 256, 0x5555555555555555ull,
                    0xaaaaaaaaaaaaaaaaull, 0x7fffull, 0x8000ull, 0xffffull,
                    0x10000ull, 0x7fffffffull, 0x80000000ull, 0xffffffffull,
                    0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull};
  uint64_t sign = 1ull << (bits - 1);
  unsigned n = 0;
  uint64_t extra[] = {sign, sign - 1, sign + 1, sign << 0 | 1};
  for (unsigned i = 0; i < sizeof raw / sizeof raw[0] + 4; ++i) {
    uint64_t v = (i < sizeof raw / sizeof raw[0] ? raw[i] : extra[i - sizeof raw / sizeof raw[0]]) & mask;
    if (is_signed && bits < 64 && (v & sign))
      v |= ~mask; /* keep it sign-extended */
    int dup = 0;
    for (unsigned j = 0; j < n; ++j)
      dup |= out[j] == v;
    if (!dup)
      out[n++] = v;
  }
  return n;
}

static uint64_t lcg(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 11;
}

/* Memory behind pointer arguments: the same bytes for C and Rust. */
#define BUF 256
static unsigned char cbuf[8][BUF] __attribute__((aligned(64)));
static unsigned char rbuf[8][BUF] __attribute__((aligned(64)));

static void fill(unsigned slot, uint64_t seed) {
  uint64_t s = seed * 2654435761u + slot;
  for (unsigned i = 0; i < BUF; ++i) {
    unsigned char b;
    switch (seed % 4) {
    case 0: b = 0; break;
    case 1: b = 0xff; break;
    case 2: b = (i & 1) ? 0x80 : 0x7f; break;
    default: b = (unsigned char)lcg(&s); break;
    }
    cbuf[slot][i] = rbuf[slot][i] = b;
  }
}

/* A pointer result names the same place if it has the same offset into the
   corresponding buffer. */
static int same_pointer(void *c, void *r) {
  for (unsigned k = 0; k < 8; ++k) {
    unsigned char *cb = cbuf[k], *rb = rbuf[k];
    if ((unsigned char *)c >= cb && (unsigned char *)c <= cb + BUF)
      return (unsigned char *)r == rb + ((unsigned char *)c - cb);
  }
  return c == r;
}

static void report(const char *name, int ok, unsigned long long cases,
                   const char *detail) {
  if (ok) {
    ++passed;
    printf("PASS %s (%llu cases)\n", name, cases);
  } else {
    ++failed;
    printf("FAIL %s: %s\n", name, detail);
  }
}
)";

class DriverWriter {
public:
  DriverWriter(std::ostream &OS, std::string Prefix)
      : OS(OS), Prefix(std::move(Prefix)) {}

  void helper(const json &H);
  void notRun(const std::string &Name) { NotRun.push_back(Name); }
  void finish();

private:
  std::ostream &OS;
  std::string Prefix;
  std::vector<std::string> Tests;
  std::vector<std::string> Skipped;
  std::vector<std::string> NotRun;
};

void DriverWriter::helper(const json &H) {
  std::string Name = H["name"];
  const json &Sig = H["signature"];
  bool Ok = supported(Sig["return"], true);
  for (const json &P : Sig["params"])
    Ok = Ok && supported(P, false);
  if (!Ok) {
    Skipped.push_back(Name);
    return;
  }
  std::string Ret = cType(Sig["return"]);
  std::ostringstream Params;
  const json &Ps = Sig["params"];
  for (size_t I = 0; I < Ps.size(); ++I)
    Params << (I ? ", " : "") << cType(Ps[I]);
  std::string P = Ps.empty() ? "void" : Params.str();
  OS << Ret << " " << Name << "(" << P << ");\n";
  OS << Ret << " " << Prefix << Name << "(" << P << ");\n";

  std::string Fn = "test_" + Name;
  Tests.push_back(Fn);
  OS << "static void " << Fn << "(void) {\n";
  OS << "  enum { NP = " << Ps.size() << " };\n";
  OS << "  uint64_t vals[NP ? NP : 1][64]; unsigned nv[NP ? NP : 1];\n";
  OS << "  unsigned long long combos = 1, cases = 0; int ok = 1;\n";
  OS << "  char detail[512] = \"\";\n";
  unsigned PtrSlot = 0;
  for (size_t I = 0; I < Ps.size(); ++I) {
    std::string Kind = Ps[I]["kind"];
    if (Kind == "int")
      OS << "  nv[" << I << "] = edges(" << Ps[I]["bits"].get<unsigned>() << ", "
         << Ps[I]["signed"].get<bool>() << ", vals[" << I << "]);\n";
    else if (Kind == "bool")
      OS << "  nv[" << I << "] = 2; vals[" << I << "][0] = 0; vals[" << I
         << "][1] = 1;\n";
    else if (Kind == "float")
      OS << "  nv[" << I << "] = 1; vals[" << I << "][0] = 0;\n";
    else // pointer: the seed of the buffer contents
      OS << "  nv[" << I << "] = 8; for (unsigned s = 0; s < 8; ++s) vals["
         << I << "][s] = s;\n";
    OS << "  combos *= nv[" << I << "];\n";
  }
  // Walk the product; past 300k combinations, a fixed pseudo-random sample.
  OS << "  unsigned long long limit = combos < 300000 ? combos : 300000;\n";
  OS << "  uint64_t pick = 12345;\n";
  OS << "  for (unsigned long long c = 0; c < limit && ok; ++c) {\n";
  OS << "    unsigned long long k = combos == limit ? c : lcg(&pick) % combos;\n";
  OS << "    uint64_t a[NP ? NP : 1];\n";
  OS << "    for (int i = 0; i < NP; ++i) { a[i] = vals[i][k % nv[i]]; k /= nv[i]; }\n";
  std::ostringstream CArgs, RArgs, Show;
  for (size_t I = 0; I < Ps.size(); ++I) {
    std::string Kind = Ps[I]["kind"];
    std::string Sep = I ? ", " : "";
    if (Kind == "pointer") {
      unsigned Slot = PtrSlot++;
      OS << "    fill(" << Slot << ", a[" << I << "]);\n";
      CArgs << Sep << "(void *)cbuf[" << Slot << "]";
      RArgs << Sep << "(void *)rbuf[" << Slot << "]";
    } else {
      std::string T = cType(Ps[I]);
      CArgs << Sep << "(" << T << ")a[" << I << "]";
      RArgs << Sep << "(" << T << ")a[" << I << "]";
    }
    Show << " %llx";
  }
  if (PtrSlot > 8)
    throw std::runtime_error(Name + ": more than 8 pointer parameters");
  if (Ret != "void") {
    OS << "    " << Ret << " cr = " << Name << "(" << CArgs.str() << ");\n";
    OS << "    " << Ret << " rr = " << Prefix << Name << "(" << RArgs.str()
       << ");\n";
    if (Ret == "void *")
      OS << "    int same = same_pointer(cr, rr);\n";
    else
      OS << "    int same = memcmp(&cr, &rr, sizeof cr) == 0;\n";
  } else {
    OS << "    " << Name << "(" << CArgs.str() << ");\n";
    OS << "    " << Prefix << Name << "(" << RArgs.str() << ");\n";
    OS << "    int same = 1;\n";
  }
  OS << "    same = same && memcmp(cbuf, rbuf, sizeof cbuf) == 0;\n";
  OS << "    ++cases;\n";
  OS << "    if (!same) {\n      ok = 0;\n";
  OS << "      int n = snprintf(detail, sizeof detail, \"args";
  for (size_t I = 0; I < Ps.size(); ++I)
    OS << " %llx";
  OS << "\"";
  for (size_t I = 0; I < Ps.size(); ++I)
    OS << ", (unsigned long long)a[" << I << "]";
  OS << ");\n";
  if (Ret != "void" && Ret != "void *" && Ret != "float" && Ret != "double")
    OS << "      snprintf(detail + n, sizeof detail - n, \": C %llx, Rust %llx\", "
          "(unsigned long long)cr, (unsigned long long)rr);\n";
  else
    OS << "      snprintf(detail + n, sizeof detail - n, \": results or memory differ\");\n";
  OS << "    }\n  }\n";
  OS << "  report(\"" << Name << "\", ok, cases, detail);\n}\n\n";
}

void DriverWriter::finish() {
  OS << "int main(void) {\n";
  for (const std::string &T : Tests)
    OS << "  " << T << "();\n";
  for (const std::string &S : Skipped)
    OS << "  printf(\"SKIP " << S
       << " (parameters the grid cannot generate)\\n\");\n";
  for (const std::string &S : NotRun)
    OS << "  printf(\"SKIP " << S << " (cannot run here: not called)\\n\");\n";
  OS << "  printf(\"%u passed, %u failed\\n\", passed, failed);\n";
  OS << "  return failed || !passed;\n}\n";
}

} // namespace

int main(int argc, char **argv) {
  bool RequireTranslated = false;
  std::set<std::string> NotRun;
  bool Usage = argc < 3;
  for (int I = 3; I < argc && !Usage; ++I) {
    std::string Arg = argv[I];
    if (Arg == "--require-translated")
      RequireTranslated = true;
    else if (Arg == "--not-run" && I + 1 < argc)
      NotRun.insert(argv[++I]);
    else
      Usage = true;
  }
  if (Usage) {
    std::cerr << "usage: diffgen <report.json> <symbol-prefix> "
                 "[--require-translated] [--not-run <helper>]...\n";
    return 2;
  }
  std::ifstream In(argv[1]);
  if (!In) {
    std::cerr << "diffgen: error: cannot read '" << argv[1] << "'\n";
    return 1;
  }
  json Report = json::parse(In);
  if (RequireTranslated) {
    int Fallbacks = 0;
    for (const json &H : Report["helpers"])
      if (H["status"] == "fallback") {
        ++Fallbacks;
        for (const json &Why : H["reasons"])
          std::cerr << "diffgen: " << H["name"].get<std::string>()
                    << " fell back: " << Why["location"].get<std::string>()
                    << ": " << Why["construct"].get<std::string>() << ": "
                    << Why["message"].get<std::string>() << "\n";
      }
    if (Fallbacks)
      return 1;
  }
  std::cout << Prelude << "\n";
  DriverWriter W(std::cout, argv[2]);
  // A shimmed helper is compared too: with the C its shim claims to equal.
  for (const json &H : Report["helpers"]) {
    if (H["status"] == "fallback")
      continue;
    if (NotRun.erase(H["name"]))
      W.notRun(H["name"]);
    else
      W.helper(H);
  }
  for (const std::string &Name : NotRun) {
    std::cerr << "diffgen: error: --not-run " << Name
              << ": no translated helper of that name\n";
    return 1;
  }
  W.finish();
  return 0;
}
