#!/usr/bin/env bash
# Applies the project's kernel patch series for <release>
# (kernel/patches/<release>/*.patch: CONFIG_RUST_TRANSLATED_HELPERS, its
# rust/Makefile rule, the differential suite's option, the documentation)
# to a kernel source tree with `git am`, as a distribution applies its own.
#
# The tree needs no repository of its own: a throwaway one, outside the
# tree, records the files the series touches, and goes afterwards, so that
# kbuild's setlocalversion finds no repository and the kernel's version
# stays the pristine tree's. Files the series changes are copied before it
# does, so a tree that hard-links a pristine one (cp -al) leaves that one
# untouched.
#
#   apply-series.sh <srctree> <release> [<count>]
#     <count>: only the first <count> patches (a step of a bisection)
set -euo pipefail
tree=$1 release=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
patches=("$root/kernel/patches/$release"/*.patch)
[ -f "${patches[0]}" ] || {
  echo "apply-series: error: no patch series for '$release' in kernel/patches" >&2; exit 2; }
patches=("${patches[@]:0:${3:-${#patches[@]}}}")
[ ${#patches[@]} -gt 0 ] || exit 0
git_dir=$(mktemp -d)
trap 'rm -rf "$git_dir"' EXIT
git=(git --git-dir="$git_dir" --work-tree="$tree" -c user.name=helpers2rs
     -c user.email=helpers2rs@localhost -c commit.gpgsign=false)
"${git[@]}" init -q
mapfile -t touched < <(sed -n 's@^diff --git a/\(.*\) b/.*@\1@p' "${patches[@]}" | sort -u)
for file in "${touched[@]}"; do
  [ -e "$tree/$file" ] || continue
  cp -p "$tree/$file" "$tree/$file.h2r-copy"
  mv "$tree/$file.h2r-copy" "$tree/$file"
  "${git[@]}" add -f -- "$file"
done
"${git[@]}" commit -q -m "pristine $release"
"${git[@]}" am -q "${patches[@]}" || {
  echo "apply-series: error: the $release series does not apply to $tree" >&2; exit 1; }
