#!/usr/bin/env bash
# Makes a small git repository for working on a kernel patch series: the
# files of <release>'s pristine tree that the series touches, committed as
# tag `pristine`, and the series (kernel/patches/<from>/, default
# <release>'s own) applied on top with `git am`, one commit per patch. Edit
# it with git (amend, rebase; copy more pristine files in as needed), then
# write the series back:
#
#   git -C <dir> format-patch --zero-commit --no-signature \
#     -o "$PWD/kernel/patches/<release>" pristine..
#
# The blobs are the pristine tree's, so the patches are the ones a
# repository of the whole tree would give.
#
#   series-repo.sh <release> <dir> [<from>]
set -euo pipefail
release=$1 dir=$2 from=${3:-$1}
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
pristine=$("$root/scripts/kbuild/kernel-tree.sh" "$release" "$cache")
patches=("$root/kernel/patches/$from"/*.patch)
[ -f "${patches[0]}" ] || {
  echo "series-repo: error: no patch series for '$from' in kernel/patches" >&2; exit 2; }
[ ! -e "$dir" ] || { echo "series-repo: error: '$dir' exists" >&2; exit 2; }
mkdir -p "$dir"
git -C "$dir" init -q
mapfile -t touched < <(sed -n 's@^diff --git a/\(.*\) b/.*@\1@p' "${patches[@]}" | sort -u)
for file in "${touched[@]}"; do
  [ -e "$pristine/$file" ] || continue
  mkdir -p "$dir/$(dirname "$file")"
  cp -p "$pristine/$file" "$dir/$file"
  git -C "$dir" add -f -- "$file"
done
git -C "$dir" commit -q -m "pristine $release"
git -C "$dir" tag pristine
git -C "$dir" am -q "${patches[@]}"
git -C "$dir" log --oneline pristine..
