//===- driver/RustFormatter.h - Run rustfmt over the output ----*- C++ -*-===//
//
// The emitter prints correct, readable Rust; rustfmt decides line breaks,
// as bindgen's `--formatter=rustfmt` does for bindgen's output, so the
// result is what `make rustfmtcheck` accepts.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_RUSTFORMATTER_H
#define H2R_DRIVER_RUSTFORMATTER_H

#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
// items) side by side: they are independent, and each part's timeout runs
// from the same start, so a rustfmt that hangs is waited for once, not
// once per part.
class PartsFormatter {
public:
  explicit PartsFormatter(FormatRequest Request);
  // Starts rustfmt on Text; finish() gives its layout at the same index.
  void add(std::string Text);
  // Every part laid out, or as printed where rustfmt could not lay it out,
  // with a warning per distinct reason.
  std::vector<std::string> finish();

private:
  struct Part {
    std::string Text;
    std::string Error;
    std::future<std::optional<std::string>> Laid;
  };
  FormatRequest Request;
  std::vector<std::unique_ptr<Part>> Parts;
};

} // namespace h2r::driver

#endif
