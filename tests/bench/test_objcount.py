#!/usr/bin/env python3
"""The codegen benchmark's normaliser on real objdump lines (clang-19 and
GCC 12 kernel objects, rustc 1.85 and 1.96): what counts, what does not."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)),
                                "../../bench"))
import objcount  # noqa: E402

# From a clang-19 build with -mfunction-return=thunk-extern
# -mindirect-branch-cs-prefix -mharden-sls=all, and from rustc.
OBJDUMP = """
0000000000000000 <rust_helper_atomic_read>:
   0:	endbr64
   4:	call   9 <rust_helper_atomic_read+0x9>
			5: R_X86_64_PLT32	__fentry__-0x4
   9:	mov    (%rdi),%eax
   b:	cs jmp 11 <rust_helper_atomic_read+0x11>
			d: R_X86_64_PLT32	__x86_return_thunk-0x4
  11:	int3
  12:	data16 data16 cs nopw 0x0(%rax,%rax,1)
  1d:	nopl   (%rax)

0000000000000020 <rust_helper_xchg>:
  20:	endbr64
  24:	xchg   %rax,(%rdi)
  27:	lock cmpxchg %rcx,(%rdx)
  2c:	notrack jmp *%rax
  2f:	xchg   %ax,%ax
  31:	repz ret
  33:	call   38 <rust_helper_xchg+0x18>
			34: R_X86_64_PLT32	__x86_indirect_thunk_r11-0x4
  38:	jmp    3d <rust_helper_xchg+0x1d>
			39: R_X86_64_PLT32	__x86_return_thunk-0x4
  3d:	ret
"""


class Normaliser(unittest.TestCase):
    def setUp(self):
        self.bodies = {label: body for label, _, body in
                       objcount.parse_objdump(OBJDUMP)}

    def test_relocations_attach_to_their_instruction(self):
        body = self.bodies["rust_helper_atomic_read"]
        self.assertEqual(body[1], ("call 9 <rust_helper_atomic_read+0x9>", "__fentry__"))
        self.assertEqual(body[3][1], "__x86_return_thunk")

    def test_only_the_load_counts(self):
        # endbr64, __fentry__, `cs jmp __x86_return_thunk` (the prefix used
        # to hide the thunk from the old filter), int3 and padding do not.
        kept = objcount.counted(self.bodies["rust_helper_atomic_read"])
        self.assertEqual([i for i, _ in kept], ["mov (%rdi),%eax"])

    def test_real_work_with_prefixes_counts_once(self):
        kept = [i for i, _ in objcount.counted(self.bodies["rust_helper_xchg"])]
        self.assertEqual(kept, ["xchg %rax,(%rdi)", "lock cmpxchg %rcx,(%rdx)",
                                "notrack jmp *%rax",
                                "call 38 <rust_helper_xchg+0x18>"])

    def test_calls_are_read_past_prefixes(self):
        self.assertEqual(objcount.calls(self.bodies["rust_helper_atomic_read"]),
                         {"__fentry__", "__x86_return_thunk"})
        self.assertIn("__x86_indirect_thunk_r11",
                      objcount.calls(self.bodies["rust_helper_xchg"]))

    def test_mnemonic(self):
        self.assertEqual(objcount.mnemonic("data16 data16 cs nopw 0x0(%rax,%rax,1)"), "nopw")
        self.assertEqual(objcount.mnemonic("cs jmp 11 <f+0x11>"), "jmp")
        self.assertEqual(objcount.mnemonic("lock cmpxchg %rcx,(%rdx)"), "lock")
        self.assertEqual(objcount.mnemonic("repz ret"), "ret")


if __name__ == "__main__":
    unittest.main()
