#!/usr/bin/env bash
# Translates naming.c in bindgen mode and compiles the result against what
# Debian's bindgen generates from the same file (names, bitfields, and the
# unions bindgen wraps in __BindgenUnionField), both with the kernel's
# blocklist of __kernel_size_t, which the bindings crate defines by hand.
#   run-bindgen-naming.sh <helpers2rs> <work-dir>
set -euo pipefail
tool=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
: "${RUSTC:=rustc}"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
echo "--blocklist-type __kernel_size_t" > bindgen_parameters
"$tool" translate "$here/naming.c" --bindings-path=crate::bindings \
  --bindgen-parameters=bindgen_parameters --report report.json -o helpers.rs -- -O2 -fms-extensions
LIBCLANG_PATH=/usr/lib/llvm-14/lib bindgen "$here/naming.c" --use-core \
  --ctypes-prefix core::ffi --no-layout-tests --size_t-is-usize \
  --blocklist-type __kernel_size_t -o bindings.rs -- -O2 -fms-extensions
cat > crate.rs <<'RS'
#![no_std]
#[allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code,
        improper_ctypes, unnecessary_transmutes, clippy::all)]
mod bindings {
    pub type __kernel_size_t = usize;
    include!("bindings.rs");
}
include!("helpers.rs");
RS
# Every helper has bindgen's own type for the C helper: rustc unifies each
# pair (an enum bindgen types otherwise than C would fail here).
python3 - report.json >> crate.rs <<'PY'
import json, sys
print("pub fn helper_types_equal_bindgen() {")
for h in json.load(open(sys.argv[1]))["helpers"]:
    print("    let _ = [bindings::%s, %s];" % (h["name"], h["rust_name"]))
print("}")
PY
"$RUSTC" --edition=2021 --crate-type=lib -O -D warnings -A non_snake_case \
  -A non_camel_case_types -A non_upper_case_globals -o libnaming.rlib crate.rs
fallbacks=$(grep -c '"status": "fallback"' report.json || true)
helpers=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["helpers"]))' report.json)
echo "bindgen naming: $helpers helpers, $fallbacks fell back"
test "$fallbacks" = 0

# The bindings header's own order types an enum, not the helper file's:
# declared before its definition there, it is c_int to bindgen.
early=$here/early-enum
"$tool" translate "$early/helpers.c" --bindings-path=crate::bindings \
  --bindings-header="$early/bindings.h" -o early.rs -- -O2 -I"$early"
LIBCLANG_PATH=/usr/lib/llvm-14/lib bindgen "$early/bindings.h" --use-core \
  --ctypes-prefix core::ffi --no-layout-tests -o early-bindings.rs -- -I"$early"
cat > early-crate.rs <<'RS'
#![no_std]
#[allow(non_camel_case_types, non_upper_case_globals, dead_code, clippy::all)]
mod bindings {
    include!("early-bindings.rs");
}
include!("early.rs");
pub fn helper_types_equal_bindgen() {
    let _ = [bindings::rust_helper_map_twice, map_twice];
}
RS
# The kernel declares helpers with every type blocklisted and named, so
# the helper takes the bindings' own `dir`, c_int.
grep -q 'pub fn rust_helper_map_twice' early-bindings.rs ||
  echo 'extern "C" { pub fn rust_helper_map_twice(d: core::ffi::c_int); }' >> early-bindings.rs
"$RUSTC" --edition=2021 --crate-type=lib -O -D warnings -A non_snake_case \
  -o libearly.rlib early-crate.rs
echo "bindgen naming: an enum the bindings header declares early is c_int"

# A tag defined inside another record's anonymous union is in the bindings
# under bindgen's name (`outer__bindgen_ty_1_tag`), though the header
# declares it as `tag`.
nested=$here/nested-tag
"$tool" translate "$nested/helpers.c" --bindings-path=crate::bindings \
  --bindings-header="$nested/bindings.h" --report nested.json -o nested.rs -- -O2 -I"$nested"
python3 - nested.json <<'PY'
import json, sys
for h in json.load(open(sys.argv[1]))["helpers"]:
    if h["status"] != "translated":
        sys.exit("bindgen naming: %s fell back: %s" % (h["name"], h["reasons"]))
PY
LIBCLANG_PATH=/usr/lib/llvm-14/lib bindgen "$nested/bindings.h" --use-core \
  --ctypes-prefix core::ffi --no-layout-tests -o nested-bindings.rs -- -I"$nested"
echo 'extern "C" { pub fn rust_helper_queue_next(q: *mut queue) -> *mut item; }' >> nested-bindings.rs
cat > nested-crate.rs <<'RS'
#![no_std]
#[allow(non_camel_case_types, non_upper_case_globals, dead_code, clippy::all)]
mod bindings {
    include!("nested-bindings.rs");
}
include!("nested.rs");
pub fn helper_types_equal_bindgen() {
    let _ = [bindings::rust_helper_queue_next, queue_next];
}
RS
"$RUSTC" --edition=2021 --crate-type=lib -O -D warnings -A non_snake_case \
  -o libnested.rlib nested-crate.rs
echo "bindgen naming: a tag defined inside another record is bindgen's outer_tag"
