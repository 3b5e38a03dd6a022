#!/usr/bin/env bash
# The kernel patch series as a distribution carries it (kernel/patches/<release>):
# for each release, `git am` applies it to the pristine tree in order
# (scripts/kbuild/apply-series.sh, on a hard-linked copy), the tree's own
# `scripts/checkpatch.pl --strict` finds nothing in any patch, `make
# rustavailable` says whether helpers2rs was found, and Kconfig offers
# CONFIG_RUST_TRANSLATED_HELPERS (and its KUnit suite) with the tool and
# refuses it without (kunit.py config: "Missing: ..."). Builds and boots
# are bench/patch-series.sh's and bench/kernel-boot.sh's.
#
#   check-series.sh <helpers2rs> <work-dir> <release>...
set -euo pipefail
tool=$(realpath "$1") work=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
. "$root/scripts/toolchain/rust-env.sh"
bindgen=$("$root/scripts/toolchain/build-bindgen.sh" "$cache")
# "helpers2rs 0.5.0" is 500 for Kconfig.
version=$("$tool" --version | awk -F'[ .]' 'NR == 1 { print $2 * 10000 + $3 * 100 + $4 }')
failures=0
check() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
for release in "$@"; do
  pristine=$("$root/scripts/kbuild/kernel-tree.sh" "$release" "$cache")
  tree=$work/$release
  cp -al "$pristine" "$tree"
  check "$release: git am applies the series" \
    "$root/scripts/kbuild/apply-series.sh" "$tree" "$release"
  check "$release: the pristine tree is untouched" \
    test ! -e "$pristine/scripts/helpers2rs-version.sh"
  for patch in "$root/kernel/patches/$release"/*.patch; do
    (cd "$tree" && perl scripts/checkpatch.pl --strict "$patch" > "$work/checkpatch.txt" 2>&1) || true
    check "$release: checkpatch --strict: $(basename "$patch")" \
      grep -q '^total: 0 errors, 0 warnings, 0 checks' "$work/checkpatch.txt"
  done
  make_opts=(ARCH=x86_64 CC=gcc "RUSTC=$RUSTC" "BINDGEN=$bindgen")
  (cd "$tree" && make O="$work/avail-$release" "${make_opts[@]}" HELPERS2RS="$tool" \
     rustavailable) > "$work/avail.txt" 2>&1 || true
  check "$release: rustavailable finds helpers2rs" \
    grep -qx "helpers2rs found: $("$tool" --version | head -n 1)" "$work/avail.txt"
  (cd "$tree" && make O="$work/avail-$release" "${make_opts[@]}" HELPERS2RS=/nonexistent \
     rustavailable) > "$work/avail.txt" 2>&1 || true
  check "$release: rustavailable says what it did not find" \
    grep -q "helpers2rs ('/nonexistent') not found" "$work/avail.txt"
  for with in "$tool" /nonexistent; do
    build=$work/config-$release-$(basename "$with")
    kopts=()
    for o in "${make_opts[@]}" "HELPERS2RS=$with"; do kopts+=(--make_options "$o"); done
    rc=0
    (cd "$tree" && python3 tools/testing/kunit/kunit.py config --arch=x86_64 \
       --build_dir="$build" --kunitconfig="$root/scripts/kbuild/rust-$release.kunitconfig" \
       "${kopts[@]}" --kconfig_add CONFIG_RUST_TRANSLATED_HELPERS=y \
       --kconfig_add CONFIG_RUST_TRANSLATED_HELPERS_KUNIT_TEST=y) > "$build.log" 2>&1 || rc=$?
    if [ "$with" = "$tool" ]; then
      check "$release: Kconfig offers the option with helpers2rs" test "$rc" = 0
      check "$release: .config records helpers2rs's version" \
        grep -qx "CONFIG_HELPERS2RS_VERSION=$version" "$build/.config"
      check "$release: and the suite's option" \
        grep -qx CONFIG_RUST_TRANSLATED_HELPERS_KUNIT_TEST=y "$build/.config"
    else
      check "$release: Kconfig refuses the option without helpers2rs" \
        grep -Eq '^Missing: (.*, )?CONFIG_RUST_TRANSLATED_HELPERS=y' "$build.log"
    fi
  done
  rm -rf "$tree"
done
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
