#!/usr/bin/env python3
"""Compiles a helpers.c with the command kbuild ran for it (the first entry
of a compile_commands.json), with clang-19, into an object:

  compile-c-helpers.py <compile_commands.json> <out.o>

Warnings and dependency files are dropped, then each option clang rejects
(GCC-only ones of a GCC-configured tree), one at a time. The source is the
command's last argument.
"""
import json, re, shlex, subprocess, sys
entry = json.load(open(sys.argv[1]))[0]
args = entry.get("arguments") or shlex.split(entry["command"])
out, drop, keep = sys.argv[2], set(), []
skip = False
for a in args:
    if skip:
        skip = False
        continue
    if a == "-o":
        skip = True
        continue
    if a.startswith("-Wp,-M") or a.startswith("-W") and not a.startswith(("-Wa,", "-Wl,")):
        continue
    keep.append(a)
# jump_label.c's helpers pass a run-time key to asm goto's "i" operand: C
# compiles them only inlined into a caller with a constant key, and they
# stay in C (asm-goto-needs-rust-1.87), so the C build leaves them out.
src = keep[-1]
bench_src = src[:-2] + "-bench.c"
open(bench_src, "w").write(open(src).read().replace('#include "jump_label.c"', ""))
keep[-1] = bench_src
keep += ["-w", "-o", out]
while True:
    r = subprocess.run([k for k in keep if k not in drop], cwd=entry["directory"],
                       capture_output=True, text=True)
    if r.returncode == 0:
        break
    bad = re.findall(r"(?:unknown argument|unsupported option|optimization flag|argument unused)[^']*'([^']+)'", r.stderr)
    if not bad or bad[0] in drop:
        sys.exit("codegen-parity: the C does not compile:\n" + r.stderr[:2000])
    drop.add(bad[0])
