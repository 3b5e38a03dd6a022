#!/usr/bin/env python3
"""Checks one booted kernel with the translation (build-kernel.sh's
result.json) against what must hold:

 - KUnit ran and every test has the baseline's result, no more, no fewer;
 - every case of the in-kernel differential suite (the helpers the report
   puts in it) ran and passed: C and Rust agreed; and, where the tree has
   the suite, it checks at least 90 % of the translated helpers (a plan
   that quietly leaves helpers out must not pass for coverage);
 - no warning from rustc or objtool in the build, no `WARNING:`, `BUG:`,
   `UBSAN:` or `ODEBUG:` in the kernel's console (lockdep's splats are
   warnings);
 - the translation was made for the rustc that built the kernel;
 - the Rust objects call only rust_helper_* functions that the report
   leaves to C (a translated helper must never be called);
 - a kernel with modules (load-modules.py ran) loaded and unloaded every
   Rust module, each printed what its source prints (the samples, below),
   and the boot had no warning and powered off.

    check-boot.py <result.json> <kunit baseline> <helpers2rs report.json>
"""
import json
import re
import sys

result = json.load(open(sys.argv[1]))
expected = {}
for line in open(sys.argv[2]):
    if line.strip() and not line.startswith("#"):
        status, name = line.split()
        expected[name] = status
report = json.load(open(sys.argv[3]))
problems = []

SUITE = "helpers2rs_differential."
got, suite = {}, {}
for name, status in result["kunit"]["tests"]:
    if name.startswith(SUITE):
        suite[name[len(SUITE):]] = status
    else:
        got[name] = status
if not got:
    problems.append("KUnit reported no test: the kernel did not boot or run them")
in_suite = sorted(h["rust_name"] for h in report["helpers"]
                  if h.get("kernel_check", {}).get("verdict") == "in-suite")
for name in in_suite:
    if suite.get(name) != "PASS":
        problems.append("differential suite: %s %s" % (name, suite.get(name, "did not run")))
for name in sorted(set(expected) | set(got)):
    if expected.get(name) != got.get(name):
        problems.append("KUnit %s: %s in the baseline, %s here"
                        % (name, expected.get(name, "absent"), got.get(name, "absent")))
for kind in ("rustc", "objtool"):
    if result["warnings"][kind]:
        problems.append("%d %s warning(s), e.g. %s" % (
            result["warnings"][kind], kind, result["warnings"]["lines"][:3]))
if result["warnings"].get("boot"):
    problems.append("the console has %d WARNING:/BUG:/UBSAN:/ODEBUG: line(s), e.g. %s" % (
        len(result["warnings"]["boot"]), result["warnings"]["boot"][:3]))
if result.get("translated_for_rust") != result.get("rustc_version"):
    problems.append("translated for Rust %s, built with rustc %s" % (
        result.get("translated_for_rust"), result.get("rustc_version")))
left_to_c = {h["name"] for h in report["helpers"] if h["status"] == "fallback"}
called = set(result["calls"]["rust_objects"]["helpers"])
if called - left_to_c:
    problems.append("Rust objects call translated helpers: %s"
                    % sorted(called - left_to_c))
# What the kernel's Rust samples print when they load and unload: lines
# that need the module's Rust code (and the helpers it inlines: KVec's
# krealloc, Arc's refcount) to have run right.
MODULE_LINES = {
    "rust_minimal": ["Rust minimal sample (init)", "Am I built-in? false",
                     "My numbers are [72, 108, 200]", "Rust minimal sample (exit)"],
    "rust_print": ["Rust printing macros sample (init)", "Arc<dyn Display> says 42",
                   "Arc<dyn Display> says hello, world",
                   "A line that is continued with args",
                   "Rust printing macros sample (exit)"],
}
modules = result.get("modules")
if modules is not None:
    console = modules["console"]
    if not modules["modules"]:
        problems.append("the kernel has modules but no Rust module was loaded")
    for m in modules["modules"]:
        if m["loaded"] != "ok" or m["unloaded"] != "ok":
            problems.append("module %s: load %s, unload %s" % (m["path"], m["loaded"], m["unloaded"]))
        for line in MODULE_LINES.get(m["name"], []):
            if not any(l.endswith(m["name"] + ": " + line) for l in console):
                problems.append("module %s did not print '%s'" % (m["name"], line))
    if modules["problems"]:
        problems.append("loading the modules: %s" % modules["problems"][:3])
    if not modules["powered_off"]:
        problems.append("the module boot did not finish (no power-off)")
# The report is read beside the tree: no machine's absolute paths.
absolute = sorted({loc for loc in re.findall(r'"(?:location|file)": "(/[^"]*)"',
                                             open(sys.argv[3]).read())})
absolute += [i for i in report["inputs"] if i.startswith("/")]
if absolute:
    problems.append("report paths not relative to the kernel tree: %s" % absolute[:5])
# The share of helpers the suite must check wherever it runs.
SUITE_FLOOR = 0.90
s = report["summary"]
if in_suite and len(in_suite) < SUITE_FLOOR * (s["translated"] + s["shimmed"]):
    problems.append("differential suite: checks %d of %d translated helpers, under %d %%"
                    % (len(in_suite), s["translated"] + s["shimmed"], 100 * SUITE_FLOOR))
for p in problems[:40]:
    print("check-boot: FAIL: " + p)
print("check-boot: %s with helpers2rs: KUnit %d passed, %d skipped, %d failed "
      "(baseline: %d tests); helpers %d translated, %d shimmed, %d left to C; "
      "rust_helper_* calls left: kernel.o %d, all %d Rust objects %d"
      % (result["series"], len([1 for v in got.values() if v == "PASS"]),
         len([1 for v in got.values() if v == "SKIP"]),
         len([1 for v in got.values() if v not in ("PASS", "SKIP")]),
         len(expected), s["translated"], s["shimmed"],
         s["fallback"], result["calls"]["kernel_o"]["call_sites"],
         result["calls"]["rust_object_count"],
         result["calls"]["rust_objects"]["call_sites"]))
if modules is not None:
    print("check-boot: Rust modules loaded and unloaded: %s" % ", ".join(
        m["name"] for m in modules["modules"]
        if m["loaded"] == "ok" and m["unloaded"] == "ok"))
if in_suite:
    print("check-boot: differential suite: %d of %d translated helpers checked in the "
          "kernel, %d agree with C"
          % (len(in_suite), s["translated"] + s["shimmed"],
             len([n for n in in_suite if suite.get(n) == "PASS"])))
sys.exit(1 if problems else 0)
