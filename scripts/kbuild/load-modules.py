#!/usr/bin/env python3
"""Boots a kbuild tree's kernel under QEMU with its Rust modules in an
initramfs, loads each one (finit_module), unloads them in reverse
(delete_module) and powers off: a Rust module built against the
translation must load (every symbol it needs exported by vmlinux), run its
init and exit, and leave no warning. KUnit is off for this boot
(kunit.enable=0): its tests ran in the kunit.py boot of the same kernel.

    load-modules.py <build dir> <out dir> [--smp N] [--kernel <image>]
                    [--modules-from <dir>] [<module.ko>...]

The modules are those named (paths in the build directory), or else every
module of modules.order with a Rust object among its members. --kernel
boots another image of the build (a package's /boot/vmlinuz-*), and
--modules-from takes the modules from an installed tree of them
(<dir>/kernel/<path>: a package's /lib/modules/<release>) instead of the
build directory.

Writes <out dir>/modules.log (the console) and <out dir>/modules.json:
{"modules": [{"path", "name", "loaded", "unloaded"}], "powered_off",
"console": [the other lines: the kernel's], "problems": [those of them that
report a warning, a BUG, an Oops or an unknown symbol]}; check-boot.py
judges it. Exit status 0 whenever it could boot, whatever the modules did.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, here)
from rustobjects import rust_objects  # noqa: E402

TIMEOUT_SECONDS = 600


def rust_modules(build):
    """The modules (modules.order) with an object rustc built among their
    members (the .mod file kbuild writes beside each), as paths of their
    .ko relative to the build directory."""
    rust = {os.path.relpath(o, build) for o in rust_objects(build)}
    order = os.path.join(build, "modules.order")
    if not os.path.exists(order):
        return []
    modules = []
    for line in open(order):
        stem = os.path.join(build, line.strip()[:-2])
        if not os.path.exists(stem + ".ko") or not os.path.exists(stem + ".mod"):
            continue
        if rust & set(open(stem + ".mod").read().split()):
            modules.append(os.path.relpath(stem + ".ko", build))
    return modules


def cpio_entry(name, mode, data=b"", rdev=(0, 0)):
    """One entry of a newc ("070701") archive, the initramfs format."""
    name_bytes = name.encode() + b"\0"
    fields = [0, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
              len(name_bytes), 0]
    header = b"070701" + b"".join(b"%08X" % f for f in fields)
    pad = lambda n: b"\0" * (-n % 4)  # noqa: E731
    out = header + name_bytes + pad(len(header) + len(name_bytes))
    return out + data + pad(len(data))


def initramfs(init, modules, root):
    """/init, /dev/console (where the kernel gives init its stdout),
    /dev/kmsg (where it writes its lines), the modules (paths under root)
    under /modules and their list."""
    entries = [cpio_entry("dev", 0o040755), cpio_entry("modules", 0o040755),
               cpio_entry("dev/console", 0o020600, rdev=(5, 1)),
               cpio_entry("dev/kmsg", 0o020644, rdev=(1, 11)),
               cpio_entry("init", 0o100755, open(init, "rb").read())]
    listed = []
    for ko in modules:
        target = "modules/" + os.path.basename(ko)
        entries.append(cpio_entry(target, 0o100644,
                                  open(os.path.join(root, ko), "rb").read()))
        listed.append("/" + target)
    entries.append(cpio_entry("modules.list", 0o100644,
                              "".join(p + "\n" for p in listed).encode()))
    entries.append(cpio_entry("TRAILER!!!", 0))
    return b"".join(entries)


# The init's lines, as the kernel's log prints them (a timestamp first with
# PRINTK_TIME).
INIT_PREFIX = r"^(?:\[\s*\d+\.\d+\]\s*)?h2r-modules: "
# A kernel line that says something went wrong.
PROBLEM = re.compile(r"\b(WARNING|BUG):|Unknown symbol|Oops")


def parse_console(text, modules):
    steps = {}
    for m in re.finditer(INIT_PREFIX + r"(load|unload) (\S+): (.*?)\r?$", text, re.M):
        steps[(m.group(1), m.group(2))] = m.group(3)
    result = []
    for ko in modules:
        path = "/modules/" + os.path.basename(ko)
        name = os.path.basename(ko)[:-3].replace("-", "_")
        result.append({"path": ko, "name": name,
                       "loaded": steps.get(("load", path), "not reached"),
                       "unloaded": steps.get(("unload", name), "not reached")})
    kernel = [line.rstrip("\r") for line in text.split("\n")
              if line.strip() and not re.match(INIT_PREFIX, line)]
    return {"modules": result,
            "powered_off": bool(re.search(INIT_PREFIX + r"done\r?$", text, re.M)) and
                           bool(re.search(r"reboot: Power down", text)),
            "console": kernel,
            "problems": [line for line in kernel if PROBLEM.search(line)]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("out")
    ap.add_argument("--smp", default="4")
    ap.add_argument("--kernel")
    ap.add_argument("--modules-from")
    ap.add_argument("modules", nargs="*")
    a = ap.parse_intermixed_args()
    modules = a.modules or rust_modules(a.build)
    kernel = a.kernel or os.path.join(a.build, "arch/x86/boot/bzImage")
    root = os.path.join(a.modules_from, "kernel") if a.modules_from else a.build
    for path in [kernel] + [os.path.join(root, m) for m in modules]:
        if not os.path.exists(path):
            sys.exit("load-modules: error: no such file: '%s' (build the tree first)" % path)
    with tempfile.TemporaryDirectory() as tmp:
        init = os.path.join(tmp, "init")
        subprocess.run(["gcc", "-static", "-O2", "-o", init,
                        os.path.join(here, "load-modules-init.c")], check=True)
        image = os.path.join(tmp, "initramfs.cpio")
        with open(image, "wb") as f:
            f.write(initramfs(init, modules, root))
        # One host thread for all vCPUs, as for kunit.py's boot (see the
        # qemu-system-x86_64 stand-in beside this file).
        command = ["qemu-system-x86_64", "-accel", "tcg,thread=single",
                   "-nodefaults", "-m", "1024",
                   "-smp", a.smp, "-kernel", kernel,
                   "-initrd", image, "-append",
                   "console=ttyS0 kunit.enable=0 rdinit=/init panic=-1",
                   "-no-reboot", "-nographic", "-serial", "stdio"]
        try:
            run = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
            text = run.stdout.decode(errors="replace")
        except subprocess.TimeoutExpired as e:
            text = (e.stdout or b"").decode(errors="replace")
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "modules.log"), "w") as f:
        f.write(text)
    result = parse_console(text, modules)
    with open(os.path.join(a.out, "modules.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    for m in result["modules"]:
        print("%s: load %s, unload %s" % (m["path"], m["loaded"], m["unloaded"]))
    print("boot: %s; WARNING/BUG/Oops/unknown-symbol lines: %d%s" % (
        "powered off" if result["powered_off"] else "did not finish",
        len(result["problems"]), "".join("\n  " + l for l in result["problems"][:5])))


if __name__ == "__main__":
    main()
