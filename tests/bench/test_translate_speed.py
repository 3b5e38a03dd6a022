#!/usr/bin/env python3
"""translate-speed.py's commands and figure: Clang parses the same file
with the flags the tool parses it with, the tool's outputs go to scratch
(never over the build's), and the ratio pairs each run's two timings."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "../../bench"))
speed = __import__("translate-speed")

SAVED = ["/old/helpers2rs", "translate", "/src/rust/helpers/helpers.c",
         "--kernel-tree=/src", "--report", "rust/bindings/r.json",
         "--body-compile", "rust/helpers/.helpers.o.cmd",
         "-o", "rust/bindings/out.rs", "--", "-Wp,-MMD,rust/bindings/.d",
         "-nostdinc", "-I./include", "-Wno-dangling-pointer", "-o", "-O2"]


class Commands(unittest.TestCase):
    def test_tool_writes_into_scratch_only(self):
        cmd = speed.tool_command(SAVED, "/new/helpers2rs", "/scratch")
        self.assertEqual(cmd[:4], ["/new/helpers2rs", "translate",
                                   "/src/rust/helpers/helpers.c", "--kernel-tree=/src"])
        self.assertIn("/scratch/report.json", cmd)
        self.assertIn("/scratch/out.rs", cmd)
        self.assertNotIn("rust/bindings/out.rs", cmd)
        # The compile flags after -- are the tool's input, kept as they are
        # (an -o there is not an output), less the depfile option.
        self.assertEqual(cmd[cmd.index("--") + 1:],
                         ["-nostdinc", "-I./include", "-Wno-dangling-pointer", "-o", "-O2"])
        self.assertEqual(cmd[cmd.index("--body-compile") + 1], "rust/helpers/.helpers.o.cmd")

    def test_clang_parses_what_the_tool_parses(self):
        cmd = speed.tool_command(SAVED, "/new/helpers2rs", "/scratch")
        stderr = ("helpers2rs: note: dropped from the compile command of "
                  "'/src/rust/helpers/helpers.c': -Wno-dangling-pointer "
                  "(warning option unknown to clang)\n")
        clang = speed.clang_command(cmd, speed.dropped_flags(stderr), ["__SANITIZE_ADDRESS__"])
        self.assertEqual(clang, ["clang-19", "-fsyntax-only", "-fno-caret-diagnostics",
                                 "-nostdinc", "-I./include", "-o", "-O2",
                                 "-D__SANITIZE_ADDRESS__", "-w",
                                 "/src/rust/helpers/helpers.c"])


class Figure(unittest.TestCase):
    def test_median_of_paired_ratios(self):
        # The second run's machine was busy: both sides slowed. Taking each
        # side's best (0.9 and 2.0) would claim 2.2x; the pairs say 2.5x.
        pairs = [(1.0, 2.5), (2.0, 5.0), (0.9, 2.4), (1.1, 2.0), (1.0, 2.6)]
        self.assertAlmostEqual(speed.paired_ratio(pairs), 2.5)
        self.assertNotAlmostEqual(min(t for _, t in pairs) / min(c for c, _ in pairs),
                                  speed.paired_ratio(pairs))


if __name__ == "__main__":
    unittest.main()
