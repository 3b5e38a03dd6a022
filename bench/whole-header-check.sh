#!/usr/bin/env bash
# The survey's "translatable" means "compiles": every static inline function
# of every include/linux/*.h that compiles on its own, translated with a
# helper taking its address, then type-checked by rustc, per unit
# (bench/whole-header-check.py), in self mode and in bindgen mode against
# the kernel's bindgen (0.71.1) run over each unit with the tree's
# bindgen_parameters (6.12's for 6.1, whose headers package carries no rust/).
#
#   bench/whole-header-check.sh [--units N] [--headers N] [--types self|bindgen]
#       [6.1] [6.12] [7.3]      (default: all headers, both modes, 6.1 6.12 7.3)
#
# --units N checks the first N of the 12 units; --headers N spreads only the
# first N headers (in name order) over them: CTest's quick slice.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
tool=${H2R_TOOL:-$root/build/helpers2rs}
[ -x "$tool" ] || "$root/scripts/build.sh"
out=${H2R_BENCH_OUT:-$root/out/bench}/whole-header
check=() modes=(self bindgen)
while [ $# -gt 0 ]; do
  case "$1" in
  --units) check=(--units "$2"); shift 2 ;;
  --headers) export H2R_HEADER_LIMIT=$2; shift 2 ;;
  --types) modes=("$2"); shift 2 ;;
  *) break ;;
  esac
done
bindgen=$("$root/scripts/toolchain/build-bindgen.sh")
status=0
for series in "${@:-6.1 6.12 7.3}"; do
  for s in $series; do
    read -r db good total < <("$root/scripts/header-units.sh" "$s" "$out/$s" 12 "$tool")
    params_of=$([ "$s" = 6.1 ] && echo 6.12 || echo "$s")
    read -r src _ < <("$root/scripts/kernel-source.sh" "$params_of" "$out/$params_of/kernels")
    echo "== Linux $s: $good of $total include/linux headers, 12 units"
    for mode in "${modes[@]}"; do
      python3 -u "$root/bench/whole-header-check.py" "$tool" "$db" "$out/$s/check-$mode" \
        --types "$mode" --bindgen "$bindgen" --bindgen-parameters "$src/rust/bindgen_parameters" \
        "${check[@]}" --json "$out/$s/check-$mode.json" || status=1
    done
  done
done
exit $status
