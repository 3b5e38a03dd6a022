#!/usr/bin/env bash
# Wall time and peak memory of translating the embedded corpus, best of N.
#   bench/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tool=build/helpers2rs
[ -x "$tool" ] || scripts/build.sh >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=(corpus/semantics/*.c)
best_wall="" best_rss=""
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$out/time" "$tool" translate "${files[@]}" \
    --types=self -o "$out/h.rs" --report "$out/r.json" -- -O2
  read -r wall rss < "$out/time"
  if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then
    best_wall=$wall best_rss=$rss
  fi
done
helpers=$(grep -c '"rust_name"' "$out/r.json")
echo "corpus: ${#files[@]} files, $helpers helpers"
echo "translate: best of $runs: ${best_wall}s wall, $((best_rss / 1024)) MiB peak RSS"
/usr/bin/time -f "%e %M" -o "$out/time" rustc --edition=2021 --crate-type=lib -O \
  -A non_snake_case -A non_camel_case_types -A non_upper_case_globals \
  --out-dir "$out" "$out/h.rs"
read -r wall rss < "$out/time"
echo "rustc -O on the output: ${wall}s wall, $((rss / 1024)) MiB peak RSS"
