#!/usr/bin/env python3
"""Rust functions of two builds of one kernel, function by function: the
same Rust code (rust/kernel.o, every Rust sample and driver object) built
with one way of reaching the C helpers against another (the LTO route's
inlined bitcode against the translation, or bindgen's calls against it).

    kernel-functions.py <baseline objtree> <other objtree> [--names A B]
        [--json out.json]

Instructions are counted by bench/objcount.py (the same normalisation as
the helper benchmark, x86_64 or AArch64 as the objects are); calls are
call instructions (`call`, `bl`, `blr`) to anything but __fentry__. Every function of either side counts in the totals, including
those only one side has (an out-of-line copy of an inline function, or a
function one side inlined away). Prints: the share of common functions
where the other build is no larger, the totals, the calls, and the 20
functions it grows most, with the first instruction where they differ.
"""
import argparse
import json
import os
import sys

here = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "../scripts/kbuild"))
from objcount import counted, functions, isa_of  # noqa: E402
from rustobjects import rust_objects  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("base")
ap.add_argument("other")
ap.add_argument("--names", nargs=2, default=["baseline", "other"])
ap.add_argument("--json")
a = ap.parse_args()


def measure(build):
    """{(object, function): (instructions, calls, counted body)}."""
    out = {}
    for obj in rust_objects(build):
        rel = os.path.relpath(obj, build)
        isa = isa_of(obj)
        for name, body in functions(obj, section=None).items():
            kept = counted(body, isa)
            n_calls = sum(1 for i, _ in kept if isa.is_call(i))
            out[(rel, name)] = (len(kept), n_calls, kept)
    return out


base, other = measure(a.base), measure(a.other)
common = sorted(set(base) & set(other))
if not common:
    sys.exit("kernel-functions: no Rust function in common")
no_larger = sum(1 for k in common if other[k][0] <= base[k][0])
total_b = sum(v[0] for v in base.values())
total_o = sum(v[0] for v in other.values())
calls_b = sum(v[1] for v in base.values())
calls_o = sum(v[1] for v in other.values())
only_b = sorted(set(base) - set(other))
only_o = sorted(set(other) - set(base))
A, B = a.names
print("Rust objects: %d (%s), %d (%s)" % (len({k[0] for k in base}), A,
                                         len({k[0] for k in other}), B))
print("functions in both: %d; %s no larger than %s: %d (%.1f %%)"
      % (len(common), B, A, no_larger, 100.0 * no_larger / len(common)))
print("only in %s: %d functions, %d instructions; only in %s: %d, %d"
      % (A, len(only_b), sum(base[k][0] for k in only_b),
         B, len(only_o), sum(other[k][0] for k in only_o)))
print("total instructions: %s %d, %s %d (%s/%s %.4f)"
      % (A, total_b, B, total_o, B, A, total_o / total_b))
print("calls: %s %d, %s %d" % (A, calls_b, B, calls_o))
worst = sorted(common, key=lambda k: other[k][0] - base[k][0], reverse=True)[:20]
print("\nthe 20 functions %s grows most (%s, %s, first differing %s | %s):" % (B, A, B, A, B))
rows = []
for k in worst:
    if other[k][0] <= base[k][0]:
        break
    bb, ob = base[k][2], other[k][2]
    first = next((i for i, (x, y) in enumerate(zip(bb, ob)) if x[0] != y[0]),
                 min(len(bb), len(ob)))
    diff = (bb[first][0] if first < len(bb) else "(end)",
            ob[first][0] if first < len(ob) else "(end)")
    rows.append({"object": k[0], "function": k[1], A: base[k][0], B: other[k][0],
                 "first_difference": diff})
    print("  %-70.70s %5d %5d  %s | %s" % (k[0] + ":" + k[1], base[k][0], other[k][0], *diff))
if a.json:
    json.dump({"names": [A, B], "functions_in_both": len(common),
               "no_larger": no_larger, "total_instructions": [total_b, total_o],
               "calls": [calls_b, calls_o], "only": [len(only_b), len(only_o)],
               "worst": rows}, open(a.json, "w"), indent=1)
