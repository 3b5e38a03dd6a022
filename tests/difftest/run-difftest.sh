#!/usr/bin/env bash
# Differential test of one corpus file: the C original and its Rust
# translation are linked into one binary and compared on an edge-value grid.
#
#   run-difftest.sh <helpers2rs> <diffgen> <corpus.c> <work-dir>
#
# Also checks that every helper of the file was translated (semantic corpus
# files hold only translatable constructs) and that the --export=inline form
# compiles too. Every Rust file is compiled with warnings denied.
#
# corpus/aarch64's files are arm64's asm: parsed for AArch64, the C compiled
# by GCC's cross compiler, the Rust for the kernel's arm64 target
# (aarch64-unknown-none-softfloat, core from rust-src), linked statically
# and run under user-mode QEMU (`qemu-aarch64`, whose default CPU has LSE).
# A helper that cannot run at EL0 (a read of an EL1 register) is named in
# the file: /* difftest-not-run: <helper>... */; it is compiled, not called.
set -euo pipefail

tool=$1 diffgen=$2 src=$3 work=$4
: "${RUSTC:=rustc}" "${CC_DIFF:=clang-19}"
rustflags=(--edition=2021 -O -D warnings
           -A non_snake_case -A non_camel_case_types -A non_upper_case_globals)

# A corpus file may ask for options: /* helpers2rs-options: ... */
read -ra opts <<< "$(sed -n 's|^/\* helpers2rs-options: \(.*\) \*/$|\1|p' "$src")"
# ... and the C side its flags: /* difftest-cflags: ... */ (a shim's C
# reference form, corpus/semantics/shims/shims.c).
read -ra cflags <<< "$(sed -n 's|^/\* difftest-cflags: \(.*\) \*/$|\1|p' "$src")"
# ... and the compiler whose meaning the C original has, where Clang's
# differs: /* difftest-cc: gcc */ (GCC puts a `__seg_gs` memory operand of
# an asm in the segment; Clang drops the segment).
cc_original=$(sed -n 's|^/\* difftest-cc: \(.*\) \*/$|\1|p' "$src")
: "${cc_original:=$CC_DIFF}"

not_run=()
for h in $(sed -n 's|^/\* difftest-not-run: \(.*\) \*/$|\1|p' "$src"); do
  not_run+=(--not-run "$h")
done
parse=() run=() libs=(-lpthread -ldl -lm) no_std=no
if [[ $src == */aarch64/* ]]; then
  . "$(dirname "$0")/../aarch64-corpus.sh"
  parse=("${AARCH64_PARSE[@]}")
  rustflags+=("${AARCH64_RUSTFLAGS[@]}" -Cpanic=abort)
  # Not position-independent, as the kernel: an "i" operand may then be a
  # symbol's address (a static branch's key).
  cc_original=aarch64-linux-gnu-gcc cflags+=(-fno-pie)
  CC_DIFF="aarch64-linux-gnu-gcc -static"
  run=(qemu-aarch64) libs=() no_std=yes
fi
src=$(realpath "$src")
rm -rf "$work" && mkdir -p "$work"
cd "$work"

"$tool" translate "$src" --types=self --export=c-abi --symbol-prefix=h2r_ --rust-version=1.87 \
  "${opts[@]}" --report report.json -o cabi.rs -- -O2 -fno-strict-overflow "${parse[@]}"
"$tool" translate "$src" --types=self --export=inline --rust-version=1.87 "${opts[@]}" \
  -o inline.rs -- -O2 -fno-strict-overflow "${parse[@]}"

"$diffgen" report.json h2r_ --require-translated "${not_run[@]}" > driver.c

if [ "$no_std" = yes ]; then
  # A bare-metal static library needs its own panic handler; nothing here
  # panics (the helpers are compiled without overflow checks).
  for form in cabi inline; do
    { echo '#![no_std]'; cat "$form.rs"
      printf '\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! {\n    loop {}\n}\n'
    } > "$form-crate.rs"
  done
else
  cp cabi.rs cabi-crate.rs
  cp inline.rs inline-crate.rs
fi
"$RUSTC" "${rustflags[@]}" --crate-type=staticlib -o librs.a cabi-crate.rs
"$RUSTC" "${rustflags[@]}" --crate-type=lib -o libinline.rlib inline-crate.rs
"$cc_original" -O2 -fno-strict-overflow -w "${cflags[@]}" -c "$src" -o original.o
$CC_DIFF -O1 -w driver.c original.o librs.a "${libs[@]}" -o difftest
"${run[@]}" ./difftest
