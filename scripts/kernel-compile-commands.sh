#!/usr/bin/env bash
# Builds a helper folder as an out-of-tree module with a configured kernel
# tree's own kbuild, and writes the compile commands kbuild really ran to
# <out-dir>/compile_commands.json (the helper files are copied there first,
# so the source folder stays clean).
#
#   kernel-compile-commands.sh <helper-dir> <out-dir> [<kernel-tree>]
#
# The default tree is the newest /usr/src/linux-headers-*-amd64. With
# CC=clang-19 a GCC-configured tree passes options clang rejects, so the
# build itself fails; the commands it printed are what we keep, and
# helpers2rs drops those options (-v lists them).
set -euo pipefail
src=$(realpath "$1") out=$2
tree=${3:-$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)}
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || {
  echo "kernel-compile-commands: error: no configured kernel tree (install linux-headers-amd64)" >&2
  exit 1
}
mkdir -p "$out"
out=$(realpath "$out")
cp "$src"/*.c "$src"/Kbuild "$out"/
make -k -C "$tree" M="$out" CC=clang-19 V=1 modules > "$out/kbuild.log" 2>&1 || true
python3 "$(dirname "$0")/kbuild-commands.py" "$out/kbuild.log" "$tree" clang-19 \
  > "$out/compile_commands.json"
echo "$out/compile_commands.json"
