#!/usr/bin/env python3
"""Turns the compile commands kbuild printed (make V=1) into a
compile_commands.json. Nothing about the flags is written here: each entry is
a command kbuild ran, split the way the shell splits it.

    kbuild-commands.py <make-V=1-log> <objtree> <compiler> > compile_commands.json
"""
import json
import os
import shlex
import sys

log, objtree, compiler = sys.argv[1:4]
entries = []
for line in open(log, errors="replace"):
    words = line.strip()
    if not words.startswith(compiler + " ") or " -c " not in words:
        continue
    # kbuild chains objtool and friends after `;`.
    args = shlex.split(words, posix=True)
    if ";" in args:
        args = args[:args.index(";")]
    # From 6.13 on kbuild may name an external module's source relative to
    # the kernel tree; the database names it absolutely.
    args = [os.path.normpath(os.path.join(objtree, a)) if a.endswith(".c") else a
            for a in args]
    sources = [a for a in args if a.endswith(".c")]
    if not sources:
        continue
    entries.append({"directory": objtree, "arguments": args, "file": sources[-1]})
if not entries:
    sys.exit("kbuild-commands: no '%s -c' command in %s" % (compiler, log))
json.dump(entries, sys.stdout, indent=1)
print()
