#!/usr/bin/env bash
# The kernel patch series, step by step, as a bisection would build it: for
# each release, the kunitconfig (x86_64, GCC, Debian's Rust) built on the
# pristine tree and then after each patch (kernel/patches/<release>, applied
# with scripts/kbuild/apply-series.sh), with CONFIG_RUST_TRANSLATED_HELPERS
# off and, from the patch that adds it, on (with the differential suite
# where its option exists). Prints a line per build, and checks that:
#   - every step builds (vmlinux);
#   - with the option off, each step gives the pristine tree's rust/
#     objects (the same bytes), built again from nothing (kbuild would not
#     rebuild them for a new Kconfig symbol: rustc reads the
#     configuration's cfg file as an argument file, not a dependency);
#   - with it on, every helper of the report that is not left to C is
#     called nowhere in the Rust objects (scripts/kbuild/rust-calls.py
#     --check-calls).
# A benchmark, not a test: a full build first, then incremental ones, in
# <dir>/<release>/build (default $H2R_CACHE/patch-series), reused by the
# next run. Exits non-zero if a check fails.
#
#   bench/patch-series.sh [--out <dir>] <release>...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
out=$cache/patch-series releases=()
while [ $# -gt 0 ]; do
  case "$1" in
  --out) out=$2; shift 2 ;;
  -*) echo "patch-series: error: unknown option '$1'" >&2; exit 2 ;;
  *) releases+=("$1"); shift ;;
  esac
done
[ ${#releases[@]} -gt 0 ] || { echo "usage: patch-series.sh [--out <dir>] <release>..." >&2; exit 2; }
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
tool=$(realpath "$tool")
. "$root/scripts/toolchain/rust-env.sh"
bindgen=$("$root/scripts/toolchain/build-bindgen.sh" "$cache")
make_opts=(ARCH=x86_64 CC=gcc "RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
           "RUSTFMT=$RUSTFMT" "CLIPPY_DRIVER=$CLIPPY_DRIVER" "BINDGEN=$bindgen"
           "HELPERS2RS=$tool")
kopts=()
for o in "${make_opts[@]}"; do kopts+=(--make_options "$o"); done
failed=0
rust_objects_digest() { # <build>
  (cd "$1" && find rust -name '*.o' ! -name 'helpers2rs_differential*' -print0 |
     sort -z | xargs -0 sha256sum)
}
for release in "${releases[@]}"; do
  pristine=$("$root/scripts/kbuild/kernel-tree.sh" "$release" "$cache")
  patches=("$root/kernel/patches/$release"/*.patch)
  # One tree path and one build directory for every step: kbuild rebuilds
  # only what a step changes.
  mkdir -p "$out/$release"
  tree=$out/$release/tree build=$out/$release/build
  for step in $(seq 0 ${#patches[@]}); do
    rm -rf "$tree"
    cp -al "$pristine" "$tree"
    "$root/scripts/kbuild/apply-series.sh" "$tree" "$release" "$step"
    if [ ! -f "$build/.config" ]; then
      (cd "$tree" && python3 tools/testing/kunit/kunit.py config --arch=x86_64 \
         --build_dir="$build" --kunitconfig="$root/scripts/kbuild/rust-$release.kunitconfig" \
         "${kopts[@]}") > "$out/$release/config.log" 2>&1
    fi
    settings=(off)
    grep -q '^config RUST_TRANSLATED_HELPERS$' "$tree/lib/Kconfig.debug" && settings=(off on)
    for setting in "${settings[@]}"; do
      if [ "$setting" = on ]; then
        "$tree/scripts/config" --file "$build/.config" --enable RUST_TRANSLATED_HELPERS \
          --enable RUST_TRANSLATED_HELPERS_KUNIT_TEST
      else
        "$tree/scripts/config" --file "$build/.config" --disable RUST_TRANSLATED_HELPERS \
          --disable RUST_TRANSLATED_HELPERS_KUNIT_TEST
      fi
      log=$out/$release/step$step-$setting.log
      if [ "$setting" = off ] && [ "$step" != 0 ]; then
        find "$build/rust" -name '*.o' -delete
      fi
      start=$(date +%s)
      if ! (cd "$tree" && make O="$build" "${make_opts[@]}" olddefconfig &&
            make O="$build" -j"$(nproc)" "${make_opts[@]}") > "$log" 2>&1; then
        echo "$release step $step ($setting): build failed: $(grep -m1 -E 'error|Error' "$log") (log: $log)"
        failed=$((failed + 1)); continue
      fi
      line="$release step $step/${#patches[@]}, option $setting: built in $(( $(date +%s) - start )) s"
      if [ "$setting" = on ]; then
        grep -qx CONFIG_RUST_TRANSLATED_HELPERS=y "$build/.config" || {
          echo "$line; Kconfig refused the option"; failed=$((failed + 1)); continue; }
        calls=$(python3 "$root/scripts/kbuild/rust-calls.py" "step$step" "$build" 0 \
                  --check-calls) || failed=$((failed + 1))
        echo "$line; ${calls#*; }"
      else
        grep -q '^CONFIG_RUST_TRANSLATED_HELPERS=y' "$build/.config" && {
          echo "$line; the option stayed on"; failed=$((failed + 1)); continue; }
        rust_objects_digest "$build" > "$out/$release/step$step-off.digest"
        if [ "$step" = 0 ]; then
          echo "$line; rust/: $(wc -l < "$out/$release/step0-off.digest") objects"
        elif cmp -s "$out/$release/step0-off.digest" "$out/$release/step$step-off.digest"; then
          echo "$line; rust/ objects identical to the pristine tree's"
        else
          echo "$line; rust/ objects differ from the pristine tree's:"
          diff "$out/$release/step0-off.digest" "$out/$release/step$step-off.digest" |
            sed -n 's/^> [0-9a-f]*  /  /p'
          failed=$((failed + 1))
        fi
      fi
    done
  done
done
[ "$failed" = 0 ] || { echo "patch-series: $failed check(s) failed"; exit 1; }
