#!/usr/bin/env bash
# The translation where it really lives: Linux <series> built with GCC and
# Rust, rust/Makefile wired to helpers2rs (scripts/kbuild), booted under QEMU
# with the Rust KUnit tests; then check-boot.py: the baseline's KUnit results
# exactly, no rustc or objtool warning, no translated helper called.
#
#   run-kernel-boot.sh <helpers2rs> <series> <out-dir>
set -euo pipefail
tool=$1 series=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/scripts/kbuild/build-kernel.sh" "$series" helpers2rs "$out" "$tool"
python3 "$root/tests/kernel/check-boot.py" "$out/result.json" \
  "$root/tests/kernel/kunit-$series-gcc.baseline" \
  "$out/build/rust/bindings/helpers2rs-report.json"
"$root/tests/report/check-review.sh" "$tool" \
  "$out/build/rust/bindings/helpers2rs-report.json" "$out/review"
