#!/usr/bin/env python3
"""Per-helper machine code size, C helper against its Rust translation.

  codegen-parity.py <c.o> <rust.o> <report.json> <rust-prefix> [--inline]

Counts instructions per function in two objects (objdump -dr), normalised
the same way on both sides (docs/user-guide.md, "Codegen parity"): padding
nops, `endbr64`, `int3`, the `call __fentry__` of -pg and the return
(`ret`, or `jmp __x86_return_thunk` under -mfunction-return) are not
counted. Prints one row per translated helper (C, Rust, Rust/C), then the
summary: the share with Rust <= C, the median and total ratio, each helper
where Rust is larger with the first instruction that differs, calls the
Rust makes that the C does not, and any panic machinery in the Rust object.

C symbols are the helpers' own names; Rust symbols carry <rust-prefix>
(`h2r_` for the c-abi form, `call_` for the one-caller-per-helper form).
"""
import json
import re
import statistics
import subprocess
import sys

PANIC = re.compile(r"panicking|unwrap_failed|panic_fmt|panic_bounds_check|"
                   r"slice_index|expect_failed|core..result..unwrap")


def functions(obj):
    """{symbol: [(instruction, call target or None)]} of an object whose code
    is all in .text. rustc merges identical functions into aliases, which
    objdump labels once: symbols are mapped to bodies by address."""
    out = subprocess.run(["objdump", "-dr", "--no-show-raw-insn", "-M",
                          "att", "-j", ".text", obj], capture_output=True,
                         text=True, check=True).stdout
    bodies, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^([0-9a-f]+) <(.+)>:$", line)
        if m:
            cur = bodies.setdefault(int(m.group(1), 16), [])
            continue
        if cur is None:
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+R_X86_64_\w+\s+(\S+)", line)
        if m and cur:
            target = re.sub(r"[-+]0x[0-9a-f]+$", "", m.group(1))
            insn, _ = cur[-1]
            cur[-1] = (insn, target)
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+(.*)$", line)
        if m:
            insn = re.sub(r"\s+", " ", m.group(1).split("#")[0].strip())
            cur.append((insn, None))
    symbols = subprocess.run(["nm", "--defined-only", obj],
                             capture_output=True, text=True,
                             check=True).stdout
    funcs = {}
    for line in symbols.splitlines():
        addr, kind, name = line.split()
        if kind in "Tt" and int(addr, 16) in bodies:
            funcs[name] = bodies[int(addr, 16)]
    return funcs


SKIPPED = {"endbr64", "int3", "ret", "retq"}


def counted(insns):
    """The instructions that count, with call targets kept."""
    kept = []
    for insn, target in insns:
        words = insn.split(" ")
        if words[0] in SKIPPED or any(w.startswith("nop") for w in words):
            continue
        if insn == "xchg %ax,%ax":  # a two-byte nop
            continue
        if words[0].startswith(("call", "jmp")) and target in (
                "__fentry__", "__x86_return_thunk"):
            continue
        kept.append((insn, target))
    return kept


def calls(insns):
    return {t for i, t in insns
            if t and i.split(" ")[0].startswith(("call", "jmp"))}


def main():
    c_obj, rust_obj, report, prefix = sys.argv[1:5]
    c_funcs, rust_funcs = functions(c_obj), functions(rust_obj)
    helpers = [h["name"] for h in json.load(open(report))["helpers"]
               if h["status"] in ("translated", "shimmed")]
    rows, larger, extra_calls = [], [], []
    for name in helpers:
        c, r = c_funcs.get(name), rust_funcs.get(prefix + name)
        if c is None or r is None:
            continue
        c, r = counted(c), counted(r)
        rows.append((name, len(c), len(r)))
        if len(r) > len(c):
            first = next((i for i, (a, b) in enumerate(zip(c, r))
                          if a[0] != b[0]), min(len(c), len(r)))
            larger.append((name, len(c), len(r),
                           c[first][0] if first < len(c) else "(end)",
                           r[first][0] if first < len(r) else "(end)"))
        new = sorted(calls(r) - calls(c) - {prefix + name})
        new = [t for t in new if not t.startswith(".L")]
        if new:
            extra_calls.append((name, new))
    print("%-45s %5s %5s %6s" % ("helper", "C", "Rust", "Rust/C"))
    for name, c, r in rows:
        print("%-45s %5d %5d %6.2f" % (name, c, r, r / c if c else 0))
    if not rows:
        sys.exit("codegen-parity: no helper found in both objects")
    ratios = [r / c for _, c, r in rows if c]
    at_most = sum(1 for _, c, r in rows if r <= c)
    total_c = sum(c for _, c, _ in rows)
    total_r = sum(r for _, _, r in rows)
    print()
    print("helpers compared: %d" % len(rows))
    print("Rust <= C: %d (%.1f %%)" % (at_most, 100.0 * at_most / len(rows)))
    print("median Rust/C: %.2f" % statistics.median(ratios))
    print("total: C %d, Rust %d instructions (Rust/C %.3f)"
          % (total_c, total_r, total_r / total_c))
    if larger:
        print("\nRust larger (helper, C, Rust, first differing C | Rust):")
        for name, c, r, ci, ri in larger:
            print("  %-40s %4d %4d  %s | %s" % (name, c, r, ci, ri))
    if extra_calls:
        print("\ncalls the Rust makes that the C does not:")
        for name, new in extra_calls:
            print("  %s: %s" % (name, " ".join(new)))
    syms = subprocess.run(["nm", rust_obj], capture_output=True, text=True,
                          check=True).stdout
    sections = subprocess.run(["objdump", "-h", rust_obj], capture_output=True,
                              text=True, check=True).stdout
    panic = sorted({l.split()[-1] for l in syms.splitlines()
                    if PANIC.search(l)})
    if ".gcc_except_table" in sections:
        panic.append(".gcc_except_table")
    print("\npanic machinery in the Rust object: %s"
          % (" ".join(panic) if panic else "none"))


if __name__ == "__main__":
    main()
