#!/usr/bin/env python3
"""Checks the boot of a deliberately wrong translation (build-kernel.sh
--mutant): the differential suite fails exactly the changed helpers.

    check-mutant.py <result.json> <helper>...
"""
import json
import sys

result = json.load(open(sys.argv[1]))
changed = set(sys.argv[2:])
suite = {n[len("helpers2rs_differential."):]: s for n, s in result["kunit"]["tests"]
         if n.startswith("helpers2rs_differential.")}
caught = {n for n, s in suite.items() if s != "PASS"}
print("check-mutant: changed %s; the suite failed %s (%d cases ran)"
      % (sorted(changed), sorted(caught), len(suite)))
sys.exit(0 if suite and caught == changed else 1)
