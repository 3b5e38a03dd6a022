#!/usr/bin/env bash
# Builds a helper folder as an out-of-tree module with a configured kernel
# tree's own kbuild, and writes the compile commands kbuild really ran to
# <out-dir>/compile_commands.json (the helper files are copied there first,
# so the source folder stays clean, subfolders such as net/ included).
#
#   kernel-compile-commands.sh <helper-dir> <out-dir> <kernel-tree>
#
# The tree is a configured kernel tree (kernel-headers-tree.sh names one).
# With CC=clang-19 a GCC-configured tree passes options clang rejects, so the
# build itself fails; the commands it printed are what we keep, and
# helpers2rs drops those options (-v lists them).
set -euo pipefail
src=$(realpath "$1") out=$2
tree=$3
[ -f "$tree/Makefile" ] || {
  echo "kernel-compile-commands: error: '$tree' is not a configured kernel tree" >&2
  exit 1
}
mkdir -p "$out"
out=$(realpath "$out")
(cd "$src" && find . -name '*.c' -o -name '*.h' -o -name Kbuild) |
  while read -r f; do mkdir -p "$out/$(dirname "$f")"; cp "$src/$f" "$out/$f"; done
[ -f "$out/Kbuild" ] || echo 'obj-m := helpers.o' > "$out/Kbuild"
make -k -j"$(nproc)" -C "$tree" M="$out" CC=clang-19 V=1 modules > "$out/kbuild.log" 2>&1 || true
python3 "$(dirname "$0")/kbuild-commands.py" "$out/kbuild.log" "$tree" clang-19 "$out" \
  > "$out/compile_commands.json"
echo "$out/compile_commands.json"
