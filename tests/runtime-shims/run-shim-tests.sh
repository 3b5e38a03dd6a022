#!/usr/bin/env bash
# Every runtime-shims/*.rs compiles on its own, as a no_std library, for the
# kernel's minimum Rust edition, with clippy's default set and the kernel's
# safety-comment lints denied (the shims are part of what a reviewer reads);
# and so do the in-kernel suite's pieces (runtime-shims/kunit-suite/),
# together in the module tests/runtime-shims/kunit-suite-harness.rs gives
# them.
#   run-shim-tests.sh <work-dir>
set -euo pipefail
work=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$root/scripts/toolchain/rust-env.sh"
: "${CLIPPY_DRIVER:=clippy-driver}"
mkdir -p "$work"
status=0
for shim in "$root"/runtime-shims/*.rs; do
  name=$(basename "$shim" .rs)
  printf '#![no_std]\ninclude!("%s");\n' "$shim" > "$work/$name-lib.rs"
  if "$CLIPPY_DRIVER" --edition=2021 --crate-type=lib --emit=metadata \
       -o "$work/lib$name.rmeta" -D warnings -D clippy::all \
       -D clippy::undocumented_unsafe_blocks -D unsafe_op_in_unsafe_fn \
       -A dead_code "$work/$name-lib.rs"; then
    echo "PASS $name"
  else
    echo "FAIL $name"; status=1
  fi
done
# The in-kernel suite's pieces, together as a suite holds them (x86_64:
# the preempt count is measured with interrupts off by x86 asm), each
# piece included, so every one is compiled and linted.
pieces=$(ls "$root"/runtime-shims/kunit-suite/*.rs | wc -l)
included=$(grep -c 'include!("../../runtime-shims/kunit-suite/' "$here/kunit-suite-harness.rs")
if [[ $pieces != "$included" ]]; then
  echo "FAIL kunit-suite: $pieces pieces, the harness includes $included"; status=1
elif "$CLIPPY_DRIVER" --edition=2021 --crate-type=lib --emit=metadata \
       --target=x86_64-unknown-linux-gnu -o "$work/libkunit_suite.rmeta" \
       -D warnings -D clippy::all -D clippy::undocumented_unsafe_blocks \
       -D unsafe_op_in_unsafe_fn "$here/kunit-suite-harness.rs"; then
  echo "PASS kunit-suite ($pieces pieces)"
else
  echo "FAIL kunit-suite"; status=1
fi
exit $status
