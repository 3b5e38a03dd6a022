#!/usr/bin/env python3
"""The codegen benchmark's normaliser on real objdump lines (clang-19 and
GCC 12 kernel objects, x86_64 and AArch64, rustc 1.85 and 1.96): what
counts, what does not."""
import os
import sys
import tempfile
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


X86 = objcount.ISAS[62]
A64 = objcount.ISAS[183]

# aarch64-linux-gnu-objdump of GCC 12's helpers.o (Debian's arm64 options)
# and rustc's kernel.o; the entry of -fpatchable-function-entry=2 with BTI.
A64_OBJDUMP = """
0000000000004188 <rust_helper_refcount_inc>:
    4188:	paciasp
    418c:	stp	x29, x30, [sp, #-16]!
    4190:	mov	x29, sp
    4194:	b	41bc <rust_helper_refcount_inc+0x34>
    4198:	mov	w1, #0x1                   	// #1
    419c:	ldadd	w1, w1, [x0]
    41b0:	ldp	x29, x30, [sp], #16
    41b4:	autiasp
    41b8:	ret

0000000000000000 <rust_call>:
       0:	bti	c
       4:	nop
       8:	nop
       c:	bl	0 <rust_helper_atomic_read>
			c: R_AARCH64_CALL26	rust_helper_atomic_read
      10:	adrp	x0, 0 <rust_call>
			10: R_AARCH64_ADR_PREL_PG_HI21	.rodata+0x10e8
      14:	b.eq	ec <rust_call+0xec>  // b.none
      18:	blr	x8
      1c:	b	0 <rust_helper_atomic_set>
			1c: R_AARCH64_JUMP26	rust_helper_atomic_set
"""


class Normaliser(unittest.TestCase):
    def setUp(self):
        self.bodies = {label: body for label, _, body in
                       objcount.parse_objdump(OBJDUMP, X86)}

    def test_relocations_attach_to_their_instruction(self):
        body = self.bodies["rust_helper_atomic_read"]
        self.assertEqual(body[1], ("call 9 <rust_helper_atomic_read+0x9>", "__fentry__"))
        self.assertEqual(body[3][1], "__x86_return_thunk")

    def test_only_the_load_counts(self):
        # endbr64, __fentry__, `cs jmp __x86_return_thunk` (the prefix used
        # to hide the thunk from the old filter), int3 and padding do not.
        kept = objcount.counted(self.bodies["rust_helper_atomic_read"], X86)
        self.assertEqual([i for i, _ in kept], ["mov (%rdi),%eax"])

    def test_real_work_with_prefixes_counts_once(self):
        kept = [i for i, _ in objcount.counted(self.bodies["rust_helper_xchg"], X86)]
        self.assertEqual(kept, ["xchg %rax,(%rdi)", "lock cmpxchg %rcx,(%rdx)",
                                "notrack jmp *%rax",
                                "call 38 <rust_helper_xchg+0x18>"])

    def test_calls_are_read_past_prefixes(self):
        self.assertEqual(objcount.calls(self.bodies["rust_helper_atomic_read"], X86),
                         {"__fentry__", "__x86_return_thunk"})
        self.assertIn("__x86_indirect_thunk_r11",
                      objcount.calls(self.bodies["rust_helper_xchg"], X86))

    def test_mnemonic(self):
        self.assertEqual(X86.mnemonic("data16 data16 cs nopw 0x0(%rax,%rax,1)"), "nopw")
        self.assertEqual(X86.mnemonic("cs jmp 11 <f+0x11>"), "jmp")
        self.assertEqual(X86.mnemonic("lock cmpxchg %rcx,(%rdx)"), "lock")
        self.assertEqual(X86.mnemonic("repz ret"), "ret")
        self.assertTrue(X86.is_call("call 38 <f+0x18>"))


class AArch64Normaliser(unittest.TestCase):
    def setUp(self):
        self.bodies = {label: body for label, _, body in
                       objcount.parse_objdump(A64_OBJDUMP, A64)}

    def test_immediates_survive_and_comments_go(self):
        # `#` starts an immediate here, `//` a comment.
        body = self.bodies["rust_helper_refcount_inc"]
        self.assertEqual(body[4], ("mov w1, #0x1", None))
        self.assertEqual(self.bodies["rust_call"][5][0], "b.eq ec <rust_call+0xec>")

    def test_pointer_authentication_counts_the_return_does_not(self):
        kept = [i for i, _ in objcount.counted(self.bodies["rust_helper_refcount_inc"], A64)]
        self.assertEqual(kept[0], "paciasp")
        self.assertEqual(kept[-1], "autiasp")
        self.assertEqual(len(kept), 8)

    def test_landing_pad_and_entry_nops_do_not_count(self):
        kept = [i for i, _ in objcount.counted(self.bodies["rust_call"], A64)]
        self.assertEqual(kept[0], "bl 0 <rust_helper_atomic_read>")
        self.assertEqual(len(kept), 5)

    def test_calls_and_tail_calls(self):
        body = self.bodies["rust_call"]
        self.assertEqual(objcount.calls(body, A64),
                         {"rust_helper_atomic_read", "rust_helper_atomic_set"})
        self.assertEqual([i for i, _ in body if A64.is_call(i)],
                         ["bl 0 <rust_helper_atomic_read>", "blr x8"])

    def test_isa_of_reads_the_elf_header(self):
        with tempfile.NamedTemporaryFile(suffix=".o") as f:
            f.write(b"\x7fELF" + bytes(14) + (183).to_bytes(2, "little"))
            f.flush()
            self.assertIs(objcount.isa_of(f.name), A64)


if __name__ == "__main__":
    unittest.main()
