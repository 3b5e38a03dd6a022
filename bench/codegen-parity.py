#!/usr/bin/env python3
"""Per-helper machine code size, C helper against its Rust translation.

  codegen-parity.py <c.o> <rust.o> <report.json> <rust-prefix> [--json FILE]

Counts instructions per function in two objects (objdump -dr), normalised
the same way on both sides by bench/objcount.py (padding, landing pads,
__fentry__ calls and returns in every form, `cs jmp __x86_return_thunk`
included, are not counted). Prints one row per translated helper (C, Rust, Rust/C), then the
summary: the share with Rust <= C, the median and total ratio, each helper
where Rust is larger with the first instruction that differs, calls the
Rust makes that the C does not, and any panic machinery in the Rust object.

C symbols are the helpers' own names; Rust symbols carry <rust-prefix>
(`h2r_` for the c-abi form, `call_` for the one-caller-per-helper form).

--json FILE also writes the counts in the form `helpers2rs report
--codegen=FILE` shows beside each helper (docs/report-format.md, "Machine
code counts").
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
from objcount import calls, counted, functions, isa_of  # noqa: E402

PANIC = re.compile(r"panicking|unwrap_failed|panic_fmt|panic_bounds_check|"
                   r"slice_index|expect_failed|core..result..unwrap")


def write_counts(path, prefix, rows):
    form = {"h2r_": "c-abi", "call_": "inline"}.get(prefix, prefix)
    counts = {"kind": "codegen", "form": form,
              "counter": "bench/objcount.py",
              "helpers": [{"name": name, "c": c, "rust": r}
                          for name, c, r, _ in rows]}
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(counts, f, indent=1)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser()
    for name in ("c_obj", "rust_obj", "report", "prefix"):
        parser.add_argument(name)
    parser.add_argument("--json")
    args = parser.parse_args()
    c_obj, rust_obj, report, prefix = (args.c_obj, args.rust_obj, args.report,
                                       args.prefix)
    c_funcs, rust_funcs = functions(c_obj), functions(rust_obj)
    c_isa, rust_isa = isa_of(c_obj), isa_of(rust_obj)
    status = {h["name"]: h["status"] for h in json.load(open(report))["helpers"]
              if h["status"] in ("translated", "shimmed")}
    rows, larger, extra_calls = [], [], []
    for name in status:
        c, r = c_funcs.get(name), rust_funcs.get(prefix + name)
        if c is None or r is None:
            continue
        c, r = counted(c, c_isa), counted(r, rust_isa)
        rows.append((name, len(c), len(r), status[name]))
        if len(r) > len(c):
            first = next((i for i, (a, b) in enumerate(zip(c, r))
                          if a[0] != b[0]), min(len(c), len(r)))
            larger.append((name, len(c), len(r),
                           c[first][0] if first < len(c) else "(end)",
                           r[first][0] if first < len(r) else "(end)"))
        new = sorted(calls(r, rust_isa) - calls(c, c_isa) - {prefix + name})
        new = [t for t in new if not t.startswith(".L")]
        if new:
            extra_calls.append((name, new))
    print("%-45s %5s %5s %6s %s" % ("helper", "C", "Rust", "Rust/C", "status"))
    for name, c, r, st in rows:
        print("%-45s %5d %5d %6.2f %s" % (name, c, r, r / c if c else 0, st))
    if not rows:
        sys.exit("codegen-parity: no helper found in both objects")
    if args.json:
        write_counts(args.json, prefix, rows)
    print()
    # Translated and shimmed apart: a shim is an equivalent form, not the
    # translation of the C, and may cost differently.
    for label, kinds in (("translated", {"translated"}), ("shimmed", {"shimmed"}),
                         ("all", {"translated", "shimmed"})):
        part = [(c, r) for _, c, r, st in rows if st in kinds]
        if not part:
            print("%s: none" % label)
            continue
        at_most = sum(1 for c, r in part if r <= c)
        total_c = sum(c for c, _ in part)
        total_r = sum(r for _, r in part)
        print("%s: %d helpers, Rust <= C: %d (%.1f %%), median Rust/C %.2f, "
              "total C %d, Rust %d (Rust/C %.3f)"
              % (label, len(part), at_most, 100.0 * at_most / len(part),
                 statistics.median([r / c for c, r in part if c]),
                 total_c, total_r, total_r / total_c))
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
