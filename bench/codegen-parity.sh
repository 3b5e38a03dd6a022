#!/usr/bin/env bash
# Machine code of the C helpers against their translation, per helper
# (bench/codegen-parity.py prints the table and the summary).
#
#   bench/codegen-parity.sh [work-dir]
#
# Corpus: the 394 helpers of corpus/kernel over the 6.1 headers
# (scripts/kernel-corpus.sh does the translation and the bindings).
#  - C: helpers.c with the command kbuild ran, clang-19, less the options
#    clang rejects;
#  - Rust, c-abi form: the `--export=c-abi` translation (h2r_<C name>) with
#    the kernel's Rust codegen flags (rust/Makefile: -Copt-level=2
#    -Cpanic=abort -Ccode-model=kernel -Crelocation-model=static ...);
#  - inline form: one `#[no_mangle] call_<C name>` per helper calling the
#    inline translation, against the same C, which is what a Rust driver
#    gets once rustc inlines the helper.
# This is a benchmark, not a test: it fails only if it cannot measure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"; work=$(realpath "$work")
export PATH="$HOME/.cargo/bin:$PATH"
: "${RUSTC:=rustc}"
tool=${HELPERS2RS:-$root/build/helpers2rs}
[ -x "$tool" ] || "$root/scripts/build.sh" >/dev/null

"$root/scripts/kernel-corpus.sh" "$tool" "$work/corpus" > "$work/corpus.log" 2>&1
out=$work/corpus

# C: kbuild's command; options clang rejects are dropped one by one.
# (The source is the command's last argument.)
python3 - "$out/module/compile_commands.json" "$work/c.o" <<'PY'
import json, re, shlex, subprocess, sys
entry = json.load(open(sys.argv[1]))[0]
args = entry.get("arguments") or shlex.split(entry["command"])
out, drop, keep = sys.argv[2], set(), []
skip = False
for a in args:
    if skip:
        skip = False
        continue
    if a == "-o":
        skip = True
        continue
    if a.startswith("-Wp,-M") or a.startswith("-W") and not a.startswith(("-Wa,", "-Wl,")):
        continue
    keep.append(a)
# jump_label.c's helpers pass a run-time key to asm goto's "i" operand: C
# compiles them only inlined into a caller with a constant key, and they
# stay in C (asm-goto-needs-rust-1.87), so the C build leaves them out.
src = keep[-1]
bench_src = src[:-2] + "-bench.c"
open(bench_src, "w").write(open(src).read().replace('#include "jump_label.c"', ""))
keep[-1] = bench_src
keep += ["-w", "-o", out]
while True:
    r = subprocess.run([k for k in keep if k not in drop], cwd=entry["directory"],
                       capture_output=True, text=True)
    if r.returncode == 0:
        break
    bad = re.findall(r"(?:unknown argument|unsupported option|optimization flag|argument unused)[^']*'([^']+)'", r.stderr)
    if not bad or bad[0] in drop:
        sys.exit("codegen-parity: the C does not compile:\n" + r.stderr[:2000])
    drop.add(bad[0])
PY

codegen=(--edition=2021 -Copt-level=2 -Cpanic=abort -Cembed-bitcode=n -Clto=n
         -Cforce-unwind-tables=n -Ccodegen-units=1 -Crelocation-model=static
         -Ccode-model=kernel -Zfunction-sections=n
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
  "$out/report.json" h2r_ | tee "$work/cabi.txt" | sed -n '/^helpers compared/,$p'
echo
echo "== inline form: rust_helper_X (C) against a Rust caller of the inline translation"
python3 "$root/bench/codegen-parity.py" "$work/c.o" "$work/rust-inline.o" \
  "$out/report.json" call_ | tee "$work/inline.txt" | sed -n '/^helpers compared/,$p'
echo
echo "tables: $work/cabi.txt $work/inline.txt"
