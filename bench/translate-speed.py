#!/usr/bin/env python3
"""Translate time against Clang's own parse of the same translation unit.

Usage: translate-speed.py <helpers2rs> <kbuild-build-dir> [--runs N]

The build directory is one the kernel rule translated in (its
rust/bindings/.bindings_helpers_generated.rs.cmd holds the command). Each
run times, back to back, `clang -fsyntax-only` of helpers.c with the flags
the tool parses it with (the command's, less those the tool drops as
unknown to Clang, plus the macros --body-compile adds and the tool's -w)
and the tool's translation with its outputs in a scratch directory, then
the translation without rustfmt. The figure is the median of the per-run
ratios: a run where the machine was busy slows both sides of its pair.
"""
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

OUTPUTS = {"-o": "out.rs", "--report": "report.json", "--depfile": "out.d",
           "--kunit-suite": "suite.rs", "--kunit-suite-syms": "suite.syms"}


def saved_command(cmd_file):
    """The command a kbuild .cmd file saved, as arguments."""
    for line in open(cmd_file):
        m = re.match(r"savedcmd_\S+ := (.*)$", line.rstrip("\n"))
        if m:
            return shlex.split(m.group(1))
    raise SystemExit("%s: no savedcmd line" % cmd_file)


def tool_command(args, tool, scratch):
    """The saved translate command with this tool, writing into scratch."""
    out, i = [tool], 1
    while i < len(args):
        a = args[i]
        if a in OUTPUTS and "--" in args and i < args.index("--"):
            out += [a, os.path.join(scratch, OUTPUTS[a])]
            i += 2
            continue
        if not a.startswith("-Wp,-MMD"):
            out.append(a)
        i += 1
    return out


def input_file(args):
    """The C file translated: the first argument after `translate` that is
    not an option or an option's value."""
    i = args.index("translate") + 1
    return args[i]


def dropped_flags(stderr):
    """The flags `translate -v` says it dropped from the compile command."""
    flags = set()
    for line in stderr.splitlines():
        if "dropped from the compile command" in line:
            flags.update(re.findall(r" (\S+) \(", line.split("':", 1)[1]))
    return flags


def clang_command(tool_args, dropped, body_macros, clang="clang-19"):
    """Clang's parse of the same file with the flags the tool parses it
    with."""
    flags = tool_args[tool_args.index("--") + 1:]
    flags = [f for f in flags if f not in dropped and not f.startswith("-Wp,-MMD")]
    return ([clang, "-fsyntax-only", "-fno-caret-diagnostics"] + flags +
            ["-D" + m for m in body_macros] + ["-w", input_file(tool_args)])


def paired_ratio(pairs):
    """Median of tool/clang over runs, each (clang seconds, tool seconds)."""
    return statistics.median(t / c for c, t in pairs)


# Debian's Rust first, as scripts/toolchain/rust-env.sh and the kernel
# tests have it: the rustfmt a kernel build starts.
ENV = dict(os.environ, PATH="/usr/bin:" + os.environ.get("PATH", ""))


def timed(cmd, cwd):
    start = time.monotonic()
    r = subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode:
        raise SystemExit("failed (%d): %s\n%s" % (r.returncode, shlex.join(cmd[:3]), r.stderr))
    return time.monotonic() - start, r.stderr


def main():
    argv = sys.argv[1:]
    runs = 5
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        del argv[i:i + 2]
    tool, build = os.path.realpath(argv[0]), argv[1]
    saved = saved_command(os.path.join(build, "rust/bindings/.bindings_helpers_generated.rs.cmd"))
    with tempfile.TemporaryDirectory() as scratch:
        cmd = tool_command(saved, tool, scratch)
        _, stderr = timed(cmd[:2] + ["-v"] + cmd[2:], build)
        report = json.load(open(os.path.join(scratch, "report.json")))
        macros = report["options"].get("body_compile", {}).get("macros", [])
        clang = clang_command(cmd, dropped_flags(stderr), macros)
        no_fmt = cmd[:2] + ["--formatter=none"] + cmd[2:]
        pairs, unformatted = [], []
        for _ in range(runs):
            c, _ = timed(clang, build)
            t, _ = timed(cmd, build)
            n, _ = timed(no_fmt, build)
            pairs.append((c, t))
            unformatted.append((c, n))
    s = report["summary"]
    print("%s: %d helpers, %d functions reached" % (input_file(cmd), s["helpers"], s["functions"]))
    print("clang -fsyntax-only: %.2f s (median of %d)" % (statistics.median(c for c, _ in pairs), runs))
    print("translate:           %.2f s, %.2fx clang (median of %d paired ratios)"
          % (statistics.median(t for _, t in pairs), paired_ratio(pairs), runs))
    print("translate, no rustfmt: %.2f s, %.2fx clang"
          % (statistics.median(t for _, t in unformatted), paired_ratio(unformatted)))


if __name__ == "__main__":
    main()
