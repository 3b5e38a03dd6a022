#!/usr/bin/env bash
# Golden tests: every corpus case has its expected Rust beside it
# (corpus/semantics/<topic>/<case>.c and <case>.expected.rs: one topic per
# folder, one construct per case, what the cases of a topic share in its
# common.h); the translation must match it byte for byte, pass clippy's lint
# gate as errors and be left unchanged by rustfmt. corpus/aarch64's files
# are parsed and compiled for AArch64.
#
#   run-golden.sh <helpers2rs> <out-dir> [--bless]
#
# --bless rewrites the expected files from the current output instead
# (scripts/bless-golden.sh); review the diff before committing it.
set -euo pipefail
tool=$(realpath "$1") out=$2 bless=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/toolchain/rust-env.sh"
: "${CLIPPY_DRIVER:=clippy-driver}" "${RUSTFMT:=rustfmt}"
# The lint gate (docs/user-guide.md): all of clippy's default set, as errors.
# The naming lints stay off: helpers keep the C names the kernel calls.
lints=(-D warnings -D clippy::all
       -A non_snake_case -A non_camel_case_types -A non_upper_case_globals)

mkdir -p "$out"
out=$(realpath "$out")
. "$root/tests/aarch64-corpus.sh"
failed=0
cd "$root/corpus"
for src in semantics/*/*.c rejections/*/*.c aarch64/*.c; do
  name=${src%.c}
  expected=$name.expected.rs
  case=${name//\//_}
  actual=$out/$case.rs
  read -ra opts <<< "$(sed -n 's|^/\* helpers2rs-options: \(.*\) \*/$|\1|p' "$src")"
  cflags=() rustflags=() crate=$actual
  if [[ $src == aarch64/* ]]; then
    cflags=("${AARCH64_PARSE[@]}") rustflags=("${AARCH64_RUSTFLAGS[@]}")
    crate=$out/${case}_no_std.rs
  fi
  # Relative input names: the output names files as the command line does.
  "$tool" translate "$src" --types=self --rust-version=1.87 "${opts[@]}" -o "$actual" \
    -- -O2 -fno-strict-overflow "${cflags[@]}" 2>/dev/null || true
  if [[ ! -s $actual ]]; then
    echo "FAIL $src: no output"; failed=1; continue
  fi
  if [[ $crate != "$actual" ]]; then
    # A crate of its own for the target, whose functions are all compiled
    # (an inline one is only where it is called), so LLVM assembles each asm.
    { echo '#![no_std]'; sed 's/^#\[inline(always)\]$/#[inline(never)]/' "$actual"; } > "$crate"
  fi
  if [[ $bless == --bless ]]; then
    cp "$actual" "$expected"
    echo "blessed $expected"
  elif ! diff -u "$expected" "$actual" > "$actual.diff"; then
    echo "FAIL $src: output differs from $expected (scripts/bless-golden.sh after a deliberate change)"
    head -40 "$actual.diff"
    failed=1
  fi
  if ! "$CLIPPY_DRIVER" --edition=2021 --crate-type=lib "${lints[@]}" "${rustflags[@]}" \
       -o "$out/lib${case//-/_}.rlib" "$crate" 2> "$actual.clippy"; then
    echo "FAIL $src: clippy"; head -40 "$actual.clippy"; failed=1
  fi
  if ! "$RUSTFMT" --edition 2021 --check "$actual" > "$actual.fmt"; then
    echo "FAIL $src: not rustfmt-clean"; head -40 "$actual.fmt"; failed=1
  fi
done
exit $failed
