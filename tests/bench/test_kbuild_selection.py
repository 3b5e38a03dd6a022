#!/usr/bin/env python3
"""What the kernel benchmarks select and count: the Rust objects a
configuration builds (rust-sources.py), the distribution kunitconfig
(distribution-kunitconfig.py), the helpers instantiate-helpers.py compiles,
the helper calls an object makes (rustobjects.py), and the Rust modules
load-modules.py boots with, its initramfs and what it reads off the
console, on small trees and objdump and console lines made for the test."""
import os
import subprocess
import sys
import tempfile
import unittest

KBUILD = os.path.join(os.path.dirname(os.path.realpath(__file__)),
                      "../../scripts/kbuild")
sys.path.insert(0, KBUILD)
import rustobjects  # noqa: E402

rust_sources = __import__("rust-sources")
instantiate = __import__("instantiate-helpers")
distribution = __import__("distribution-kunitconfig")
load_modules = __import__("load-modules")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class RustSources(unittest.TestCase):
    def test_built_in_module_and_composite_objects_count(self):
        with tempfile.TemporaryDirectory() as tree:
            write(tree + "/drivers/net/phy/Makefile",
                  "obj-$(CONFIG_QT) += qt2025.o\n"
                  "obj-$(CONFIG_AX) += ax88796b_rust.o\n"
                  "obj-$(CONFIG_OFF) += off.o\n"
                  "obj-$(CONFIG_QT) += c_only.o\n")
            for name in ("qt2025.rs", "ax88796b_rust.rs", "off.rs", "c_only.c"):
                write(tree + "/drivers/net/phy/" + name, "")
            write(tree + "/drivers/gpu/drm/Makefile",
                  "drm-$(CONFIG_QR) += drm_panic_qr.o\n")
            write(tree + "/drivers/gpu/drm/drm_panic_qr.rs", "")
            on = {"CONFIG_QT", "CONFIG_AX", "CONFIG_QR"}
            self.assertEqual(rust_sources.rust_targets(tree, on),
                             ["drivers/gpu/drm/drm_panic_qr.o",
                              "drivers/net/phy/ax88796b_rust.o",
                              "drivers/net/phy/qt2025.o"])
            # Modules of their own (QT2025 and the composite's =m, AX =y).
            write(tree + "/.config", "CONFIG_QT=m\nCONFIG_AX=y\nCONFIG_QR=m\n")
            modules = subprocess.run(
                [sys.executable, KBUILD + "/rust-sources.py", "--modules", tree,
                 tree + "/.config"], capture_output=True, text=True, check=True).stdout
            self.assertEqual(modules, "drivers/net/phy/qt2025.ko\n")

    def test_y_and_m_are_enabled_n_is_not(self):
        with tempfile.NamedTemporaryFile("w", suffix=".config") as f:
            f.write("CONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_D=\"y\"\n")
            f.flush()
            self.assertEqual(rust_sources.enabled(f.name), {"CONFIG_A", "CONFIG_B"})


class DistributionKunitconfig(unittest.TestCase):
    def test_debian_values_and_unset_options(self):
        with tempfile.TemporaryDirectory() as d:
            write(d + "/debian.config",
                  "CONFIG_SMP=y\nCONFIG_NR_CPUS=8192\n# CONFIG_PREEMPT_RT is not set\n"
                  "CONFIG_UNRELATED=y\n")
            write(d + "/base", "CONFIG_KUNIT=y\n")
            subprocess.run([sys.executable, KBUILD + "/distribution-kunitconfig.py",
                            d + "/debian.config", d + "/base", d + "/out"], check=True)
            lines = open(d + "/out").read().splitlines()
        self.assertEqual(lines[0], "CONFIG_KUNIT=y")
        self.assertIn("CONFIG_SMP=y", lines)
        self.assertIn("CONFIG_NR_CPUS=8192", lines)
        self.assertIn("# CONFIG_PREEMPT_RT is not set", lines)
        self.assertIn("# CONFIG_MODULES is not set", lines)
        self.assertNotIn("CONFIG_UNRELATED=y", lines)
        self.assertIn("CONFIG_SAMPLE_RUST_MINIMAL=m", lines)
        self.assertEqual(len([l for l in lines if "CONFIG_" in l and l != "CONFIG_KUNIT=y"]),
                         len(distribution.OPTIONS) + len(distribution.SAMPLE_MODULES))


