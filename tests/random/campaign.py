#!/usr/bin/env python3
"""Random-program differential campaign: csmith writes a program, its func_1
becomes a helper, helpers2rs translates it, and the C original and the same
program calling the translation must print the same checksum of every
global.

    campaign.py <helpers2rs> <work-dir> <seed>... | <first>-<last>
        [--options=helper|kernel] [--jobs=N] [--expect-clean] [--keep]

csmith options: no floating point (the kernel has none), no packed structs
(-mno-ms-bitfields layouts Rust cannot always say), at most 4 functions and
small expressions so a program is a helper's size; everything else (safe-math
inline functions, pointers, volatile, bitfields, unions, goto-free control
flow) stays on. Globals lose `static` so the translation references them
through `extern "C"`; the helper is

    <ret> rust_helper_func_1(void) { return func_1(); }

and main calls it, or `h2r_rust_helper_func_1` (the translation, --types=self
--export=c-abi) in the Rust build.

Option sets (--options): `helper` (the default) translates for Rust 1.87 and
builds with `rustc -O`; `kernel` translates for the kernel's minimum Rust
(1.78) and builds the way a kernel with CONFIG_RUST_OVERFLOW_CHECKS and
CONFIG_RUST_DEBUG_ASSERTIONS (both the kernel's defaults under DEBUG_KERNEL)
does: -Copt-level=2 -Coverflow-checks=on -Cdebug-assertions=on, so an
arithmetic operation the translation left unchecked where C wraps aborts and
shows as DIFFERENT.

Each seed is one of: equal, DIFFERENT, fallback (with the reason), rustc-
rejected, rustc-timeout, tool-crash, tool-timeout, tool-error, c-timeout,
rust-timeout, c-broken (csmith or clang failed; not the tool's doing).
DIFFERENT, rustc-rejected, tool-crash and the three timeouts of the
translation, rustc and the Rust program (the C program finished) are bugs;
with --expect-clean any of them makes the exit status 1. A seed that timed
out is run once more alone after the others, so that a loaded machine is
not a verdict; the second run's class counts. The C side is built with
-fno-finite-loops, since Rust has no forward-progress assumption.
Prints one line per seed and a summary line `N passed, N failed`.
"""
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time

CSMITH_OPTIONS = ["--no-float", "--no-packed-struct", "--max-funcs", "4",
                  "--max-expr-complexity", "6", "--max-block-depth", "3"]
CC = os.environ.get("CC_DIFF", "clang-19")
RUSTC = os.environ.get("RUSTC", "rustc")
# -fno-finite-loops: C11 lets clang delete a side-effect-free loop that never
# ends (csmith writes some); Rust keeps it, so the C reference must too.
CFLAGS = ["-O1", "-fno-strict-overflow", "-fno-finite-loops", "-w",
          "-I/usr/include/csmith"]
# Per option set: the translator's --rust-version and rustc's code flags.
OPTION_SETS = {
    "helper": ("1.87", ["-O"]),
    "kernel": ("1.78", ["-Copt-level=2", "-Coverflow-checks=on",
                        "-Cdebug-assertions=on"]),
}
# A Rust build that runs past a C build that finished differs from it.
TIMEOUTS = {"tool-timeout", "rustc-timeout", "rust-timeout"}
BUGS = {"DIFFERENT", "rustc-rejected", "tool-crash"} | TIMEOUTS

GLOBAL = re.compile(r"^static (?=[^(]*?\b(?:g_\d+|__undefined)\s*(?:\[|=|;))", re.M)
PROTO = re.compile(r"^static (.+?)\s*\bfunc_1\(void\);", re.M)


def helper_program(src):
    """The csmith program with non-static globals and func_1 as a helper."""
    m = PROTO.search(src)
    if not m:
        return None
    ret = m.group(1)
    src = GLOBAL.sub("", src)
    helper = ("\n%s rust_helper_func_1(void) { return func_1(); }\n"
              "#ifdef USE_RUST\nextern %s h2r_rust_helper_func_1(void);\n"
              "#define ENTRY h2r_rust_helper_func_1\n#else\n"
              "#define ENTRY rust_helper_func_1\n#endif\n") % (ret, ret)
    main_at = src.index("int main (")
    src = src[:main_at] + helper + src[main_at:]
    return src.replace("    func_1();\n", "    ENTRY();\n", 1)


