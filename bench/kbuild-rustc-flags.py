#!/usr/bin/env python3
"""The code generation flags a kernel build gave rustc, from its kbuild
command line (<objtree>/rust/.kernel.o.cmd), for building other Rust the
same way outside the tree.

    kbuild-rustc-flags.py <objtree>

Prints one flag per line: every -C and -Z option of the command (the
optimisation level, panic strategy, code model, target features,
-Zfunction-return, -Zcf-protection, -Zpatchable-function-entry...), less
what names the tree's own files or outputs (emit, remap, dep-info). The
kernel's custom target spec (scripts/target.json) is replaced by the
builtin x86_64-unknown-linux-gnu: a custom target needs a `core` built for
it, which only the kernel's own build has; the -Ctarget-feature and
-Ctarget-cpu flags it passes on top are kept.
"""
import shlex
import sys

cmd_file = sys.argv[1] + "/rust/.kernel.o.cmd"
line = next(l for l in open(cmd_file) if l.startswith("savedcmd_"))
words = shlex.split(line.split(":=", 1)[1])
SKIP = ("-Zbinary_dep_depinfo", "-Zunstable-options")
flags, i = [], 0
while i < len(words):
    w = words[i]
    if w in ("-C", "-Z"):
        w, i = w + words[i + 1], i + 1
    if w.startswith(("-C", "-Z")) and not w.startswith(SKIP):
        flags.append(w)
    i += 1
if not any(f.startswith("-Copt-level") for f in flags):
    sys.exit("kbuild-rustc-flags: no -Copt-level in %s: not a kbuild rustc command"
             % cmd_file)
print("\n".join(flags))
