#!/usr/bin/env bash
# Prints a Rust sysroot for a bare-metal target that Debian's rustc can
# generate code for but ships no library of (aarch64-unknown-none-softfloat,
# the kernel's arm64 target): `core` built from Debian's rust-src, and an
# empty `compiler_builtins` (the kernel's own is one too; helpers need no
# runtime calls). Enough to compile and lint `#![no_std]` translations for
# that target. Built once per rustc and target into <cache-dir>.
#
#   rust-sysroot.sh <cache-dir> <rust-target>
set -euo pipefail
cache=$1 target=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
version=$("$RUSTC" --version | awk '{print $2}')
sysroot=$cache/rust-sysroot-$version-$target
lib=$sysroot/lib/rustlib/$target/lib
if [ ! -f "$sysroot/.complete" ]; then
  src=$("$RUSTC" --print sysroot)/lib/rustlib/src/rust/library/core/src/lib.rs
  [ -f "$src" ] || {
    echo "rust-sysroot: error: $src missing (scripts/install-deps.sh installs rust-web-src)" >&2
    exit 1; }
  rm -rf "$sysroot"
  mkdir -p "$lib"
  # core is the standard library's: its own unstable features, as the
  # kernel builds it (RUSTC_BOOTSTRAP).
  RUSTC_BOOTSTRAP=1 "$RUSTC" --edition=2024 --crate-type=rlib --crate-name=core \
    --target="$target" -O -Cpanic=abort "$src" -o "$lib/libcore.rlib"
  printf '#![feature(compiler_builtins)]\n#![allow(internal_features)]\n#![compiler_builtins]\n#![no_builtins]\n#![no_std]\n' \
    > "$sysroot/compiler_builtins.rs"
  RUSTC_BOOTSTRAP=1 "$RUSTC" --edition=2021 --crate-type=rlib \
    --crate-name=compiler_builtins --target="$target" --sysroot "$sysroot" -O \
    "$sysroot/compiler_builtins.rs" -o "$lib/libcompiler_builtins.rlib"
  touch "$sysroot/.complete"
fi
echo "$sysroot"
