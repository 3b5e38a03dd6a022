#!/usr/bin/env bash
# Machine code of the C helpers against their translation, per helper
# (bench/codegen-parity.py prints the table and the summary).
#
#   bench/codegen-parity.sh [work-dir]
#
# The Rust side is built with the code generation flags of a real kernel
# build (bench/kbuild-rustc-flags.py over the kbuild command of
# rust/kernel.o): $H2R_KBUILD_OBJTREE, default the booted GCC 7.3 kernel of
# bench/kernel-boot.sh (out/kernels/7.3-bindgen/build).
#
# Corpora: the 394 helpers of corpus/kernel over the 6.1 headers
# (scripts/kernel-corpus.sh does the translation and the bindings), and
# Linux 6.12's and 7.3's own rust/helpers (scripts/kernel-crates.py).
#  - C: helpers.c with the command kbuild ran, clang-19, less the options
#    clang rejects;
#  - Rust, c-abi form: the `--export=c-abi` translation (h2r_<C name>) with
#    those flags;
#  - inline form: one `#[no_mangle] call_<C name>` per helper calling the
#    inline translation, against the same C, which is what a Rust driver
#    gets once rustc inlines the helper.
# Each c-abi table also goes into a review report (<name>-review.html,
# `helpers2rs report --codegen`): the counts beside each helper's C and Rust.
# This is a benchmark, not a test: it fails only if it cannot measure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"; work=$(realpath "$work")
. "$root/scripts/toolchain/rust-env.sh"
: "${RUSTC:=rustc}"
tool=${HELPERS2RS:-$root/build/helpers2rs}
[ -x "$tool" ] || "$root/scripts/build.sh" >/dev/null

"$root/scripts/kernel-corpus.sh" "$tool" "$work/corpus" > "$work/corpus.log" 2>&1
out=$work/corpus

# C: kbuild's command, less what clang rejects.
python3 "$root/bench/compile-c-helpers.py" "$out/module/compile_commands.json" "$work/c.o"

objtree=${H2R_KBUILD_OBJTREE:-$root/out/kernels/7.3-bindgen/build}
[ -f "$objtree/rust/.kernel.o.cmd" ] || {
  echo "codegen-parity: error: no kbuild rustc command in '$objtree' (run bench/kernel-boot.sh 7.3-bindgen, or set H2R_KBUILD_OBJTREE)" >&2
  exit 1; }
mapfile -t kbuild_flags < <(python3 "$root/bench/kbuild-rustc-flags.py" "$objtree")
echo "rustc flags from $objtree: ${kbuild_flags[*]}"
codegen=(--edition=2021 "${kbuild_flags[@]}"
         -A non_snake_case -A non_camel_case_types -A non_upper_case_globals
         -A dead_code)
RUSTC_BOOTSTRAP=1 "$RUSTC" "${codegen[@]}" --crate-type=lib --emit=obj \
  -o "$work/rust-cabi.o" "$out/helpers-cabi-crate.rs" 2> "$work/rustc-cabi.log"

# The inline form: a caller per translated helper.
python3 - "$out/helpers.rs" "$out/report.json" > "$work/callers.rs" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
translated = {h["rust_name"]: h["name"] for h in json.load(open(sys.argv[2]))["helpers"]
              if h["status"] == "translated"}
sig = re.compile(r"pub unsafe extern \"C\" fn (\w+)\((.*?)\)( -> [^{]+)? \{", re.S)
for m in sig.finditer(text):
    name, params, ret = m.group(1), m.group(2), (m.group(3) or "").strip()
    if name not in translated:
        continue
    params = [p.strip().removeprefix("mut ") for p in params.split(",") if p.strip()]
    names = [p.split(":")[0] for p in params]
    print("#[no_mangle]\npub unsafe extern \"C\" fn call_%s(%s) %s {\n    unsafe { %s(%s) }\n}\n"
          % (translated[name], ", ".join(params), ret, name, ", ".join(names)))
PY
sed 's|include!("helpers.rs");|include!("helpers.rs");\ninclude!("'"$work"'/callers.rs");|' \
  "$out/helpers-crate.rs" > "$out/helpers-callers-crate.rs"
RUSTC_BOOTSTRAP=1 "$RUSTC" "${codegen[@]}" --crate-type=lib --emit=obj \
  -o "$work/rust-inline.o" "$out/helpers-callers-crate.rs" 2> "$work/rustc-inline.log"

echo "== c-abi form: rust_helper_X (C) against h2r_rust_helper_X (Rust)"
python3 "$root/bench/codegen-parity.py" "$work/c.o" "$work/rust-cabi.o" \
  "$out/report.json" h2r_ --json "$work/cabi.json" | tee "$work/cabi.txt" | sed -n '/^translated: /,$p'
"$tool" report "$out/report.json" --codegen "$work/cabi.json" --format=html \
  -o "$work/corpus-review.html"
reviews=("$work/corpus-review.html")
echo
echo "== inline form: rust_helper_X (C) against a Rust caller of the inline translation"
python3 "$root/bench/codegen-parity.py" "$work/c.o" "$work/rust-inline.o" \
  "$out/report.json" call_ | tee "$work/inline.txt" | sed -n '/^translated: /,$p'

# Linux 6.12's and 7.3's own helpers: the C-ABI translation built inside
# the tree's bindings crate (kernel-crates.py --codegen-objects), with the
# same kbuild flags.
export H2R_RUSTC_CODEGEN
H2R_RUSTC_CODEGEN=$(printf '%s\n' "${kbuild_flags[@]}" | sed '/^$/d')
tables=("$work/cabi.txt" "$work/inline.txt")
for series in 6.12 7.3; do
  k=$work/k${series/./}
  read -r src obj < <("$root/scripts/kernel-source.sh" "$series" "$work/kernels")
  python3 "$root/scripts/kernel-crates.py" "$tool" "$src" "$obj" "$k" \
    --codegen-objects > "$k.log" 2>&1
  python3 "$root/bench/compile-c-helpers.py" "$k/module/compile_commands.json" "$k-c.o"
  echo
  echo "== Linux $series rust/helpers, c-abi form"
  python3 "$root/bench/codegen-parity.py" "$k-c.o" "$k/obj-cabi/bindings.o" \
    "$k/report.json" h2r_ --json "$k.json" | tee "$k.txt" | sed -n '/^translated: /,$p'
  "$tool" report "$k/report.json" --codegen "$k.json" --format=html -o "$k-review.html"
  tables+=("$k.txt")
  reviews+=("$k-review.html")
done
echo
echo "tables: ${tables[*]}"
echo "review reports with the counts: ${reviews[*]}"
