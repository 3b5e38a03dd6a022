"""The objects a kbuild tree built with rustc."""
import glob
import os
import re
import subprocess


# The in-kernel differential suite calls every C original on purpose: it is
# a test of the translation, not Rust code the translation serves.
DIFFERENTIAL_SUITE = "helpers2rs_differential.o"


def rust_objects(build):
    """Objects whose kbuild command (.cmd file) ran rustc, to an object or,
    with inline helpers, to bitcode linked with the helpers' and compiled by
    clang, less the differential suite. Sorted paths."""
    objs = []
    for cmd in glob.glob(os.path.join(build, "**", ".*.o.cmd"), recursive=True):
        first = open(cmd, errors="replace").read().split("\n", 1)[0]
        if re.search(r"\brustc\b|RUSTC|clippy-driver", first) and \
                re.search(r"--emit=(obj|llvm-bc)\b", first):
            obj = os.path.join(os.path.dirname(cmd), os.path.basename(cmd)[1:-4])
            if os.path.exists(obj) and os.path.basename(obj) != DIFFERENTIAL_SUITE:
                objs.append(obj)
    return sorted(objs)


# A call or tail call to a helper: x86_64's relocations, AArch64's (bl, b).
HELPER_RELOC = re.compile(r"R_(?:X86_64_(?:PLT32|PC32)|AARCH64_(?:CALL26|JUMP26))"
                          r"\s+(rust_helper_[A-Za-z0-9_]+)")

# ELF's e_machine: the objdump that reads each architecture.
OBJDUMP = {62: "objdump", 183: "aarch64-linux-gnu-objdump"}


def objdump_for(obj):
    """The objdump for an object's architecture (its ELF header says)."""
    with open(obj, "rb") as f:
        header = f.read(20)
    return OBJDUMP.get(int.from_bytes(header[18:20], "little"), "objdump")


def helper_calls(objects):
    """The calls to rust_helper_* the objects make: sites and names."""
    sites, names = 0, set()
    for obj in objects:
        dis = subprocess.run([objdump_for(obj), "-dr", obj], capture_output=True,
                             text=True, check=True).stdout
        found = HELPER_RELOC.findall(dis)
        sites += len(found)
        names.update(found)
    return {"call_sites": sites, "helpers": sorted(names)}
