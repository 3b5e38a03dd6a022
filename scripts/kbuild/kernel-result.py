#!/usr/bin/env python3
"""The result of one kernel build and boot (build-kernel.sh), as JSON on
standard output.

    kernel-result.py <series> <toolchain> <helpers> <srctree> <builddir> <out-dir> <build-seconds>
                     [<distribution flavour>]

- kunit: totals from kunit.py's --json results (<out-dir>/kunit.json);
  a boot that produced no results counts as 0 run;
- calls: relocations against rust_helper_* symbols (R_X86_64_PLT32/PC32,
  what a call or a jump to a helper needs) in rust/kernel.o, and in every
  object rustc built (the objects whose kbuild command ran rustc, to an
  object or, with inline helpers, to bitcode);
- warnings: lines of the build log that rustc (`warning:` in a Rust
  file's diagnostic) or objtool wrote;
- text: the size of vmlinux's text;
- report: the helpers2rs report's summary, when the build wrote one;
- modules: what load-modules.py saw loading the Rust modules, when it ran
  (<out-dir>/modules.json);
- arch, cpu: the kernel's architecture (its .config) and the CPU QEMU
  emulated (the -cpu kunit.py ran it with, if any);
- packages: the .deb files `make bindeb-pkg` made, when what booted was
  their kernel and modules (build-kernel.sh --package: <out-dir>/package).
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
from rustobjects import helper_calls, rust_objects  # noqa: E402

series, toolchain, helpers, srctree, build, out, seconds = sys.argv[1:8]
# The kunitconfig alone, or with a Debian flavour's options (-smp 4).
distribution = sys.argv[8] if len(sys.argv) > 8 else None
DEBUG_OPTIONS = ["PROVE_LOCKING", "DEBUG_ATOMIC_SLEEP", "DEBUG_SPINLOCK", "DEBUG_MUTEXES",
                 "DEBUG_OBJECTS", "UBSAN_BOUNDS", "UBSAN_SHIFT", "KFENCE", "KASAN",
                 "MEM_ALLOC_PROFILING", "MEM_ALLOC_PROFILING_DEBUG"]


def kunit_totals():
    path = os.path.join(out, "kunit.json")
    totals = {"passed": 0, "failed": 0, "skipped": 0, "crashed": 0, "tests": []}
    if not os.path.exists(path):
        return totals

    def walk(group, prefix):
        for case in group.get("test_cases", []):
            name = prefix + case["name"]
            status = case["status"]
            key = {"PASS": "passed", "FAIL": "failed", "SKIP": "skipped"}.get(status, "crashed")
            totals[key] += 1
            totals["tests"].append([name, status])
        for sub in group.get("sub_groups", []):
            walk(sub, prefix + sub["name"] + ".")

    data = json.load(open(path))
    walk(data, "")
    return totals


log = open(os.path.join(out, "build.log"), errors="replace").read().splitlines()
rustc_warnings = [l for l in log if re.match(r"^warning(\[\w+\])?:", l)]
objtool_warnings = [l for l in log if "objtool" in l and "warning" in l]
# What the booted kernel itself complained of, in its whole console
# (kunit.py's test.log; its own output shows only KTAP lines): a warning
# (lockdep's splats among them), a BUG (KASAN, KFENCE, atomic sleep), a
# UBSAN report, a debug-objects complaint.
kunit_log = os.path.join(out, "kunit.log")
kunit_text = open(kunit_log, errors="replace").read() if os.path.exists(kunit_log) else ""
console_log = os.path.join(build, "test.log")
console = (open(console_log, errors="replace").read() if os.path.exists(console_log)
           else kunit_text)
boot_problems = [l.strip() for l in console.splitlines()
                 if re.search(r"\b(WARNING|BUG|UBSAN|ODEBUG):", l)]
objects = rust_objects(build)
kernel_o = os.path.join(build, "rust", "kernel.o")
size = subprocess.run(["size", "-A", os.path.join(build, "vmlinux")],
                      capture_output=True, text=True).stdout
text = re.search(r"^\.text\s+(\d+)", size, re.M)
# The Rust the translation was made for (the kbuild rule's --rust-version)
# and the rustc Kconfig found (major * 100000 + minor * 100 + patch).
translate_cmd = os.path.join(build, "rust", "bindings", ".bindings_helpers_generated.rs.cmd")
made_for = re.search(r"--rust-version=(\S+)", open(translate_cmd).read()) \
    if os.path.exists(translate_cmd) else None
rustc_config = re.search(r"^CONFIG_RUSTC_VERSION=(\d+)$",
                         open(os.path.join(build, ".config")).read(), re.M)
rustc_version = ("%d.%d" % (int(rustc_config.group(1)) // 100000,
                            int(rustc_config.group(1)) // 100 % 1000)
                 if rustc_config else None)
config = open(os.path.join(build, ".config")).read()
arch = "arm64" if re.search(r"^CONFIG_ARM64=y$", config, re.M) else "x86_64"
# The debug options of build-kernel.sh --debug the kernel has.
debug_options = [o for o in DEBUG_OPTIONS if re.search(r"^CONFIG_%s=y$" % o, config, re.M)]
# QEMU takes the last -cpu it is given (kunit.py's own, then ours).
qemu_cpu = re.findall(r"^\$ qemu-system-\S+ .*-cpu (\S+)", kunit_text, re.M)
report_path = os.path.join(build, "rust", "bindings", "helpers2rs-report.json")
report = json.load(open(report_path)) if os.path.exists(report_path) else None
modules_path = os.path.join(out, "modules.json")
modules = json.load(open(modules_path)) if os.path.exists(modules_path) else None
result = {
    "series": series,
    "arch": arch,
    "cpu": qemu_cpu[-1] if qemu_cpu else None,
    "toolchain": toolchain,
    "distribution": distribution,
    "debug": debug_options,
    "helpers": helpers,
    "srctree": srctree,
    "build_seconds": int(seconds),
    "kunit": kunit_totals(),
    "calls": {"kernel_o": helper_calls([kernel_o]),
              "rust_objects": helper_calls(objects),
              "rust_object_count": len(objects)},
    "warnings": {"rustc": len(rustc_warnings), "objtool": len(objtool_warnings),
                 "lines": (rustc_warnings + objtool_warnings)[:50],
                 "boot": boot_problems[:50]},
    "vmlinux_text_bytes": int(text.group(1)) if text else None,
    "report_summary": report["summary"] if report else None,
    "rustc_version": rustc_version,
    "translated_for_rust": made_for.group(1) if made_for else None,
    "modules": modules,
    "packages": sorted(f for f in os.listdir(out) if f.endswith(".deb"))
    if os.path.isdir(os.path.join(out, "package")) else None,
}
json.dump(result, sys.stdout, indent=1)
print()
