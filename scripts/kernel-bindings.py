#!/usr/bin/env python3
"""Runs bindgen over a header or C file with the C flags of a
compile_commands.json entry (the helpers' own kbuild command), as the
kernel's bindgen rule does, and writes the bindings.

    kernel-bindings.py <compile_commands.json> <entry.c> <input> <out.rs> \\
        -- <bindgen options> [-- <extra C flags>]

The bindgen is $BINDGEN (default: `bindgen` on PATH). The kernel's own, 0.71.1
(scripts/toolchain/build-bindgen.sh), runs on libclang 19; Debian's 0.60,
which the 6.1 corpus test still uses, must run on libclang 14
(LIBCLANG_PATH=/usr/lib/llvm-14/lib). Options the libclang rejects ("unknown
argument", "unsupported option", "unknown warning option": GCC-only flags
of a GCC-configured tree) are dropped as its errors name them and bindgen
runs again, so no flag list is written by hand; so are bindgen options a
bindgen does not know.
"""
import json
import os
import re
import subprocess
import sys

db, entry_file, source, out = sys.argv[1:5]
rest = sys.argv[6:] if sys.argv[5:6] == ["--"] else sys.exit(__doc__)
bindgen_opts, extra = (rest[:rest.index("--")], rest[rest.index("--") + 1:]) \
    if "--" in rest else (rest, [])
entry = next(e for e in json.load(open(db))
             if os.path.realpath(os.path.join(e["directory"], e["file"])) ==
             os.path.realpath(entry_file))
args, skip = [], False
for a in entry["arguments"][1:]:
    if skip:
        skip = False
    elif a == "-o":
        skip = True
    elif a == "-c" or a.startswith("-Wp,") or a == entry["file"]:
        pass
    else:
        args.append(a)
args += extra

# Options newer than the bindgen at hand (0.60 lacks some of the kernel's 7.x
# rule): named and dropped, with their value.
unknown_option = re.compile(r"Found argument '(--[^'=]+)(?:=[^']*)?' which wasn't expected")
rejected = re.compile(
    r"error: (?:unknown argument: '([^']+)'|unsupported option '([^']+)'"
    r"|unknown warning option '([^']+)'|'([^']+)' hasn't been enabled)")
bindgen = os.environ.get("BINDGEN", "bindgen")
version = subprocess.run([bindgen, "--version"], capture_output=True,
                         text=True).stdout.split()[-1]
debian_060 = tuple(int(x) for x in version.split(".")[:2]) < (0, 61)
env = dict(os.environ, LIBCLANG_PATH="/usr/lib/llvm-14/lib") if debian_060 \
    else dict(os.environ)
dropped, unsupported = [], set()
for _ in range(40):
    r = subprocess.run([bindgen, os.path.realpath(source), "-o", os.path.realpath(out)]
                       + bindgen_opts + ["--"] + args,
                       cwd=entry["directory"], env=env, capture_output=True, text=True)
    bad = {g for m in rejected.finditer(r.stderr) for g in m.groups() if g}
    option = unknown_option.search(r.stderr)
    if option:
        kept, i = [], 0
        while i < len(bindgen_opts):
            o = bindgen_opts[i]
            if o.split("=")[0] == option.group(1):
                i += 1 if "=" in o or i + 1 == len(bindgen_opts) or \
                    bindgen_opts[i + 1].startswith("--") else 2
                continue
            kept.append(o)
            i += 1
        bindgen_opts = kept
        unsupported.add(option.group(1))
        continue
    if r.returncode == 0 and not bad:
        break
    if not bad:
        sys.stderr.write(r.stderr)
        sys.exit("kernel-bindings: bindgen failed")
    dropped += sorted(bad)
    args = [a for a in args if a not in bad]
else:
    sys.exit("kernel-bindings: bindgen kept rejecting options")
if dropped:
    sys.stderr.write("kernel-bindings: dropped for libclang: %s\n" % " ".join(dropped))
if unsupported:
    sys.stderr.write("kernel-bindings: options bindgen %s lacks, dropped: %s\n"
                     % (version, " ".join(sorted(unsupported))))
