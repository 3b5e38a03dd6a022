#!/usr/bin/env bash
# The headline on real kernel trees: helpers translated / shimmed / left to
# C, and the calls to rust_helper_* left in the kernel crate's kernel.o
# (-O2), with bindgen's helper declarations and with the translation. Also
# the wall time and peak memory of the translation itself.
#
#   bench/kernel-headline.sh [6.12] [7.3]     (default: 6.12)
#
# 7.3 is fetched (trixie-backports) and configured with clang-19 on first
# use; its kernel crate needs pin_init's build chain, which this pipeline
# does not reproduce, so for 7.3 the figures are the translation's and its
# bindings check's (bench/kernel-boot.sh builds and boots the real kernel).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
out=${H2R_BENCH_OUT:-$root/out/bench}
for series in "${@:-6.12}"; do
  read -r src obj < <("$root/scripts/kernel-source.sh" "$series" "$out/kernels")
  python3 "$root/scripts/kernel-crates.py" "$tool" "$src" "$obj" "$out/$series" |
    grep -v '^kernel-crates: .* built (testlib)' || true
  db=$out/$series/module
  /usr/bin/time -f "translate: %e s wall, %M KiB peak" "$tool" translate -p "$db" \
    "$db/helpers.c" --kernel-tree="$src" -o /dev/null
done
