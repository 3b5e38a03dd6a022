#!/usr/bin/env bash
# Differential test of one corpus file: the C original and its Rust
# translation are linked into one binary and compared on an edge-value grid.
#
#   run-difftest.sh <helpers2rs> <diffgen> <corpus.c> <work-dir>
#
# Also checks that every helper of the file was translated (semantic corpus
# files hold only translatable constructs) and that the --export=inline form
# compiles too. Every Rust file is compiled with warnings denied.
set -euo pipefail

tool=$1 diffgen=$2 src=$3 work=$4
: "${RUSTC:=rustc}" "${CC_DIFF:=clang-19}"
rustflags=(--edition=2021 -O -D warnings
           -A non_snake_case -A non_camel_case_types -A non_upper_case_globals)

# A corpus file may ask for options: /* helpers2rs-options: ... */
read -ra opts <<< "$(sed -n 's|^/\* helpers2rs-options: \(.*\) \*/$|\1|p' "$src")"
# ... and the C side its flags: /* difftest-cflags: ... */ (a shim's C
# reference form, corpus/semantics/shims.c).
read -ra cflags <<< "$(sed -n 's|^/\* difftest-cflags: \(.*\) \*/$|\1|p' "$src")"
# ... and the compiler whose meaning the C original has, where Clang's
# differs: /* difftest-cc: gcc */ (GCC puts a `__seg_gs` memory operand of
# an asm in the segment; Clang drops the segment).
cc_original=$(sed -n 's|^/\* difftest-cc: \(.*\) \*/$|\1|p' "$src")
: "${cc_original:=$CC_DIFF}"

rm -rf "$work" && mkdir -p "$work"
cd "$work"

"$tool" translate "$src" --types=self --export=c-abi --symbol-prefix=h2r_ --rust-version=1.87 \
  "${opts[@]}" --report report.json -o cabi.rs -- -O2 -fno-strict-overflow
"$tool" translate "$src" --types=self --export=inline --rust-version=1.87 "${opts[@]}" \
  -o inline.rs -- -O2 -fno-strict-overflow

"$diffgen" report.json h2r_ --require-translated > driver.c

"$RUSTC" "${rustflags[@]}" --crate-type=staticlib -o librs.a cabi.rs
"$RUSTC" "${rustflags[@]}" --crate-type=lib -o libinline.rlib inline.rs
"$cc_original" -O2 -fno-strict-overflow -w "${cflags[@]}" -c "$src" -o original.o
"$CC_DIFF" -O1 -w driver.c original.o librs.a -lpthread -ldl -lm -o difftest
./difftest
