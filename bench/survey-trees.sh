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
    case "$s" in
    # Debian keeps the headers of a configured tree in its -common twin.
    6.1 | 6.12) tree=$("$root/scripts/kernel-headers-tree.sh" "$s")
                headers=${tree%-amd64}-common ;;
    7.3) read -r _ tree < <("$root/scripts/kernel-source.sh" 7.3 "$out/kernels")
         headers=$tree ;;
    *) echo "survey-trees: unknown tree '$s'" >&2; exit 1 ;;
    esac
    work=$out/$s
    rm -rf "$work" && mkdir -p "$work/probe" "$work/units"
    # 1. Which headers compile on their own: one probe unit each, built by
    #    kbuild so the flags are the tree's.
    names=()
    for h in "$headers"/include/linux/*.h; do
      n=$(basename "$h" .h)
      [[ $n =~ ^[A-Za-z0-9_]+$ ]] || continue
      printf '#include <linux/%s.h>\n' "$n" > "$work/probe/p_$n.c"
      names+=("$n")
    done
    # (a GCC-configured tree's own compile fails under clang-19; the tool
    # drops what clang rejects, so the tool itself says which parse).
    printf 'obj-m := %s\n' "$(printf 'p_%s.o ' "${names[@]}")" > "$work/probe/Kbuild"
    pdb=$("$root/scripts/kernel-compile-commands.sh" "$work/probe" "$work/probe-db" "$tree")
    "$tool" survey -p "$(dirname "$pdb")" -j"$(nproc)" --keep-going \
      -o "$work/probe.json" 2> /dev/null
    mapfile -t good < <(python3 - "$work/probe.json" "${names[@]}" <<'PY'
import json, os, sys
failed = {os.path.basename(u) for u in json.load(open(sys.argv[1]))["failed_units"]}
for n in sys.argv[2:]:
    if "p_%s.c" % n not in failed:
        print(n)
PY
)
    # 2. The good headers in $units units.
    for ((u = 0; u < units; u++)); do : > "$work/units/unit_$u.c"; done
    i=0
    for n in "${good[@]}"; do
      printf '#include <linux/%s.h>\n' "$n" >> "$work/units/unit_$((i % units)).c"
      i=$((i + 1))
    done
    objs=$(for ((u = 0; u < units; u++)); do printf 'unit_%d.o ' "$u"; done)
    printf 'obj-m := survey_units.o\nsurvey_units-y := %s\n' "$objs" > "$work/units/Kbuild"
    db=$("$root/scripts/kernel-compile-commands.sh" "$work/units" "$work/db" "$tree")
    echo "== Linux $s: ${#good[@]} of ${#names[@]} include/linux headers compile on their own, in $units units"
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
