//===- driver/Diagnostics.h - One-line errors -------------------*- C++ -*-===//
//
// Every command's errors are one line, "helpers2rs: error: ...", and a
// non-zero exit.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_DIAGNOSTICS_H
#define H2R_DRIVER_DIAGNOSTICS_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

namespace h2r::driver {

// Prints the error; returns the exit status.
inline int fail(const llvm::Twine &Message) {
  llvm::errs() << "helpers2rs: error: " << Message << "\n";
  return 1;
}

// fail() for steps that answer whether they succeeded.
inline bool reportFailure(const llvm::Twine &Message) {
  fail(Message);
  return false;
}

} // namespace h2r::driver

#endif
