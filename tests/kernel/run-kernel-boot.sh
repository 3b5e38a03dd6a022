#!/usr/bin/env bash
# The translation where it really lives: Linux <series> built with GCC and
# Rust, the patch series applied and CONFIG_RUST_TRANSLATED_HELPERS=y
# (scripts/kbuild), booted under QEMU with the Rust KUnit tests; then
# check-boot.py: the baseline's KUnit results
# exactly, no rustc or objtool warning, no WARNING:/BUG: in the boot log,
# no translated helper called. With --distribution, Debian's configuration
# of that flavour (build-kernel.sh --distribution), booted with -smp 4,
# against that configuration's own bindgen baseline; with --arm64, arm64's
# kunit configuration cross-compiled and booted on that QEMU CPU, against
# arm64's baseline; with --debug <family> --distribution <flavour>, that
# configuration with the debug family's options (build-kernel.sh --debug),
# against its own bindgen baseline.
#
#   run-kernel-boot.sh <helpers2rs> <series> <out-dir>
#                      [[--debug <family>] --distribution <flavour> | --arm64 <cpu>]
#                      [--package]
# (--package: the kernel and modules of `make bindeb-pkg`'s linux-image boot.)
set -euo pipefail
tool=$1 series=$2 out=$3
shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
variant=("$@") baseline=$root/tests/kernel/kunit-$series-gcc.baseline
case "${1:-}" in
"" | --package) ;;
--distribution) baseline=$root/tests/kernel/kunit-$series-dist-$2-gcc.baseline ;;
--debug) baseline=$root/tests/kernel/kunit-$series-dist-$4-$2-gcc.baseline ;;
--arm64) baseline=$root/tests/kernel/kunit-$series-arm64-gcc.baseline ;;
*) echo "run-kernel-boot: error: unknown option '$1'" >&2; exit 2 ;;
esac
"$root/scripts/kbuild/build-kernel.sh" "${variant[@]}" "$series" helpers2rs "$out" "$tool"
python3 "$root/tests/kernel/check-boot.py" "$out/result.json" "$baseline" \
  "$out/build/rust/bindings/helpers2rs-report.json"
python3 "$root/tests/report/check-configuration.py" \
  "$out/build/rust/bindings/helpers2rs-report.json" "$out/build"
"$root/tests/report/check-review.sh" "$tool" \
  "$out/build/rust/bindings/helpers2rs-report.json" "$out/review"
