#!/usr/bin/env bash
# One command: install the dependencies (Debian's clang-19, bindgen, Linux
# 6.12's source and configured headers, 6.1's headers), build, and run the
# main job on the embedded default, Linux 6.12: its own rust/helpers
# translated (out/linux-6.12/crates/helpers.rs, report.json), built inside
# its own bindings crate with its kernel crate on top, and the headline:
# calls to rust_helper_* left in kernel.o, before and after.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
. scripts/toolchain/rust-env.sh
tests/kernel/run-kernel-tree.sh build/helpers2rs 6.12 out/linux-6.12
echo "wrote out/linux-6.12/crates/helpers.rs and out/linux-6.12/crates/report.json"
