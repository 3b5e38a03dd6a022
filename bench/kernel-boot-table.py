#!/usr/bin/env python3
"""Prints the kernel headline table from build-kernel.sh's result.json files
(one directory per configuration), as Markdown.

    kernel-boot-table.py <config-dir>...
    kernel-boot-table.py --baseline <result.json>   # a KUnit baseline file

Text size is compared with the bindgen build of the same tree when that
configuration is in the list: "+2.4 %" is the translation's growth. The
in-kernel suite column counts the KUnit cases of helpers2rs_differential
that ran and passed, against the helpers the translation translates.
"""
import json
import os
import sys

if sys.argv[1:2] == ["--baseline"]:
    r = json.load(open(sys.argv[2]))
    family = [f for f, option in (("lockdep", "PROVE_LOCKING"), ("ubsan", "UBSAN_BOUNDS"),
                                  ("allocprof", "MEM_ALLOC_PROFILING"))
              if option in r.get("debug", [])]
    variant = "".join("--debug %s " % f for f in family)
    variant += ("--distribution %s " % r["distribution"]) if r.get("distribution") else ""
    if r.get("arch") == "arm64":
        variant += "--arm64 %s " % r.get("cpu")
    kunitconfig = ("scripts/kbuild/rust-%s.kunitconfig" % r["series"] +
                   (" plus Debian %s's options, -smp 4" % r["distribution"]
                    if r.get("distribution") else "") +
                   (" for arm64" if r.get("arch") == "arm64" else "") +
                   (" with " + ", ".join(r["debug"]) if r.get("debug") else ""))
    print("# KUnit results of Linux %s built with GCC and bindgen's helper\n"
          "# declarations (scripts/kbuild/build-kernel.sh %s%s bindgen; kunitconfig\n"
          "# %s), booted under QEMU: the set a build\n"
          "# with the translation must reproduce exactly. Regenerate with\n"
          "# bench/kernel-boot.sh --bless-baseline." % (r["series"], variant, r["series"],
                                                        kunitconfig))
    for name, status in sorted(r["kunit"]["tests"]):
        print(status, name)
    sys.exit(0)

results = []
for d in sys.argv[1:]:
    path = os.path.join(d, "result.json")
    if os.path.exists(path):
        results.append(json.load(open(path)))
    else:
        print("kernel-boot-table: no result in %s (the build failed)" % d, file=sys.stderr)

def configuration(r):
    """What tells two builds of a tree apart, but their helpers."""
    return (r["series"], r["toolchain"], r.get("distribution"), r.get("arch", "x86_64"),
            r.get("cpu"))


text_of = {configuration(r) + (r["helpers"],): r["vmlinux_text_bytes"] for r in results}
TOOLCHAIN = {"gcc": "GCC", "llvm": "LLVM, inline helpers", "llvm-calls": "LLVM, helpers called",
             "llvm-mismatch": "LLVM 19, rustc 1.96: no inline helpers"}
SUITE = "helpers2rs_differential."


def suite_cell(r):
    """The in-kernel differential suite: helpers checked in the kernel /
    translated, and how many of those cases passed."""
    planned = (r["report_summary"] or {}).get("kernel_check", {}).get("in-suite")
    cases = [status for name, status in r["kunit"]["tests"] if name.startswith(SUITE)]
    if planned is None or not cases:
        return "—"
    translated = r["report_summary"]["translated"] + r["report_summary"]["shimmed"]
    return "%d of %d, %d agree" % (len(cases), translated, cases.count("PASS"))


print("| tree | helpers | build | KUnit passed / skipped / failed | `rust_helper_*` calls: kernel.o | all Rust objects | translated / shimmed / left to C | in-kernel suite | vmlinux text |")
print("|---|---|---:|---|---:|---:|---|---|---:|")
for r in results:
    k, c, s = r["kunit"], r["calls"], r["report_summary"]
    base = text_of.get(configuration(r) + ("bindgen",))
    toolchain = TOOLCHAIN[r["toolchain"]]
    if r.get("distribution"):
        toolchain += ", Debian %s's options, -smp 4" % r["distribution"]
    if r.get("arch") == "arm64":
        toolchain += ", arm64, QEMU %s" % r.get("cpu")
    if r.get("debug"):
        toolchain += ", " + ", ".join(r["debug"])
    size = "%.2f MB" % (r["vmlinux_text_bytes"] / 1e6) if r["vmlinux_text_bytes"] else "?"
    if base and r["helpers"] != "bindgen":
        size += " (%+.1f %%)" % (100.0 * (r["vmlinux_text_bytes"] - base) / base)
    split = "%d / %d / %d" % (s["translated"], s["shimmed"], s["fallback"]) if s else "— (bindgen)"
    print("| Linux %s (%s) | %s | %d s | %d / %d / %d | %d (%d helpers) | %d in %d objects (%d helpers) | %s | %s | %s |"
          % (r["series"], toolchain, r["helpers"], r["build_seconds"], k["passed"], k["skipped"],
             k["failed"] + k["crashed"], c["kernel_o"]["call_sites"],
             len(c["kernel_o"]["helpers"]), c["rust_objects"]["call_sites"],
             c["rust_object_count"], len(c["rust_objects"]["helpers"]), split, suite_cell(r), size))
