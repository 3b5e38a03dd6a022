#!/usr/bin/env bash
# Every runtime-shims/*.rs compiles on its own, as a no_std library, for the
# kernel's minimum Rust edition, with clippy's default set and the kernel's
# safety-comment lints denied (the shims are part of what a reviewer reads).
#   run-shim-tests.sh <work-dir>
set -euo pipefail
work=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
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
exit $status
