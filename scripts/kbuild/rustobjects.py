"""The objects a kbuild tree built with rustc."""
import glob
import os
import re


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
