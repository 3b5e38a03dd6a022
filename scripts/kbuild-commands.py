#!/usr/bin/env python3
"""Turns the compile commands kbuild printed (make V=1) into a
compile_commands.json. Nothing about the flags is written here: each entry is
a command kbuild ran, split the way the shell splits it.

    kbuild-commands.py <make-V=1-log> <objtree> <compiler> <module-dir> > compile_commands.json

Up to 6.12 kbuild runs an external module's commands in the kernel tree;
from 6.13 on, in the module's folder. Each command's directory is the one
where its source, as the command names it, exists.
"""
import json
import os
import shlex
import sys

log, objtree, compiler, module_dir = sys.argv[1:5]
entries = []
for line in open(log, errors="replace"):
    words = line.strip()
    if not words.startswith(compiler + " ") or " -c " not in words:
        continue
    # kbuild chains objtool and friends after `;`.
    args = shlex.split(words, posix=True)
    if ";" in args:
        args = args[:args.index(";")]
    sources = [a for a in args if a.endswith(".c")]
    if not sources:
        continue
    directory = next((d for d in (objtree, module_dir)
                      if os.path.exists(os.path.join(d, sources[-1]))), objtree)
    # The database names the source absolutely.
    args = [os.path.normpath(os.path.join(directory, a)) if a == sources[-1] else a
            for a in args]
    entries.append({"directory": directory, "arguments": args,
                    "file": os.path.normpath(os.path.join(directory, sources[-1]))})
if not entries:
    sys.exit("kbuild-commands: no '%s -c' command in %s" % (compiler, log))
# make -j runs them in any order; the database lists them by file.
entries.sort(key=lambda e: e["file"])
json.dump(entries, sys.stdout, indent=1)
print()
