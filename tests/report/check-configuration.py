#!/usr/bin/env python3
"""The configuration a kernel translation's report names is the build's.

Usage: check-configuration.py <report.json> <build-dir>

The report's release is the build's include/config/kernel.release; every
option the parse read has the value the build's .config gives it (y, m, a
number, a string; none when unset), its CONFIG_*_MODULE twins read 1 for an
option set to m; the compiler and rustc texts are .config's; and the
options read include those any kernel's helpers reach (SMP, preemption).
An option the compile command defines (arm64's Makefile defines
CONFIG_CC_HAS_K_CONSTRAINT) is reported as defined elsewhere and is not
in .config.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)),
                                "../../scripts/kbuild"))
read_config = __import__("distribution-kunitconfig").read_config


def dot_config(path):
    """Option to its value as .config spells it, a string's quotes off."""
    return {"CONFIG_" + name: value[1:-1] if value.startswith('"') else value
            for name, value in read_config(path).items()}


def expected(name, config):
    if name in config:
        return config[name]
    base = name[:-len("_MODULE")] if name.endswith("_MODULE") else None
    if base and config.get(base) == "m":
        return "1"
    return None


def main():
    report, build = sys.argv[1:3]
    c = json.load(open(report))["configuration"]
    config = dot_config(build + "/.config")
    release = open(build + "/include/config/kernel.release").read().strip()
    problems = []
    if c["release"] != release:
        problems.append("release %r, the build's is %r" % (c["release"], release))
    for key, option in (("compiler", "CONFIG_CC_VERSION_TEXT"),
                        ("rustc", "CONFIG_RUSTC_VERSION_TEXT")):
        if c[key] != config.get(option):
            problems.append("%s %r, .config says %r" % (key, c[key], config.get(option)))
    read = c["options_read"]
    # What the compile command defines (arm64's CONFIG_CC_HAS_K_CONSTRAINT)
    # is not the configuration's, and .config does not have it.
    elsewhere = set(c.get("defined_elsewhere", []))
    problems += ["%s: defined outside the configuration, but .config sets it" % n
                 for n in sorted(elsewhere) if n in config]
    wrong = [(n, v, expected(n, config)) for n, v in sorted(read.items())
             if n not in elsewhere and v != expected(n, config)]
    problems += ["%s: report %r, .config %r" % w for w in wrong[:10]]
    if wrong[10:]:
        problems.append("and %d more options" % len(wrong[10:]))
    for option in ("CONFIG_SMP", "CONFIG_PREEMPT_RT", "CONFIG_DEBUG_LOCK_ALLOC"):
        if option not in read:
            problems.append("%s not among the options read" % option)
    set_count = len(config)
    if c["options_set"] != set_count:
        problems.append("%d options set, .config sets %d" % (c["options_set"], set_count))
    for p in problems:
        print("check-configuration: FAIL: " + p)
    print("configuration: Linux %s (%s), %d options read (%d set), each as .config has it"
          % (c["release"], c["target"], len(read),
             sum(v is not None for v in read.values())))
    sys.exit(1 if problems else 0)


main()
