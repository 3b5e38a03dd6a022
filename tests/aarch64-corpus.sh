# Sourced by the tests that read corpus/aarch64 (arm64's asm): how those
# files are parsed (for AArch64) and how their translations are compiled
# (for the kernel's arm64 Rust target, against a core built from rust-src).
# Sets AARCH64_PARSE (clang flags) and AARCH64_RUSTFLAGS (rustc flags).
aarch64_sysroot=$("$(dirname "${BASH_SOURCE[0]}")/../scripts/toolchain/rust-sysroot.sh" \
  "${H2R_CACHE:-/var/cache/helpers2rs}" aarch64-unknown-none-softfloat)
AARCH64_PARSE=(--target=aarch64-linux-gnu -ffreestanding)
AARCH64_RUSTFLAGS=(--target=aarch64-unknown-none-softfloat --sysroot "$aarch64_sysroot")
