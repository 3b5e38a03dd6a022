#!/usr/bin/env bash
# Prints the path of a pristine, unconfigured full source tree of one of the
# project's kernels, unpacked once into <cache-dir> (kbuild builds it with O=,
# so it stays clean):
#   7.3   linux-source-7.3 from trixie-backports (private sources list)
#   7.2   linux-source-7.2 likewise
#   6.12  Debian 12's linux-source-6.12 (/usr/src/linux-source-6.12.tar.xz)
#
# With --patched, the path of a hard-linked copy of it
# (<cache-dir>/tree-<series>-helpers2rs) with the project's patch series for
# that release applied (kernel/patches/<series>, apply-series.sh):
# CONFIG_RUST_TRANSLATED_HELPERS=y and `make HELPERS2RS=<tool>` translate;
# with the option off the copy builds as the pristine tree. A changed series
# makes the copy again.
#
#   kernel-tree.sh <series> <cache-dir> [--patched]
set -euo pipefail
series=$1 cache=$2 patched=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$cache"
if [ "$patched" = --patched ]; then
  pristine=$("$0" "$series" "$cache")
  src="$cache/tree-$series-helpers2rs"
  stamp=$(cat "$root/kernel/patches/$series"/*.patch | sha256sum | cut -d' ' -f1)
  # Builds started together (ctest -j) make the copy once.
  exec 9> "$src.lock"
  flock 9
  if [ "$(cat "$src/.h2r-series" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$src"
    cp -al "$pristine" "$src"
    "$root/scripts/kbuild/apply-series.sh" "$src" "$series" >&2
    echo "$stamp" > "$src/.h2r-series"
  fi
  echo "$src"
  exit 0
fi
case "$series" in
7.2 | 7.3)
  "$root/scripts/fetch-linux-source.sh" "linux-source-$series" trixie-backports \
    "$cache/src-$series" ;;
6.12)
  tarball=/usr/src/linux-source-6.12.tar.xz
  [ -f "$tarball" ] || {
    echo "kernel-tree: error: $tarball missing (scripts/install-deps.sh installs linux-source-6.12)" >&2
    exit 1; }
  version=$(dpkg-query -W -f='${Version}' linux-source-6.12)
  tree="$cache/src-6.12-$version/linux-source-6.12"
  if [ ! -f "$tree/.complete" ]; then
    rm -rf "$(dirname "$tree")"
    mkdir -p "$(dirname "$tree")"
    tar -C "$(dirname "$tree")" -xJf "$tarball"
    touch "$tree/.complete"
  fi
  echo "$tree" ;;
*)
  echo "kernel-tree: error: unknown tree '$series' (7.3, 7.2 or 6.12)" >&2
  exit 2 ;;
esac
