#!/usr/bin/env bash
# The main job: translate the kernel helper corpus against a real configured
# kernel tree (Debian's linux-headers-amd64) and check the result compiles.
#
#   kernel-corpus.sh <helpers2rs> <out-dir>
#
# 1. kbuild builds corpus/kernel as an out-of-tree module (CC=clang-19 V=1);
#    the commands it ran become compile_commands.json;
# 2. helpers2rs translates helpers.c through -p (bindgen mode, the kernel's
#    bindgen_parameters), writing helpers.rs and report.json;
# 3. Debian's bindgen writes bindings.rs from the same translation unit;
# 4. rustc compiles `mod bindings` plus the translation as #![no_std] with
#    warnings denied, then again with the kernel's code model, for both
#    export forms;
# 5. clippy (its default set as errors) and rustfmt --check pass on both.
set -euo pipefail
tool=$(realpath "$1") out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
: "${RUSTC:=rustc}"
rustflags=(--edition=2021 -O -D warnings
           -A non_snake_case -A non_camel_case_types -A non_upper_case_globals)

mkdir -p "$out"
out=$(realpath "$out")
tree=$("$root/scripts/kernel-headers-tree.sh" 6.1)
db=$("$root/scripts/kernel-compile-commands.sh" "$root/corpus/kernel" "$out/module" "$tree")
dbdir=$(dirname "$db")
src="$dbdir/helpers.c"

"$tool" translate -v -p "$dbdir" "$src" \
  --bindgen-parameters="$root/corpus/kernel/bindgen_parameters" \
  --bindings-path=crate::bindings -o "$out/helpers.rs" --report "$out/report.json"
"$tool" translate -p "$dbdir" "$src" \
  --bindgen-parameters="$root/corpus/kernel/bindgen_parameters" \
  --bindings-path=crate::bindings --export=c-abi --symbol-prefix=h2r_ \
  -o "$out/helpers-cabi.rs" 2>/dev/null
# Without shims, for the report tests' blockers.
"$tool" translate -p "$dbdir" "$src" --no-shims \
  --bindgen-parameters="$root/corpus/kernel/bindgen_parameters" \
  --bindings-path=crate::bindings -o "$out/helpers-no-shims.rs" \
  --report "$out/report-no-shims.json" 2>/dev/null

# The kernel's bindgen options (rust/Makefile, 6.1) plus its bindgen_parameters.
params=$(grep -Ev '^#|^$' "$root/corpus/kernel/bindgen_parameters")
# Debian's bindgen 0.60 on libclang 14: the 6.1 corpus is the core::ffi world
# of its time (docs/design.md).
# shellcheck disable=SC2086
BINDGEN=/usr/bin/bindgen python3 "$root/scripts/kernel-bindings.py" "$db" "$src" "$src" "$out/bindings.rs" -- \
  --use-core --ctypes-prefix core::ffi --no-layout-tests --no-debug '.*' \
  --size_t-is-usize $params

for variant in helpers helpers-cabi; do
  cat > "$out/$variant-crate.rs" <<RS
#![no_std]
// bindgen's own output, allowed the way the kernel's bindings crate allows it.
#[allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code,
        improper_ctypes, unnecessary_transmutes, clippy::all)]
mod bindings {
    include!("bindings.rs");
}
include!("$variant.rs");
RS
  "$RUSTC" "${rustflags[@]}" --crate-type=lib -o "$out/lib$variant.rlib" \
    "$out/$variant-crate.rs"
  "$RUSTC" "${rustflags[@]}" --crate-type=lib -C code-model=kernel \
    -C relocation-model=static --emit=obj -o "$out/$variant.o" \
    "$out/$variant-crate.rs"
done
# The lint gate of the golden tests (clippy's default set as errors, and
# rustfmt-clean), here on the real helpers.
: "${CLIPPY_DRIVER:=clippy-driver}" "${RUSTFMT:=rustfmt}"
for variant in helpers helpers-cabi; do
  "$CLIPPY_DRIVER" "${rustflags[@]}" -D clippy::all --crate-type=lib \
    -o "$out/lib$variant-clippy.rlib" "$out/$variant-crate.rs"
  "$RUSTFMT" --edition 2021 --check "$out/$variant.rs"
done
python3 "$root/tests/kernel/check-report.py" "$root/corpus/kernel" "$out/report.json"
