#!/usr/bin/env bash
# Random configurations of Linux 7.3 against the translation: for each seed,
# `make randconfig` (KCONFIG_SEED) with Rust forced on and what Rust cannot
# be built with forced off and the translation on (bench/randconfig.config),
# then `rust/` built from the tree with the project's patch series (GCC,
# Debian's rustc, bindgen 0.71.1, as scripts/kbuild/build-kernel.sh builds). Debug options that rewrite every
# `if`, `likely()` or WARN are what such runs find. A benchmark, not a test:
# it prints a line per seed and a summary, and exits non-zero if any seed
# whose configuration has Rust failed to translate every helper, failed to
# build `rust/`, or left a call to a translated helper.
#
#   bench/randconfig.sh [--out <dir>] [--arch x86_64|arm64] [<seed>...]
#     seeds: KCONFIG_SEED values (default: every one in
#            bench/randconfig-seeds.txt, in order)
#     --out: build directories <dir>/<arch>-<seed> (default
#            $H2R_CACHE/randconfig-7.3), reused by the next run
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
out=$cache/randconfig-7.3 arch=x86_64 seeds=()
while [ $# -gt 0 ]; do
  case "$1" in
  --out) out=$2; shift 2 ;;
  --arch) arch=$2; shift 2 ;;
  -*) echo "randconfig: error: unknown option '$1'" >&2; exit 2 ;;
  *) seeds+=("$1"); shift ;;
  esac
done
case "$arch" in
x86_64) cross=() ;;
arm64) cross=(CROSS_COMPILE=aarch64-linux-gnu- CC=aarch64-linux-gnu-gcc) ;;
*) echo "randconfig: error: --arch takes x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac
[ ${#seeds[@]} -gt 0 ] || mapfile -t seeds < <(grep -v '^#' "$root/bench/randconfig-seeds.txt")
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
. "$root/scripts/toolchain/rust-env.sh"
bindgen=$("$root/scripts/toolchain/build-bindgen.sh" "$cache")
src=$("$root/scripts/kbuild/kernel-tree.sh" 7.3 "$cache" --patched)
make_opts=(ARCH="$arch" CC=gcc "RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
           "RUSTFMT=$RUSTFMT" "CLIPPY_DRIVER=$CLIPPY_DRIVER" "BINDGEN=$bindgen"
           "HELPERS2RS=$(realpath "$tool")" "${cross[@]}")
failed=0 with_rust=0
for seed in "${seeds[@]}"; do
  build=$out/$arch-$seed
  mkdir -p "$build"
  log=$build/randconfig.log
  start=$(date +%s)
  if ! make -C "$src" O="$build" "${make_opts[@]}" KCONFIG_SEED="$seed" \
      KCONFIG_ALLCONFIG="$root/bench/randconfig.config" randconfig > "$log" 2>&1; then
    echo "$seed: randconfig failed (log: $log)"; failed=$((failed + 1)); continue
  fi
  if ! grep -qx CONFIG_RUST=y "$build/.config"; then
    echo "$seed: Rust unavailable in this configuration (not counted)"; continue
  fi
  with_rust=$((with_rust + 1))
  if ! grep -qx CONFIG_RUST_TRANSLATED_HELPERS=y "$build/.config"; then
    echo "$seed: Kconfig refused CONFIG_RUST_TRANSLATED_HELPERS"; failed=$((failed + 1)); continue
  fi
  if ! make -C "$src" O="$build" "${make_opts[@]}" -j"$(nproc)" rust/ >> "$log" 2>&1; then
    echo "$seed: building rust/ failed: $(grep -m1 -E 'error:|Error [0-9]+' "$log" || true) (log: $log)"
    failed=$((failed + 1)); continue
  fi
  if ! python3 "$root/scripts/kbuild/rust-calls.py" "$seed" "$build" \
      $(( $(date +%s) - start )) --check-calls --check-translated; then
    failed=$((failed + 1))
  fi
done
echo "randconfig: $with_rust of ${#seeds[@]} seeds with Rust, $failed failed"
[ "$failed" = 0 ]
