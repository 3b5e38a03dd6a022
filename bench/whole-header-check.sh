#!/usr/bin/env bash
# The survey's "translatable" means "compiles": every static inline function
# of every include/linux/*.h that compiles on its own, translated with a
# helper taking its address, then type-checked by rustc, per unit
# (bench/whole-header-check.py), self mode.
#
#   bench/whole-header-check.sh [--units N] [6.1] [6.12] [7.3]   (default: 6.1 6.12)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
out=${H2R_BENCH_OUT:-$root/out/bench}/whole-header
check=()
if [ "${1:-}" = --units ]; then check=(--units "$2"); shift 2; fi
status=0
for s in "${@:-6.1 6.12}"; do
  for series in $s; do
    read -r db good total < <("$root/scripts/header-units.sh" "$series" "$out/$series" 12 "$tool")
    echo "== Linux $series: $good of $total include/linux headers, 12 units"
    python3 -u "$root/bench/whole-header-check.py" "$tool" "$db" "$out/$series/check" \
      "${check[@]}" --json "$out/$series/check.json" || status=1
  done
done
exit $status
