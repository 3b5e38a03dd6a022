#!/usr/bin/env python3
"""Compiles every translated helper of a kbuild tree, as kbuild compiles the
bindings crate. The translation's helpers are `#[inline(always)]`: rustc
generates code for one only where it is used, so `make rust/` alone proves
that the output type-checks, not that every helper's `asm!` assembles. This
builds a small crate that takes the address of each helper the report
translates, with the bindings crate's own rustc command (its flags, target
and cfgs from rust/.bindings.o.cmd), and so forces each into machine code.

    instantiate-helpers.py <build-dir> <out-dir>

Prints how many helpers were compiled; exits non-zero, with rustc's errors,
when one does not compile.
"""
import json
import os
import re
import shlex
import subprocess
import sys


def bindings_command(build):
    text = open(os.path.join(build, "rust", ".bindings.o.cmd")).read()
    line = text.split("\n", 1)[0]
    return shlex.split(line.split(":=", 1)[1])


def hidden_helpers(translation):
    """Helpers a bindings C function of the same name hides from
    `bindings::`, re-exported in `helpers2rs_hidden` (errname, mutex_lock)."""
    text = open(translation).read()
    start = text.find("pub mod helpers2rs_hidden {")
    if start < 0:
        return set()
    block = text[start:text.index("}", start)]
    return set(re.findall(r"pub use super::(\w+);", block))


def instances_source(report, hidden):
    names = sorted(h["rust_name"] for h in report["helpers"]
                   if h["status"] in ("translated", "shimmed"))
    lines = ["// Every translated helper's address: each is compiled here.",
             "#![no_std]",
             "#![allow(missing_docs, unreachable_pub, clippy::all)]",
             "",
             "#[no_mangle]",
             "pub extern \"C\" fn helpers2rs_instances(out: *mut *const ()) {",
             "    let all: [*const (); %d] = [" % len(names)]
    for name in names:
        path = ("bindings::helpers2rs_hidden::" if name in hidden else "bindings::") + name
        lines.append("        %s as *const ()," % path)
    lines += ["    ];",
              "    // SAFETY: the caller passes room for every address.",
              "    unsafe { core::ptr::copy_nonoverlapping(all.as_ptr(), out, all.len()) }",
              "}", ""]
    return "\n".join(lines), len(names)


def main():
    build, out = (os.path.realpath(p) for p in sys.argv[1:3])
    os.makedirs(out, exist_ok=True)
    report = json.load(open(os.path.join(build, "rust", "bindings",
                                         "helpers2rs-report.json")))
    hidden = hidden_helpers(os.path.join(build, "rust", "bindings",
                                         "bindings_helpers_generated.rs"))
    source, count = instances_source(report, hidden)
    src = os.path.join(out, "helpers2rs_instances.rs")
    with open(src, "w") as f:
        f.write(source)
    cmd = []
    for arg in bindings_command(build):
        if arg.startswith("--emit="):
            continue
        if arg.endswith("rust/bindings/lib.rs"):
            arg = src
        cmd.append(arg)
    name = cmd.index("--crate-name")
    cmd[name + 1] = "helpers2rs_instances"
    cmd += ["--extern", "bindings", "--emit=obj=" + os.path.join(out, "instances.o")]
    # kbuild exports this for its unstable flags (-Z...).
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    while cmd and "=" in cmd[0] and not cmd[0].startswith("-"):
        key, value = cmd.pop(0).split("=", 1)
        env[key] = value
    run = subprocess.run(cmd, cwd=build, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        sys.exit("instantiate-helpers: error: the helpers did not all compile")
    print("instantiate-helpers: %d helpers compiled to machine code" % count)


if __name__ == "__main__":
    main()
