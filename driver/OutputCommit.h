//===- driver/OutputCommit.h - All outputs or none --------------*- C++ -*-===//
//
// A command's outputs are written to temporaries first and renamed
// together, so a failure never leaves a half-written or partial set of
// files, and none may name an input or another output.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_DRIVER_OUTPUTCOMMIT_H
#define H2R_DRIVER_OUTPUTCOMMIT_H

#include <string>
#include <vector>

namespace h2r::driver {

struct PendingOutput {
  std::string Path; // "-": standard output
  std::string Content;
};

// Compile databases key their entries by absolute path.
void makeAbsolute(std::vector<std::string> &Files);

// Makes the output paths absolute (Clang works in each compile command's
// directory) and checks that none names an input, another output or a
// directory. False after an error message.
bool checkOutputPaths(std::vector<PendingOutput> &Outputs,
                      const std::vector<std::string> &Inputs);

// Writes every output, or none. False after an error message.
bool commit(const std::vector<PendingOutput> &Outputs);

} // namespace h2r::driver

#endif
