#!/usr/bin/env python3
"""The survey's "translatable" checked as "compiles": for each unit of
scripts/header-units.sh, the functions the survey calls translatable get one
helper each that takes the function's address (so each one's own
translation is in the output), the unit is translated (--types=self
--export=c-abi) and rustc type-checks the result. Every rustc error is laid
at the function (or record) whose text it points into.

    whole-header-check.py <helpers2rs> <compile_commands.json> <work-dir>
        [--units N] [--json out.json]

Prints, per unit and in total: functions the survey calls translatable,
those whose Rust does not compile (with the first error of each), and those
translate itself left to C. Exit status 1 when any does not compile.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("tool")
ap.add_argument("db")
ap.add_argument("work")
ap.add_argument("--units", type=int, default=0, help="check the first N units only")
ap.add_argument("--json")
a = ap.parse_args()
rustc = os.environ.get("RUSTC", "/usr/bin/rustc")
os.makedirs(a.work, exist_ok=True)
entries = [e for e in json.load(open(a.db)) if re.search(r"unit_\d+\.c$", e["file"])]
entries.sort(key=lambda e: int(re.search(r"unit_(\d+)\.c$", e["file"]).group(1)))
if a.units:
    entries = entries[:a.units]

ITEM = re.compile(r"^\s*(?:pub(?:\([a-z]+\))? )?(?:unsafe )?(?:extern \"C\" )?"
                  r"(fn|struct|union) ([A-Za-z_][A-Za-z0-9_]*)")


def owner_of_lines(rust_file):
    """For each line, the fn/struct/union it belongs to (the last one begun)."""
    owners, current = [], None
    for line in open(rust_file):
        m = ITEM.match(line)
        if m:
            current = ("%s %s" % (m.group(1), m.group(2)))
        owners.append(current)
    return owners


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


totals = {"translatable": 0, "compile_errors": 0, "left_to_c": 0}
units = []
for e in entries:
    src = os.path.join(e["directory"], e["file"])
    name = os.path.splitext(os.path.basename(src))[0]
    work = os.path.join(a.work, name)
    os.makedirs(work, exist_ok=True)
    # 1. What the survey calls translatable in this unit.
    survey = os.path.join(work, "survey.json")
    run([a.tool, "survey", "-p", os.path.dirname(a.db), src, "-o", survey])
    fns = sorted({f["name"] for f in json.load(open(survey))["functions"]
                  if f["status"] == "translatable"})
    # 2. One helper per function, taking its address, in a unit of its own
    #    compiled exactly as the original.
    check = os.path.join(work, "check.c")
    with open(check, "w") as f:
        f.write('#include "%s"\n' % src)
        for fn in fns:
            f.write("void *rust_helper_h2r_addr_%s(void) { return (void *)%s; }\n" % (fn, fn))
    entry = dict(e)
    entry["arguments"] = [check if x == e["file"] or x == src else x
                          for x in e["arguments"]]
    entry["file"] = check
    json.dump([entry], open(os.path.join(work, "compile_commands.json"), "w"))
    out = os.path.join(work, "check.rs")
    report = os.path.join(work, "report.json")
    t = run([a.tool, "translate", "-p", work, check, "--types=self",
             "--export=c-abi", "--report", report, "-o", out])
    if t.returncode != 0:
        print("%s: translate failed: %s" % (name, t.stderr.strip().splitlines()[-1:]))
        units.append({"unit": name, "translatable": len(fns), "translate_failed": True})
        continue
    left = [h["name"] for h in json.load(open(report))["helpers"] if h["status"] == "fallback"]
    # 3. rustc's verdict, error by error.
    r = run([rustc, "--edition=2021", "--crate-type=lib", "--emit=metadata",
             "--error-format=json", "--cap-lints=allow", "-o",
             os.path.join(work, "check.rmeta"), out])
    owners = owner_of_lines(out)
    failing = {}
    for line in r.stderr.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("level") != "error" or not d.get("spans"):
            continue
        span = next((s for s in d["spans"] if s.get("is_primary")), d["spans"][0])
        owner = owners[span["line_start"] - 1] if span["line_start"] <= len(owners) else None
        code = (d.get("code") or {}).get("code") or ""
        failing.setdefault(owner or "(top level)", "%s %s" % (code, d["message"]))
    u = {"unit": name, "translatable": len(fns), "left_to_c": left,
         "compile_errors": failing}
    units.append(u)
    totals["translatable"] += len(fns)
    totals["left_to_c"] += len(left)
    totals["compile_errors"] += len(failing)
    print("%s: %d translatable, %d left to C by translate, %d items with rustc errors"
          % (name, len(fns), len(left), len(failing)))
    for owner, msg in sorted(failing.items()):
        print("    %s: %s" % (owner, msg))

print("total: %d functions the survey calls translatable; %d items with rustc errors; "
      "%d left to C by translate" % (totals["translatable"], totals["compile_errors"],
                                      totals["left_to_c"]))
if a.json:
    json.dump({"totals": totals, "units": units}, open(a.json, "w"), indent=1)
sys.exit(1 if totals["compile_errors"] or any(u.get("translate_failed") for u in units) else 0)