class InstantiateHelpers(unittest.TestCase):
    def test_every_translated_helper_by_its_path(self):
        report = {"helpers": [
            {"rust_name": "atomic_read", "status": "translated"},
            {"rust_name": "mutex_lock", "status": "translated"},
            {"rust_name": "static_key", "status": "shimmed"},
            {"rust_name": "left", "status": "fallback"}]}
        with tempfile.NamedTemporaryFile("w", suffix=".rs") as f:
            f.write("pub mod helpers2rs_hidden {\n    pub use super::mutex_lock;\n}\n")
            f.flush()
            hidden = instantiate.hidden_helpers(f.name)
        self.assertEqual(hidden, {"mutex_lock"})
        source, count = instantiate.instances_source(report, hidden)
        self.assertEqual(count, 3)
        self.assertIn("bindings::atomic_read as *const ()", source)
        self.assertIn("bindings::helpers2rs_hidden::mutex_lock as *const ()", source)
        self.assertIn("bindings::static_key as *const ()", source)
        self.assertNotIn("left", source)


class HelperCalls(unittest.TestCase):
    # What objdump -dr prints for calls, a tail call and a mere address.
    DIS = """
  10:	call   15 <f+0x15>
			11: R_X86_64_PLT32	rust_helper_get_current-0x4
  20:	jmp    25 <f+0x25>
			21: R_X86_64_PLT32	rust_helper_spin_lock-0x4
  30:	call   35 <f+0x35>
			31: R_X86_64_PLT32	rust_helper_get_current-0x4
  40:	lea    0x0(%rip),%rax
			43: R_X86_64_PC32	rust_helper_errname-0x4
  50:	call   55 <f+0x55>
			51: R_X86_64_PLT32	helper_not_rust-0x4
"""

    # AArch64: bl and b (a tail call), and an address (adrp) that is no call.
    DIS_ARM64 = """
  10:	94000000 	bl	0 <rust_helper_get_current>
			10: R_AARCH64_CALL26	rust_helper_get_current
  14:	14000000 	b	0 <rust_helper_spin_lock>
			14: R_AARCH64_JUMP26	rust_helper_spin_lock
  18:	90000000 	adrp	x0, 0 <rust_helper_errname>
			18: R_AARCH64_ADR_PREL_PG_HI21	rust_helper_errname
"""

    def test_sites_and_names(self):
        found = rustobjects.HELPER_RELOC.findall(self.DIS)
        self.assertEqual(found, ["rust_helper_get_current", "rust_helper_spin_lock",
                                 "rust_helper_get_current", "rust_helper_errname"])

    def test_arm64_calls(self):
        found = rustobjects.HELPER_RELOC.findall(self.DIS_ARM64)
        self.assertEqual(found, ["rust_helper_get_current", "rust_helper_spin_lock"])

    def test_objdump_by_machine(self):
        with tempfile.TemporaryDirectory() as d:
            for machine, tool in ((62, "objdump"), (183, "aarch64-linux-gnu-objdump")):
                path = os.path.join(d, "%d.o" % machine)
                with open(path, "wb") as f:
                    f.write(b"\x7fELF" + bytes(14) + machine.to_bytes(2, "little"))
                self.assertEqual(rustobjects.objdump_for(path), tool)


