#!/usr/bin/env python3
"""Prints the kbuild targets of every Rust object a configuration builds
outside rust/, in or as a module: an `obj-$(CONFIG_X) += name.o` line (or
a composite object's `drm-$(CONFIG_X) += name.o`) of a Makefile or Kbuild
file whose directory holds name.rs, with CONFIG_X set to y or m in the
.config. With --modules, the modules of their own among them
(`obj-$(CONFIG_X) += name.o` with CONFIG_X=m), as the `name.ko` to make.

    rust-sources.py [--modules] <srctree> <.config>
"""
import os
import re
import sys

OBJ_LINE = re.compile(r"^[a-z0-9_]+-\$\((CONFIG_[A-Za-z0-9_]+)\)\s*[+:]?=\s*(.*)$")


def enabled(config_path, values=("y", "m")):
    on = set()
    for line in open(config_path):
        m = re.match(r"^(CONFIG_[A-Za-z0-9_]+)=(y|m)$", line.strip())
        if m and m.group(2) in values:
            on.add(m.group(1))
    return on


def rust_targets(srctree, on, prefix=""):
    targets = []
    for top in ("drivers", "samples", "net", "fs", "lib", "mm", "kernel",
                "block", "security", "sound"):
        for dirpath, _, files in os.walk(os.path.join(srctree, top)):
            rs = {f[:-3] for f in files if f.endswith(".rs")}
            if not rs:
                continue
            for makefile in ("Makefile", "Kbuild"):
                if makefile not in files:
                    continue
                for line in open(os.path.join(dirpath, makefile), errors="replace"):
                    m = OBJ_LINE.match(line.strip())
                    if not m or m.group(1) not in on or not line.startswith(prefix):
                        continue
                    for obj in m.group(2).split():
                        if obj.endswith(".o") and obj[:-2] in rs:
                            targets.append(os.path.relpath(
                                os.path.join(dirpath, obj), srctree))
    return sorted(set(targets))


def main():
    if sys.argv[1] == "--modules":
        srctree, config = sys.argv[2:4]
        for target in rust_targets(srctree, enabled(config, ("m",)), "obj-"):
            print(target[:-2] + ".ko")
        return
    srctree, config = sys.argv[1:3]
    for target in rust_targets(srctree, enabled(config)):
        print(target)


if __name__ == "__main__":
    main()
