#!/usr/bin/env bash
# A real kernel tree end to end (kernel-crates.py): its helpers translated
# inside its own bindings crate, its kernel crate built on them with warnings
# denied, every helper signature equal to bindgen's, and kernel.o calling
# only the C helpers the report says stay in C.
#
#   run-kernel-tree.sh <helpers2rs> <series> <out-dir>
set -euo pipefail
tool=$1 series=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
read -r src obj < <("$root/scripts/kernel-source.sh" "$series" "$out/kernels")
python3 "$root/scripts/kernel-crates.py" "$tool" "$src" "$obj" "$out/crates"
python3 - "$out/crates" <<'PY'
import json, sys
d = sys.argv[1]
head = json.load(open(d + "/headline.json"))
report = json.load(open(d + "/report.json"))
left = {h["name"] for h in report["helpers"] if h["status"] == "fallback"}
after = set(head["kernel_o_rust_helper_calls"]["translated_helpers"]["helpers"])
before = head["kernel_o_rust_helper_calls"]["bindgen_helpers"]["call_sites"]
assert head["translated"] + head["shimmed"] + head["fallback"] == head["helpers"]
assert after <= left, "kernel.o calls translated helpers: %s" % sorted(after - left)
assert before > 0, "the baseline kernel.o calls no C helper: nothing was measured"
print("kernel.o calls only C helpers the report leaves to C: %s" % sorted(after))
PY
