//===- driver/RustFormatter.h - Run rustfmt over the output ----*- C++ -*-===//
//
// The emitter prints correct, readable Rust; rustfmt decides line breaks,
// as bindgen's `--formatter=rustfmt` does for bindgen's output, so the
// result is what `make rustfmtcheck` accepts.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_RUSTFORMATTER_H
#define H2R_DRIVER_RUSTFORMATTER_H

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace h2r::driver {

struct FormatRequest {
  std::string Rustfmt;    // explicit path; empty: $RUSTFMT, then PATH
  std::string ConfigPath; // a rustfmt.toml (the kernel's .rustfmt.toml)
  std::string Edition = "2021";
  // rustfmt takes minutes, then fails, on pathological expressions (a
  // 20,000-term sum) that the tool itself translates in a second.
  unsigned TimeoutSeconds = 30;
  // Longer lines (one expression of tens of thousands of terms) are left
  // as printed without asking rustfmt, which would run into the limit.
  size_t MaxLineBytes = 100000;
};

// The formatted text, or nothing with Error saying why (rustfmt missing, or
// it rejected the input).
std::optional<std::string> formatRust(const std::string &Source,
                                      const FormatRequest &R,
                                      std::string &Error);

// rustfmt over the parts of one run (the output, the suite, the report's
// items) within one time budget, the request's timeout: a part it cannot
// lay out in time is written as printed once, not waited for again by
// every later part.
class BudgetedFormatter {
public:
  explicit BudgetedFormatter(FormatRequest Request);
  // rustfmt's layout of Text, or Text itself with a warning.
  std::string operator()(std::string Text);

private:
  FormatRequest Request;
  std::chrono::steady_clock::duration Budget;
};

} // namespace h2r::driver

#endif
