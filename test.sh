#!/usr/bin/env bash
# Builds and runs every test (unit, frontend, differential, random programs,
# command line, the 6.1 corpus, Linux 6.12's crates), then the quick ones
# again on an AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")"
scripts/build.sh
. scripts/toolchain/rust-env.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/build.sh build-asan -DH2R_SANITIZE=ON
# LLVM frees little on purpose at exit: leaks are not what this looks for.
ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -L quick
