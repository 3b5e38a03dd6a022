#!/usr/bin/env python3
"""Prints what a kbuild tree's Rust side makes of the helpers: the
translation report's helpers translated / shimmed / left to C (when
helpers2rs wrote one), and the calls to rust_helper_* each Rust object
still makes.

    rust-calls.py <name> <build-dir> <seconds>
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
from rustobjects import helper_calls, rust_objects  # noqa: E402


def main():
    name, build, seconds = sys.argv[1:4]
    report = os.path.join(build, "rust", "bindings", "helpers2rs-report.json")
    line = "%s: built in %s s" % (name, seconds)
    if os.path.exists(report):
        s = json.load(open(report))["summary"]
        line += "; helpers %d: %d translated, %d shimmed, %d left to C" % (
            s["helpers"], s["translated"], s["shimmed"], s["fallback"])
    objects = rust_objects(build)
    # One objdump per object: its count, and the total from those.
    sites = [helper_calls([obj])["call_sites"] for obj in objects]
    line += "; rust_helper_* calls: %d in %d Rust objects" % (sum(sites), len(objects))
    print(line)
    for obj, count in zip(objects, sites):
        print("  %-60s %5d" % (os.path.relpath(obj, build), count))


if __name__ == "__main__":
    main()
