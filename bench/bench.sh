#!/usr/bin/env bash
# Wall time and peak memory of helpers2rs, best of N runs:
#  - the kernel helper corpus over the real 6.1 tree (the main job),
#  - the semantic corpus (small files, one per construct family),
#  - a survey of 300 real 6.1 headers,
# and of rustc compiling the kernel translation against bindgen's bindings.
#   bench/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain/rust-env.sh
runs=${1:-5}
tool=build/helpers2rs
[ -x "$tool" ] || scripts/build.sh >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# best <label> <command...>: the fastest of $runs runs, with its peak RSS.
best() {
  local label=$1; shift
  local best_wall="" best_rss=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>&1
    read -r wall rss < "$out/time"
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then
      best_wall=$wall best_rss=$rss
    fi
  done
  echo "$label: ${best_wall}s wall, $((best_rss / 1024)) MiB peak RSS (best of $runs)"
}

tree61=$(scripts/kernel-headers-tree.sh 6.1)
db=$(scripts/kernel-compile-commands.sh corpus/kernel "$out/module" "$tree61")
dir=$(dirname "$db")
best "kernel corpus (394 helpers, one TU), translate" \
  "$tool" translate -p "$dir" "$dir/helpers.c" \
  --bindgen-parameters=corpus/kernel/bindgen_parameters \
  --bindings-path=crate::bindings -o "$out/k.rs" --report "$out/k.json"
semantic=(corpus/semantics/*/*.c)
best "semantic corpus (${#semantic[@]} cases), translate" \
  "$tool" translate "${semantic[@]}" --types=self --rust-version=1.87 \
  -o "$out/s.rs" -- -O2

python3 -c "print('int rust_helper_sum(int a) { return ' + ' + '.join(['a'] * 20000) + '; }')" > "$out/sum.c"
best "a 20,000-term sum (clang-19 -O2 -c: $( { /usr/bin/time -f %e clang-19 -O2 -c "$out/sum.c" -o "$out/sum.o"; } 2>&1 )s)" \
  "$tool" translate "$out/sum.c" --types=self -o "$out/sum.rs" -- -O2

sdb=$(scripts/kernel-compile-commands.sh corpus/survey "$out/survey" "$tree61")
best "survey of 300 6.1 headers (2 units, -j2)" \
  "$tool" survey -p "$(dirname "$sdb")" -j2 -o "$out/survey.json"

scripts/kernel-corpus.sh "$tool" "$out/kc" >/dev/null 2>&1
best "rustc -O: kernel translation + 44k lines of bindings" \
  rustc --edition=2021 --crate-type=lib -O -o "$out/libk.rlib" "$out/kc/helpers-crate.rs"
