#!/usr/bin/env bash
# Prints the path of a pristine, unconfigured full source tree of one of the
# project's kernels, unpacked once into <cache-dir> (kbuild builds it with O=,
# so it stays clean):
#   7.3   linux-source-7.3 from trixie-backports (private sources list)
#   7.2   linux-source-7.2 likewise
#   6.12  Debian 12's linux-source-6.12 (/usr/src/linux-source-6.12.tar.xz)
#
#   kernel-tree.sh <series> <cache-dir>
set -euo pipefail
series=$1 cache=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$cache"
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
