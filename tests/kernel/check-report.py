#!/usr/bin/env python3
"""Checks a kernel-corpus report: every rust_helper_ defined in the corpus is
reported, as translated, as shimmed with the shims it used, or as a fallback
whose every reason names a construct and a location; prints the summary and the top fallback reasons.

    check-report.py <corpus-dir> <report.json>
"""
import collections
import glob
import json
import re
import sys

corpus, report = sys.argv[1:3]
defined = set()
for path in glob.glob(corpus + "/*.c"):
    defined |= set(re.findall(r"\b(rust_helper_\w+)\s*\(", open(path).read()))
r = json.load(open(report))
reported = {h["name"]: h for h in r["helpers"]}
failures = []
missing = sorted(defined - set(reported))
if missing:
    failures.append("not reported: " + ", ".join(missing[:10]))
for h in r["helpers"]:
    if h["status"] == "fallback":
        if not h["reasons"]:
            failures.append(h["name"] + ": fallback without a reason")
        for why in h["reasons"]:
            if not why["construct"] or ":" not in why["location"]:
                failures.append(h["name"] + ": reason without construct/location")
    if h["status"] == "shimmed":
        if not h["shims"]:
            failures.append(h["name"] + ": shimmed without a shim")
        for use in h["shims"]:
            if not use["construct"] or ":" not in use["location"]:
                failures.append(h["name"] + ": shim without name/location")
s = r["summary"]
print("helpers %d: translated %d, shimmed %d, fallback %d; closure functions %d "
      "(%d translated)" % (s["helpers"], s["translated"], s["shimmed"],
                           s["fallback"], s["functions"], s["functions_translated"]))
top = collections.Counter(s["fallback_by_construct"]).most_common(10)
print("top fallback reasons: " + ", ".join("%s %d" % kv for kv in top))
for f in failures:
    print("FAIL " + f)
print("%d passed, %d failed" % (len(defined) - len(failures), len(failures)))
sys.exit(1 if failures or len(defined) < 250 else 0)
