#!/usr/bin/env bash
# One command: install the dependencies (Debian's clang-19 and Rust, bindgen
# 0.71.1 built from Debian's crate sources, GCC, QEMU, the kernels), build
# helpers2rs, and run the main job on the embedded default: Linux 7.3
# built with GCC and Rust, the project's patch series applied and
# CONFIG_RUST_TRANSLATED_HELPERS=y (bindings_helpers_generated.rs is the
# translation, helpers2rs-report.json
# beside it), booted under QEMU with the kernel's Rust KUnit tests, and the
# headline printed: KUnit totals, calls to rust_helper_* left in the Rust
# objects, helpers translated / shimmed / left to C.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
. scripts/toolchain/rust-env.sh
bench/kernel-boot.sh --out out/kernels 7.3-helpers2rs
echo "translation: out/kernels/7.3-helpers2rs/build/rust/bindings/bindings_helpers_generated.rs"
echo "report:      out/kernels/7.3-helpers2rs/build/rust/bindings/helpers2rs-report.json"
