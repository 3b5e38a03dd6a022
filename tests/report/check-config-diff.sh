#!/usr/bin/env bash
# `helpers2rs report --diff` between two kernel configurations' reports
# (the kunit and Debian amd64 7.3 builds of `ctest -L boot`): the helpers it
# lists as changed are exactly those whose status, reasons or Rust (of the
# helper or a function its closure names) differ, computed here from the
# two reports independently; the Markdown lists each of them; and so are
# the options the two parses read with different values.
#
#   check-config-diff.sh <helpers2rs> <old-report.json> <new-report.json> <work-dir>
set -uo pipefail
tool=$1 old=$2 new=$3 work=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/check.sh"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$tool" report --diff="$old" "$new" --format=json -o diff.json
"$tool" report --diff="$old" "$new" -o diff.md
python3 - "$old" "$new" > expected.txt <<'PY'
import json, sys
old, new = (json.load(open(p)) for p in sys.argv[1:3])
def rust(r):
    m = {}
    for f in r["functions"]:
        m[f["name"]] = m.get(f["name"], "") + f.get("rust", "") + "\n"
    return m
def reached(h):
    return {h["name"], *h.get("closure", [])}
def why(h):
    return [(x.get("construct"), x.get("function"), x.get("message")) for x in h.get("reasons", [])]
old_rust, new_rust = rust(old), rust(new)
old_helpers = {h["name"]: h for h in old["helpers"]}
for h in sorted(new["helpers"], key=lambda h: h["name"]):
    was = old_helpers.get(h["name"])
    if was is None:
        continue
    a, b = reached(was), reached(h)
    rust_differs = any((old_rust.get(f) if f in a else None) != (new_rust.get(f) if f in b else None)
                       for f in a | b)
    if was["status"] != h["status"] or why(was) != why(h) or rust_differs:
        print(h["name"])
PY
python3 -c '
import json, sys
c = json.load(open("diff.json"))["changes"]
names = {x["name"] for k in ("status_changes", "reason_changes", "rust_changes") for x in c[k]}
print("".join(n + "\n" for n in sorted(names)), end="")' > listed.txt
# Where the configurations differ in what either parse read.
python3 - "$old" "$new" > expected-config.txt <<'PY'
import json, sys
old, new = (json.load(open(p))["configuration"] for p in sys.argv[1:3])
for key in ("target", "release", "compiler", "rustc"):
    if old[key] != new[key]:
        print(key, old[key], new[key])
a, b = old["options_read"], new["options_read"]
for name in sorted(set(a) | set(b)):
    if name not in a or name not in b or a[name] != b[name]:
        print(name, a.get(name, "(not read)"), b.get(name, "(not read)"))
PY
python3 -c '
import json
for x in json.load(open("diff.json"))["changes"]["configuration_changes"]:
    side = x.get("read_by")
    print(x["name"], "(not read)" if side == "new" else x["from"],
          "(not read)" if side == "old" else x["to"])' > listed-config.txt
check "the configurations differ" test -s expected-config.txt
check "--diff lists exactly where the configurations differ" \
  cmp -s expected-config.txt listed-config.txt
check "the Markdown names the SMP difference" grep -q "^- configuration CONFIG_SMP: not set → y$" diff.md
check "the reports differ somewhere" test -s expected.txt
check "--diff lists exactly the helpers that differ" cmp -s expected.txt listed.txt
check "the Markdown names each of them" \
  python3 -c 'import sys; md = open("diff.md").read(); sys.exit(any("- %s:" % n not in md for n in open("listed.txt").read().split()))'
echo "$(wc -l < listed.txt) helpers differ; the configurations in $(wc -l < listed-config.txt) options read"
finish
