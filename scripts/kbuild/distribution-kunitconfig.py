#!/usr/bin/env python3
"""Writes a "distribution" kunitconfig: the project's kunitconfig of a tree
plus the options of a Debian kernel configuration that change the code the
helpers reach, with Debian's own values. kunit's x86_64 configuration is
uniprocessor, monolithic and unparavirtualised; a distribution kernel is
none of these, and what holds in one proves nothing about the other.

    distribution-kunitconfig.py <debian .config> <base kunitconfig> <out>

Options Debian leaves unset are written unset (`# CONFIG_X is not set`),
so the result is Debian's choice either way; kunit.py checks after
olddefconfig that every one of them took.
"""
import re
import sys

# What each option changes in the helpers' code, by family. Parents that
# only make an option reachable (XEN_PV selects PARAVIRT_XXL) come first.
OPTIONS = [
    # SMP: per-CPU data in %gs (USE_X86_SEG_SUPPORT follows from GCC), real
    # spinlocks and preempt counts, cpumasks of NR_CPUS bits.
    "SMP", "DEBUG_KERNEL", "EXPERT", "MAXSMP", "NR_CPUS", "CPUMASK_OFFSTACK",
    "HOTPLUG_CPU", "SCHED_SMT", "X86_X2APIC",
    # NUMA: nodemasks of 1 << NODES_SHIFT bits (min() on MAX_NUMNODES).
    "NUMA", "NODES_SHIFT",
    # Paravirt: irq flags and spinlocks through pv_ops alternatives.
    "HYPERVISOR_GUEST", "PARAVIRT", "XEN", "XEN_PV", "PARAVIRT_XXL",
    "PARAVIRT_SPINLOCKS", "KVM_GUEST",
    # Preemption: the preempt count's checks and resched tests.
    "PREEMPT_DYNAMIC", "PREEMPT_LAZY", "PREEMPT_RT",
    # Modules: module code sees helpers with -DMODULE; load-modules.py loads
    # and unloads them from an initramfs.
    "MODULES", "MODULE_UNLOAD", "BLK_DEV_INITRD",
    # Control-flow and return hardening: thunks, IBT landing pads.
    "X86_KERNEL_IBT", "MITIGATION_CALL_DEPTH_TRACKING", "CALL_THUNKS",
    "MITIGATION_RETHUNK",
    # Hardening that reaches helper bodies: fortified string functions,
    # usercopy checks behind a static key, list checks.
    "FORTIFY_SOURCE", "HARDENED_USERCOPY", "HARDENED_USERCOPY_DEFAULT_ON",
    "LIST_HARDENED", "BUG_ON_DATA_CORRUPTION", "INIT_STACK_ALL_ZERO",
    "STACKPROTECTOR", "STACKPROTECTOR_STRONG",
    # Static keys as patched jump labels; tracepoints behind them (mmap lock).
    "JUMP_LABEL", "FTRACE", "TRACING", "TRACEPOINTS",
    # Rust's own checks.
    "RUST_OVERFLOW_CHECKS",
    # The Rust drivers Debian builds, as Debian builds them (QT2025 as a
    # module: modpost checks that the translation needs no symbol vmlinux
    # does not export).
    "AMCC_QT2025_PHY", "AX88796B_RUST_PHY",
]

# Rust samples Debian does not build, as modules here: more module code
# against the translation.
SAMPLE_MODULES = ["SAMPLE_RUST_MINIMAL", "SAMPLE_RUST_PRINT"]


def read_config(path):
    values = {}
    for line in open(path):
        line = line.strip()
        m = re.match(r"^CONFIG_([A-Za-z0-9_]+)=(.*)$", line)
        if m:
            values[m.group(1)] = m.group(2)
    return values


def main():
    debian, base, out = sys.argv[1:4]
    values = read_config(debian)
    lines = [open(base).read().rstrip("\n"), "",
             "# The options of Debian's configuration (%s) that change the helpers'"
             " code, with Debian's values" % debian.rsplit("/", 1)[-1]]
    for name in OPTIONS:
        if name in values:
            lines.append("CONFIG_%s=%s" % (name, values[name]))
        else:
            lines.append("# CONFIG_%s is not set" % name)
    lines.append("# Rust samples built as modules")
    lines.extend("CONFIG_%s=m" % name for name in SAMPLE_MODULES)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
