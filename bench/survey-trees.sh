#!/usr/bin/env bash
# Whole-tree surveys: every include/linux/*.h of a kernel tree that compiles
# on its own (with that tree's kbuild flags, clang-19), split into 12 units,
# surveyed at -j1, -j2 and -j4. Prints per tree and -j: units, functions,
# the share translatable, the top reasons, wall time, peak memory and
# throughput (functions per second per core), and checks that every -j
# gives the same JSON.
#
#   bench/survey-trees.sh [6.1] [6.12] [7.3]     (default: 6.1 6.12)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
out=${H2R_BENCH_OUT:-$root/out/bench}/survey
units=12

for series in "${@:-6.1 6.12}"; do
  for s in $series; do
    work=$out/$s
    read -r db good total < <("$root/scripts/header-units.sh" "$s" "$work" "$units")
    echo "== Linux $s: $good of $total include/linux headers compile on their own, in $units units"
    # 3. The survey at each -j, compared.
    for j in 1 2 4; do
      /usr/bin/time -f "%e %M" -o "$work/time" "$tool" survey -p "$(dirname "$db")" \
        -j"$j" -o "$work/j$j.json" || true
      read -r wall rss < "$work/time"
      python3 - "$work/j$j.json" "$wall" "$rss" "$j" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d["summary"]
wall, rss, j = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
top = sorted(s["rejected_by_construct"].items(), key=lambda kv: -kv[1])[:6]
print("-j%d: %d units (%d failed), %d functions, %.1f%% translatable, %.2f s wall, "
      "%d MiB peak, %.0f functions/s/core" % (
      j, s["units"], s["failed_units"], s["functions"], 100 * s["translatable_share"],
      wall, rss // 1024, s["functions"] / wall / min(j, 2)))
print("     top reasons: " + ", ".join("%s %d" % kv for kv in top))
PY
    done
    cmp -s "$work/j1.json" "$work/j2.json" && cmp -s "$work/j1.json" "$work/j4.json" &&
      echo "-j1, -j2 and -j4 give identical JSON" ||
      { echo "survey-trees: -j changes the result" >&2; exit 1; }
  done
done
