#!/usr/bin/env bash
# --rust-features=asm_goto: asm goto below Rust 1.87, as the kernel builds
# its own static branches with rustc 1.85 (Debian's): the output equals
# 1.87's, and rustc 1.85 compiles it with the feature (and not without).
#   run-rust-features.sh <helpers2rs> <corpus-dir> <work-dir>
set -uo pipefail
tool=$(realpath "$1") corpus=$(realpath "$2") work=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/check.sh"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
statuses() { # report -> "status count" lines
  python3 -c 'import collections, json, sys
c = collections.Counter(h["status"] for h in json.load(open(sys.argv[1]))["helpers"])
print(" ".join("%s=%d" % kv for kv in sorted(c.items())))' "$1"
}

# The specialisation topic's cases, translated together.
src=("$corpus"/semantics/specialise/*.c)
translate() { # name, options...
  local name=$1; shift
  "$tool" translate "${src[@]}" --types=self "$@" -o "$name.rs" --report "$name.json" \
    -- -O2 -fno-strict-overflow
}
translate old --rust-version=1.85
translate featured --rust-version=1.85 --rust-features=asm_goto
translate stable --rust-version=1.87
check "1.85 alone: the static branch is a shim" test "$(statuses old.json)" = "shimmed=1 translated=5"
check "1.85 with asm_goto: every helper translated" test "$(statuses featured.json)" = "translated=6"
check "1.85 with asm_goto: the output is 1.87's" cmp -s featured.rs stable.rs
check "1.85 with asm_goto: asm goto in the output" grep -q "label {" featured.rs

# Bookworm's rustc-web 1.85 (cached outside the clone).
rust185=$("$root/scripts/toolchain/rustc-1.85.sh")
lints=(--edition=2021 --crate-type=lib -D warnings
       -A non_snake_case -A non_camel_case_types -A non_upper_case_globals)
RUSTC_BOOTSTRAP=1 "$rust185/rustc" "${lints[@]}" -Zcrate-attr='feature(asm_goto)' \
  -o libfeatured.rlib featured.rs 2> rustc-featured.txt
check "rustc 1.85 compiles it with feature(asm_goto)" test $? = 0
"$rust185/rustc" "${lints[@]}" -o libplain.rlib featured.rs 2> rustc-plain.txt
check "rustc 1.85 needs the feature" grep -q "label operands for inline assembly are unstable" rustc-plain.txt
"$rust185/rustc" "${lints[@]}" -o libold.rlib old.rs 2> rustc-old.txt
check "rustc 1.85 compiles the shimmed output as is" test $? = 0

"$tool" translate "${src[0]}" --rust-features=asm_goto,labels -o bad.rs -- -O2 2> err.txt
check "unknown feature exits 1" test $? = 1
check "unknown feature: one line" test "$(wc -l < err.txt)" = 1
check "unknown feature message" grep -qx "helpers2rs: error: --rust-features: unknown feature 'labels' (known: asm_goto)" err.txt
check "unknown feature: no output" test ! -e bad.rs

finish
