#!/usr/bin/env bash
# Every include/linux/*.h of a kernel tree that compiles on its own (with
# that tree's kbuild flags; the tool drops what clang-19 rejects), spread
# over <units> C files, each `#include`-ing its share, with the compile
# commands kbuild ran for them. Prints "<compile_commands.json> <headers
# used> <headers tried>". The surveys (bench/survey-trees.sh) and the
# whole-header check (bench/whole-header-check.sh) start from these units.
#
#   header-units.sh 6.1|6.12|7.2|7.3 <work-dir> <units> [<helpers2rs>]
#
# H2R_HEADER_LIMIT=N takes the first N headers in name order only (a quick
# slice for CI).
set -euo pipefail
series=$1 work=$2 units=$3
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${4:-$root/build/helpers2rs}
case "$series" in
# Debian keeps the headers of a configured tree in its -common twin.
6.1 | 6.12) tree=$("$root/scripts/kernel-headers-tree.sh" "$series")
            headers=${tree%-amd64}-common ;;
7.2 | 7.3) read -r _ tree < <("$root/scripts/kernel-source.sh" "$series" "$work/kernels")
     headers=$tree ;;
*) echo "header-units: error: unknown tree '$series' (6.1, 6.12, 7.2 or 7.3)" >&2; exit 2 ;;
esac
rm -rf "$work/probe" "$work/probe-db" "$work/units" "$work/db"
mkdir -p "$work/probe" "$work/units"
# 1. Which headers compile on their own: one probe unit each, built by
#    kbuild so the flags are the tree's (a GCC-configured tree's own compile
#    fails under clang-19; the tool drops what clang rejects, so the tool
#    itself says which parse).
names=()
for h in "$headers"/include/linux/*.h; do
  n=$(basename "$h" .h)
  [[ $n =~ ^[A-Za-z0-9_]+$ ]] || continue
  # hidden.h is only ever -include'd by position-independent boot and vDSO
  # code: its `#pragma GCC visibility push(hidden)` would hide every later
  # header's functions from bindgen, which binds default visibility only.
  [ "$n" = hidden ] && continue
  printf '#include <linux/%s.h>\n' "$n" > "$work/probe/p_$n.c"
  names+=("$n")
  [ "${#names[@]}" = "${H2R_HEADER_LIMIT:-0}" ] && break
done
printf 'obj-m := %s\n' "$(printf 'p_%s.o ' "${names[@]}")" > "$work/probe/Kbuild"
pdb=$("$root/scripts/kernel-compile-commands.sh" "$work/probe" "$work/probe-db" "$tree")
"$tool" survey -p "$(dirname "$pdb")" -j"$(nproc)" --keep-going \
  -o "$work/probe.json" 2> /dev/null || true
mapfile -t good < <(python3 - "$work/probe.json" "${names[@]}" <<'PY'
import json, os, sys
failed = {os.path.basename(u) for u in json.load(open(sys.argv[1]))["failed_units"]}
for n in sys.argv[2:]:
    if "p_%s.c" % n not in failed:
        print(n)
PY
)
# 2. The good headers in <units> units.
for ((u = 0; u < units; u++)); do : > "$work/units/unit_$u.c"; done
i=0
for n in "${good[@]}"; do
  printf '#include <linux/%s.h>\n' "$n" >> "$work/units/unit_$((i % units)).c"
  i=$((i + 1))
done
objs=$(for ((u = 0; u < units; u++)); do printf 'unit_%d.o ' "$u"; done)
printf 'obj-m := survey_units.o\nsurvey_units-y := %s\n' "$objs" > "$work/units/Kbuild"
db=$("$root/scripts/kernel-compile-commands.sh" "$work/units" "$work/db" "$tree")
echo "$db ${#good[@]} ${#names[@]}"