class LoadModules(unittest.TestCase):
    def test_rust_modules_only(self):
        with tempfile.TemporaryDirectory() as build:
            rustc = "savedcmd_x := rustc --emit=obj=x.o\n"
            for name, cmd in (("rust_minimal", rustc), ("builtin_rust", rustc),
                              ("rust_print_main", rustc), ("rust_print_events", "gcc -c\n"),
                              ("c_module", "savedcmd_x := gcc -c\n")):
                write(build + "/samples/.%s.o.cmd" % name, cmd)
                write(build + "/samples/%s.o" % name, "")
            # A module of one object, one of two (a Rust and a C one), a C one.
            for name, members in (("rust_minimal", "rust_minimal.o"),
                                  ("rust_print", "rust_print_main.o rust_print_events.o"),
                                  ("c_module", "c_module.o")):
                write(build + "/samples/%s.ko" % name, "")
                write(build + "/samples/%s.mod" % name,
                      "".join("samples/%s\n" % m for m in members.split()))
            write(build + "/modules.order",
                  "samples/rust_minimal.o\nsamples/rust_print.o\nsamples/c_module.o\n")
            self.assertEqual(load_modules.rust_modules(build),
                             ["samples/rust_minimal.ko", "samples/rust_print.ko"])

    def test_initramfs_unpacks_with_cpio(self):
        with tempfile.TemporaryDirectory() as d:
            write(d + "/init", "#!/bin/sh\n")
            write(d + "/build/drivers/qt-2025.ko", "module bytes")
            with open(d + "/initramfs.cpio", "wb") as f:
                f.write(load_modules.initramfs(d + "/init", ["drivers/qt-2025.ko"], d + "/build"))
            listing = subprocess.run(["cpio", "-itv", "-F", d + "/initramfs.cpio"],
                                     capture_output=True, text=True, check=True).stdout
            os.mkdir(d + "/x")
            subprocess.run(["cpio", "-id", "--no-absolute-filenames", "-F",
                            d + "/initramfs.cpio", "dev", "init", "modules",
                            "modules/*", "modules.list"],
                           cwd=d + "/x", capture_output=True, check=True)
            self.assertEqual(open(d + "/x/modules/qt-2025.ko").read(), "module bytes")
            self.assertEqual(open(d + "/x/modules.list").read(), "/modules/qt-2025.ko\n")
            self.assertTrue(os.access(d + "/x/init", os.X_OK))
        for node, mode, major in (("dev/console", "crw-------", "5,"),
                                  ("dev/kmsg", "crw-r--r--", "1,")):
            lines = [l for l in listing.splitlines() if l.endswith(node)]
            self.assertEqual(len(lines), 1, node)
            self.assertTrue(lines[0].startswith(mode), lines[0])
            self.assertIn(major, lines[0])

    def test_console(self):
        text = ("rust_minimal: Rust minimal sample (init)\r\n"
                "h2r-modules: load /modules/rust_minimal.ko: ok\r\n"
                "h2r-modules: load /modules/qt-2025.ko: Unknown symbol in module\r\n"
                "WARNING: CPU: 1 PID: 1 at lib/refcount.c:28\r\n"
                "[    1.500000] h2r-modules: unload rust_minimal: ok\r\n"
                "h2r-modules: done\r\n"
                "\r\n[    2.000000] reboot: Power down\r\n")
        r = load_modules.parse_console(text, ["samples/rust_minimal.ko",
                                              "drivers/qt-2025.ko", "other.ko"])
        self.assertEqual([(m["name"], m["loaded"], m["unloaded"]) for m in r["modules"]],
                         [("rust_minimal", "ok", "ok"),
                          ("qt_2025", "Unknown symbol in module", "not reached"),
                          ("other", "not reached", "not reached")])
        self.assertTrue(r["powered_off"])
        self.assertEqual(r["problems"], ["WARNING: CPU: 1 PID: 1 at lib/refcount.c:28"])
        self.assertEqual(r["console"], ["rust_minimal: Rust minimal sample (init)",
                                        "WARNING: CPU: 1 PID: 1 at lib/refcount.c:28",
                                        "[    2.000000] reboot: Power down"])
        self.assertFalse(load_modules.parse_console("h2r-modules: done\n", [])["powered_off"])


if __name__ == "__main__":
    unittest.main()
