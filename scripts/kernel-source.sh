#!/usr/bin/env bash
# Makes one of the project's real kernel trees ready, chosen by name, and
# prints "<srctree> <objtree>": the tree holding rust/ and the configured
# tree kbuild builds in.
#
#   kernel-source.sh 6.12 <cache-dir>  # Debian's linux-source-6.12 (rust/
#                                      # only) + linux-headers-6.12.*-amd64
#   kernel-source.sh 7.3 <cache-dir>   # linux-source-7.3 from trixie-backports,
#                                      # configured here with clang-19
#   kernel-source.sh 7.2 <cache-dir>   # linux-source-7.2 likewise
set -euo pipefail
series=$1 cache=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$cache"
cache=$(realpath "$cache")
case "$series" in
6.12)
  tarball=/usr/src/linux-source-6.12.tar.xz
  [ -f "$tarball" ] || {
    echo "kernel-source: error: $tarball missing (scripts/install-deps.sh installs linux-source-6.12)" >&2
    exit 1
  }
  src="$cache/linux-source-6.12"
  if [ ! -f "$src/rust/.complete" ]; then
    rm -rf "$src"
    tar -C "$cache" -xJf "$tarball" linux-source-6.12/rust \
      linux-source-6.12/scripts/min-tool-version.sh
    touch "$src/rust/.complete"
  fi
  echo "$src $("$here/kernel-headers-tree.sh" 6.12)"
  ;;
7.2 | 7.3)
  src=$("$here/fetch-linux-source.sh" "linux-source-$series" trixie-backports "$cache")
  "$here/configure-kernel-tree.sh" "$src" >&2
  echo "$src $src"
  ;;
*)
  echo "kernel-source: error: unknown tree '$series' (6.12, 7.2 or 7.3)" >&2
  exit 1
  ;;
esac