def run(args, timeout=60, **kw):
    try:
        return subprocess.run(args, capture_output=True, text=True,
                              timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        return None


def classify(tool, work, seed, option_set):
    rust_version, rustc_flags = OPTION_SETS[option_set]
    d = os.path.join(work, str(seed))
    os.makedirs(d, exist_ok=True)
    prog = os.path.join(d, "prog.c")
    r = run(["csmith", "--seed", str(seed), "-o", prog] + CSMITH_OPTIONS)
    if r is None or r.returncode != 0:
        return "c-broken", "csmith failed"
    src = helper_program(open(prog).read())
    if src is None:
        return "c-broken", "no func_1"
    open(prog, "w").write(src)

    rs, report = os.path.join(d, "prog.rs"), os.path.join(d, "report.json")
    r = run([tool, "translate", prog, "--types=self", "--export=c-abi",
             "--symbol-prefix=h2r_", "--rust-version=" + rust_version, "-o", rs,
             "--report", report, "--"] + CFLAGS)
    if r is None:
        return "tool-timeout", ""
    if r.returncode < 0 or r.returncode > 1:
        return "tool-crash", "exit %d: %s" % (r.returncode, r.stderr.strip()[-200:])
    if r.returncode == 1:
        return "tool-error", r.stderr.strip().splitlines()[-1][:200]
    helpers = json.load(open(report))["helpers"]
    fallback = [h for h in helpers if h["status"] != "translated"]
    if fallback:
        reason = fallback[0]["reasons"][0] if fallback[0]["reasons"] else {}
        return "fallback", reason.get("construct", "?")

    c_exe, rust_exe = os.path.join(d, "c"), os.path.join(d, "rust")
    obj = os.path.join(d, "prog.o")
    r = run([RUSTC, "--edition=2021", "--crate-type=staticlib"] + rustc_flags +
            ["-C", "panic=abort", "-o", os.path.join(d, "libprog.a"), rs],
            timeout=120)
    if r is None:
        return "rustc-timeout", ""
    if r.returncode != 0:
        first = next((l for l in r.stderr.splitlines() if l.startswith("error")),
                     r.stderr.strip()[-200:] or "exit %d" % r.returncode)
        return "rustc-rejected", first[:200]
    for exe, defs in ((c_exe, []), (rust_exe, ["-DUSE_RUST"])):
        r = run([CC] + CFLAGS + defs + ["-c", prog, "-o", obj])
        if r is None or r.returncode != 0:
            return "c-broken", "clang failed"
        link = [CC, obj, "-o", exe]
        if defs:
            link += [os.path.join(d, "libprog.a"), "-lpthread", "-ldl", "-lm"]
        r = run(link)
        if r is None or r.returncode != 0:
            why = (r.stderr.strip().splitlines() or ["?"])[-1][:200] if r else "timeout"
            return ("rustc-rejected" if defs else "c-broken"), "link: " + why
    started = time.monotonic()
    c = run([c_exe], timeout=10)
    if c is None:
        return "c-timeout", ""
    # Generous for the Rust build, so a loaded machine is not a verdict.
    rust = run([rust_exe], timeout=20 + 5 * (time.monotonic() - started))
    if rust is None:
        return "rust-timeout", ""
    if (c.returncode, c.stdout) != (rust.returncode, rust.stdout):
        return "DIFFERENT", "C %s / Rust %s" % (c.stdout.strip(), rust.stdout.strip())
    return "equal", c.stdout.strip()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    valued = dict(a[2:].split("=", 1) for a in flags if "=" in a)
    option_set = valued.get("options", "helper")
    if option_set not in OPTION_SETS:
        sys.exit("campaign: unknown option set '%s' (%s)"
                 % (option_set, ", ".join(OPTION_SETS)))
    jobs = int(valued.get("jobs", "1"))
    tool, work = os.path.realpath(args[0]), os.path.realpath(args[1])
    seeds = []
    for a in args[2:]:
        if "-" in a:
            lo, hi = (int(x) for x in a.split("-"))
            seeds += range(lo, hi + 1)
        else:
            seeds.append(int(a))
    if any(s >= 50000 for s in seeds):
        sys.exit("campaign: seeds must be below 50000")
    os.makedirs(work, exist_ok=True)
    counts = collections.Counter()
    reasons = collections.Counter()
    bugs = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    outcomes = dict(zip(seeds, pool.map(lambda s: classify(tool, work, s, option_set),
                                        seeds)))
    for seed in seeds:
        if outcomes[seed][0] in TIMEOUTS:
            kind, detail = classify(tool, work, seed, option_set)
            outcomes[seed] = kind, (detail + " " if detail else "") + "(run again alone)"
    for seed in seeds:
        kind, detail = outcomes[seed]
        counts[kind] += 1
        if kind == "fallback":
            reasons[detail] += 1
        print("seed %5d: %s %s" % (seed, kind, detail), flush=True)
        if kind in BUGS:
            bugs.append(seed)
        elif "--keep" not in flags:
            shutil.rmtree(os.path.join(work, str(seed)), ignore_errors=True)
    print("classification: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    if reasons:
        print("fallback reasons: " + ", ".join("%s %d" % kv for kv in reasons.most_common()))
    if bugs:
        print("bugs (kept under %s): %s" % (work, " ".join(map(str, bugs))))
    failed = len(bugs) if "--expect-clean" in flags else 0
    print("%d passed, %d failed" % (len(seeds) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
