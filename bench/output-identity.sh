#!/usr/bin/env bash
# Two builds of helpers2rs give byte-identical outputs: the semantic,
# rejection and AArch64 corpora (the golden tests' commands), the
# translation of every kbuild build directory named (its saved rule
# command: the Rust, the report, the depfile, the in-kernel suite), and that
# report rendered in every format and diffed against the first build's. Run
# it before a refactor is called behaviour-preserving.
#
#   bench/output-identity.sh <old-helpers2rs> <new-helpers2rs> [<kbuild-build-dir>...]
#
# Default build directories: the cached kernels of `ctest -L boot` and of
# bench/patch-series.sh ($H2R_CACHE/{kernels,patch-series}/*/build whose
# rule runs helpers2rs).
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2")
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
builds=("$@")
if [[ ${#builds[@]} == 0 ]]; then
  for cmd in "$cache"/{kernels,patch-series}/*/build/rust/bindings/.bindings_helpers_generated.rs.cmd; do
    grep -q "helpers2rs translate" "$cmd" && builds+=("${cmd%/rust/bindings/*}")
  done
fi
. "$root/tests/aarch64-corpus.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT


# render <tool> <report> <out> [<old-report>]: the report in every format,
# and the diff against another.
render() {
  local tool=$1 report=$2 out=$3 old=${4:-}
  local format
  for format in md html json sarif cover-letter; do
    "$tool" report "$report" --format=$format -o "$out/report.$format" 2>> "$out/stderr" || true
  done
  if [[ -n $old ]]; then
    "$tool" report "$report" --diff="$old" -o "$out/diff.md" 2>> "$out/stderr" || true
  fi
}

# corpus <tool> <out>: the golden tests' translation of each corpus file.
corpus() {
  local tool=$1 out=$2
  mkdir -p "$out"
  cd "$root/corpus"
  for src in semantics/*/*.c rejections/*/*.c aarch64/*.c; do
    local name cflags=() opts=()
    name=${src%.c} name=${name//\//_}
    read -ra opts <<< "$(sed -n 's|^/\* helpers2rs-options: \(.*\) \*/$|\1|p' "$src")"
    [[ $src == aarch64/* ]] && cflags=("${AARCH64_PARSE[@]}")
    "$tool" translate "$src" --types=self --rust-version=1.87 "${opts[@]}" \
      -o "$out/$name.rs" --report "$out/$name.json" \
      -- -O2 -fno-strict-overflow "${cflags[@]}" 2> "$out/$name.err" || true
  done
  # A survey of the semantic corpus, rendered in every format.
  "$tool" survey semantics/*/*.c --types=self -o "$out/survey.json" -- -O2 \
    2> "$out/survey.err" || true
  render "$tool" "$out/survey.json" "$out"
  cd - > /dev/null
}

# kbuild <tool> <build> <out>: the rule's saved command, outputs redirected.
kbuild() {
  local tool=$1 build=$2 out=$3
  mkdir -p "$out"
  python3 - "$tool" "$build" "$out" <<'PY'
import os, subprocess, sys
sys.path.insert(0, os.path.join(os.environ["ROOT"], "bench"))
speed = __import__("translate-speed")
tool, build, out = sys.argv[1:4]
saved = speed.saved_command(os.path.join(build, "rust/bindings/.bindings_helpers_generated.rs.cmd"))
r = subprocess.run(speed.tool_command(saved, tool, out), cwd=build,
                   stderr=open(os.path.join(out, "stderr"), "w"))
open(os.path.join(out, "exit-status"), "w").write("%d\n" % r.returncode)
PY
  # The depfile names the scratch directory; the rest must match as is.
  [[ -e $out/out.d ]] && sed -i "s|$out|OUT|g" "$out/out.d"
  return 0
}

export ROOT=$root
different=0
corpus "$old" "$work/old/corpus"
corpus "$new" "$work/new/corpus"
if ! diff -r "$work/old/corpus" "$work/new/corpus" > "$work/corpus.diff"; then
  echo "DIFFERENT corpus:"; head -20 "$work/corpus.diff"; different=1
else
  echo "identical corpus: $(ls "$work/new/corpus" | wc -l) files"
fi
first=""
for build in "${builds[@]}"; do
  label=$(basename "$(dirname "$build")")
  kbuild "$old" "$build" "$work/old/$label"
  kbuild "$new" "$build" "$work/new/$label"
  # Both render the same report (the new tool's), diffed against the first.
  cp "$work/new/$label/report.json" "$work/$label.json"
  render "$old" "$work/$label.json" "$work/old/$label" "$first"
  render "$new" "$work/$label.json" "$work/new/$label" "$first"
  first=${first:-$work/$label.json}
  if diff -r "$work/old/$label" "$work/new/$label" > "$work/$label.diff"; then
    echo "identical $label (exit $(cat "$work/new/$label/exit-status")): $(ls "$work/new/$label" | tr '\n' ' ')"
  else
    echo "DIFFERENT $label:"; head -20 "$work/$label.diff"; different=1
  fi
done
exit $different
