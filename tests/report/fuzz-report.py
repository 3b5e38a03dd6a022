#!/usr/bin/env python3
"""Fuzzes `helpers2rs report` with mutated real reports: a translation
report and a survey made here from corpus files, then keys deleted, values
replaced by other types, kinds swapped, arrays emptied. Every run must end
with exit 0 and its output, or exit 1, one `helpers2rs: error:` line and no
output file: never a crash, a sanitizer report or a half-written file, and
the error names the field (report/Schema.cpp) rather than passing on
a JSON library exception from the analysis.

    fuzz-report.py <helpers2rs> <corpus-dir> <work-dir> [--runs N] [--seed S]
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys

args = argparse.ArgumentParser()
args.add_argument("tool")
args.add_argument("corpus")
args.add_argument("work")
args.add_argument("--runs", type=int, default=300)
args.add_argument("--seed", type=int, default=1)
opts = args.parse_args()
opts.tool = os.path.abspath(opts.tool)
opts.corpus = os.path.abspath(opts.corpus)
os.makedirs(opts.work, exist_ok=True)
os.chdir(opts.work)
rng = random.Random(opts.seed)

# Real reports to start from.
sources = sorted(glob.glob(os.path.join(opts.corpus, "semantics", "gnu", "*.c")) +
                 glob.glob(os.path.join(opts.corpus, "semantics", "shims", "*.c")))
subprocess.run([opts.tool, "translate", *sources, "--types=self", "--report",
                "translation.json", "-o", "translation.rs", "--", "-O2"],
               check=True, stderr=subprocess.DEVNULL)
json.dump([{"directory": os.path.dirname(s), "file": s,
            "arguments": ["clang", "-O2", "-c", s]} for s in sources],
          open("compile_commands.json", "w"))
subprocess.run([opts.tool, "survey", "-p", ".", "-o", "survey.json"], check=True,
               stderr=subprocess.DEVNULL)
bases = [json.load(open("translation.json")), json.load(open("survey.json"))]

ODD_VALUES = [None, 1.5, -1, 0, "", "x", [], {}, True, [1, "a"], {"a": 1}]


def paths(value, prefix=()):
    """Every (container, key) pair in a JSON value."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield value, k
            yield from paths(v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield value, i
            yield from paths(v)


def mutate(report):
    r = json.loads(json.dumps(report))
    for _ in range(rng.randint(1, 3)):
        spots = list(paths(r))
        if not spots:
            break
        container, key = rng.choice(spots)
        action = rng.choice(["delete", "replace", "replace", "kind", "empty"])
        if action == "kind":
            r["kind"] = rng.choice(["survey", "translation", "other", 3])
        elif action == "delete" and isinstance(container, dict):
            del container[key]
        elif action == "empty" and isinstance(container[key], (list, dict)):
            container[key] = type(container[key])()
        else:
            container[key] = rng.choice(ODD_VALUES)
    return r


failures = 0
for run in range(opts.runs):
    report = mutate(rng.choice(bases))
    json.dump(report, open("in.json", "w"))
    fmt = rng.choice(["md", "html", "json", "sarif"])
    cmd = [opts.tool, "report", "in.json", "--format=" + fmt, "-o", "out"]
    if rng.random() < 0.2:
        json.dump(mutate(rng.choice(bases)), open("old.json", "w"))
        cmd += ["--diff", "old.json"]
    if os.path.exists("out"):
        os.remove("out")
    p = subprocess.run(cmd, capture_output=True, text=True)
    lines = p.stderr.splitlines()
    ok = (p.returncode == 0 and os.path.exists("out")) or (
        p.returncode == 1 and not os.path.exists("out") and len(lines) == 1
        and lines[0].startswith("helpers2rs: error:")
        # The schema names the field; a library exception means it let a
        # malformed field through to the analysis.
        and "json.exception" not in lines[0])
    if not ok:
        failures += 1
        kept = "failure-%d.json" % run
        os.replace("in.json", kept)
        print("FAIL run %d (%s, exit %d): %s" % (run, kept, p.returncode,
                                                 p.stderr.strip()[:300]))
print("%d runs, %d failures" % (opts.runs, failures))
sys.exit(1 if failures else 0)
