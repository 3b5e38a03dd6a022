#!/usr/bin/env bash
# The translation where it really lives: Linux <series> built with GCC and
# Rust, rust/Makefile wired to helpers2rs (scripts/kbuild), booted under QEMU
# with the Rust KUnit tests; then check-boot.py: the baseline's KUnit results
# exactly, no rustc or objtool warning, no WARNING:/BUG: in the boot log,
# no translated helper called. With a Debian flavour, the distribution
# configuration of it (build-kernel.sh --distribution), booted with -smp 4,
# against that configuration's own bindgen baseline.
#
#   run-kernel-boot.sh <helpers2rs> <series> <out-dir> [<flavour>]
set -euo pipefail
tool=$1 series=$2 out=$3 flavour=${4:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
variant=() baseline=$root/tests/kernel/kunit-$series-gcc.baseline
if [ -n "$flavour" ]; then
  variant=(--distribution "$flavour")
  baseline=$root/tests/kernel/kunit-$series-dist-$flavour-gcc.baseline
fi
"$root/scripts/kbuild/build-kernel.sh" "${variant[@]}" "$series" helpers2rs "$out" "$tool"
python3 "$root/tests/kernel/check-boot.py" "$out/result.json" "$baseline" \
  "$out/build/rust/bindings/helpers2rs-report.json"
"$root/tests/report/check-review.sh" "$tool" \
  "$out/build/rust/bindings/helpers2rs-report.json" "$out/review"
