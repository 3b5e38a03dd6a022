#!/usr/bin/env python3
"""Prints what a kbuild tree's Rust side makes of the helpers: the
translation report's helpers translated / shimmed / left to C (when
helpers2rs wrote one), and the calls to rust_helper_* each Rust object
still makes.

    rust-calls.py <name> <build-dir> <seconds> [--check-calls] [--check-translated]

--check-calls fails (exit 1) if a Rust object calls a helper the report
does not leave to C; --check-translated if the report leaves one to C.
With either, the problems found are printed after the first line instead
of the calls per object.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
from rustobjects import helper_calls, rust_objects  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("build")
    ap.add_argument("seconds")
    ap.add_argument("--check-calls", action="store_true")
    ap.add_argument("--check-translated", action="store_true")
    a = ap.parse_args()
    path = os.path.join(a.build, "rust", "bindings", "helpers2rs-report.json")
    report = json.load(open(path)) if os.path.exists(path) else None
    line = "%s: built in %s s" % (a.name, a.seconds)
    if report:
        s = report["summary"]
        line += "; helpers %d: %d translated, %d shimmed, %d left to C" % (
            s["helpers"], s["translated"], s["shimmed"], s["fallback"])
    objects = rust_objects(a.build)
    # One objdump per object: its count, and the total from those.
    calls = [helper_calls([obj]) for obj in objects]
    line += "; rust_helper_* calls: %d in %d Rust objects" % (
        sum(c["call_sites"] for c in calls), len(objects))
    print(line)
    if not (a.check_calls or a.check_translated):
        for obj, c in zip(objects, calls):
            print("  %-60s %5d" % (os.path.relpath(obj, a.build), c["call_sites"]))
        return
    if report is None:
        print("  no translation report: " + path)
        sys.exit(1)
    left = {h["name"] for h in report["helpers"] if h["status"] == "fallback"}
    called = {name for c in calls for name in c["helpers"]} - left
    problems = []
    if a.check_translated and left:
        problems.append("left to C: " + ", ".join(sorted(left)))
    if a.check_calls and called:
        problems.append("calls translated helpers: " + ", ".join(sorted(called)))
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
