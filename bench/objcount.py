"""Instruction counts of the functions of an object, normalised the same way
for C and Rust (docs/user-guide.md, "Codegen parity"), on x86_64 and on
AArch64; the object's ELF header says which.

What is not counted, and why:
  - padding: `nop*` in any form (`data16 cs nopw ...`; AArch64's `nop`, also
    the entry nops of -fpatchable-function-entry), `xchg %ax,%ax`, and
    `int3` (alignment, and -mharden-sls after jumps): never executed or free;
  - landing pads, one per function on both sides whatever the body is:
    `endbr64` (IBT), AArch64's `bti`; and the `call __fentry__` of -pg;
  - the return: `ret`, `repz ret`, or `jmp __x86_return_thunk` under
    -mfunction-return=thunk-extern, with any prefix objdump prints before
    it (`cs jmp` under -mindirect-branch-cs-prefix); AArch64's `ret`: one per
    exit on both sides.
AArch64's pointer authentication (`paciasp`, `autiasp`) counts: a function
signs its return address only when it saves it, which a larger body may
make it do. Prefixes objdump prints as words of their own (`cs`, `ds`,
`data16`, `notrack`, `bnd`, `repz`) never make an instruction of their own:
an instruction is classified by its mnemonic. `lock` stays part of the
instruction it locks. Everything else counts one.
"""
import re
import subprocess


class X86_64:
    """x86_64 as objdump prints it in AT&T syntax."""
    machine = 62
    objdump = ["objdump", "-M", "att"]
    comment = "#"
    prefixes = {"cs", "ds", "es", "ss", "data16", "notrack", "bnd", "rep", "repz"}
    returns = {"ret", "retq"}
    uncounted_targets = {"__fentry__", "__x86_return_thunk"}

    def mnemonic(self, insn):
        """The mnemonic, past the prefixes objdump prints apart."""
        words = insn.split(" ")
        while len(words) > 1 and words[0] in self.prefixes:
            words = words[1:]
        return words[0]

    def is_counted(self, insn, target):
        m = self.mnemonic(insn)
        if m.startswith("nop") or m in ("int3", "endbr64") or m in self.returns:
            return False
        if re.fullmatch(r"xchg\s+%ax,%ax", insn):
            return False
        if m.startswith(("call", "jmp")) and target in self.uncounted_targets:
            return False
        return True

    def is_call(self, insn):
        return self.mnemonic(insn).startswith("call")

    def is_branch(self, insn):
        return self.mnemonic(insn).startswith(("call", "jmp"))


class AArch64:
    """AArch64 as GNU objdump prints it."""
    machine = 183
    objdump = ["aarch64-linux-gnu-objdump"]
    comment = "//"

    def mnemonic(self, insn):
        return insn.split(" ")[0]

    def is_counted(self, insn, target):
        m = self.mnemonic(insn)
        return m not in ("nop", "bti", "ret")

    def is_call(self, insn):
        return self.mnemonic(insn) in ("bl", "blr")

    def is_branch(self, insn):
        return self.mnemonic(insn) in ("bl", "b")


ISAS = {isa.machine: isa for isa in (X86_64(), AArch64())}


def isa_of(obj):
    """The instruction set of an ELF object (its e_machine)."""
    with open(obj, "rb") as f:
        machine = int.from_bytes(f.read(20)[18:20], "little")
    if machine not in ISAS:
        raise ValueError("%s: ELF machine %d is neither x86_64 nor AArch64" % (obj, machine))
    return ISAS[machine]


def counted(insns, isa):
    """The instructions that count, with their call or jump targets."""
    return [(i, t) for i, t in insns if isa.is_counted(i, t)]


def calls(insns, isa):
    """Symbols the instructions call or jump to (relocation targets)."""
    return {t for i, t in insns if t and isa.is_branch(i)}


def parse_objdump(text, isa):
    """[(label, address, [(instruction, relocation target or None)])] of
    `objdump -dr --no-show-raw-insn` output (AT&T syntax on x86_64), in
    order."""
    out, cur = [], None
    for line in text.splitlines():
        m = re.match(r"^([0-9a-f]+) <(.+)>:$", line)
        if m:
            cur = []
            out.append((m.group(2), int(m.group(1), 16), cur))
            continue
        if cur is None:
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+R_(?:X86_64|AARCH64)_\w+\s+(\S+)", line)
        if m and cur:
            target = re.sub(r"[-+]0x[0-9a-f]+$", "", m.group(1))
            insn, _ = cur[-1]
            cur[-1] = (insn, target)
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+(.*)$", line)
        if m:
            insn = re.sub(r"\s+", " ", m.group(1).split(isa.comment)[0].strip())
            cur.append((insn, None))
    return out


def functions(obj, section=".text"):
    """{symbol: [(instruction, target)]} of an object. In one section,
    symbols are mapped to bodies by address: rustc merges identical
    functions into aliases, which objdump labels once. section=None reads
    every code section (-ffunction-sections objects, where every function
    starts at 0) and goes by label."""
    isa = isa_of(obj)
    cmd = isa.objdump + ["-dr", "--no-show-raw-insn"]
    if section:
        cmd += ["-j", section]
    labelled = parse_objdump(subprocess.run(cmd + [obj], capture_output=True,
                                            text=True, check=True).stdout, isa)
    if not section:
        return {label: body for label, _, body in labelled}
    bodies = {addr: body for _, addr, body in labelled}
    symbols = subprocess.run(["nm", "--defined-only", obj], capture_output=True,
                             text=True, check=True).stdout
    funcs = {}
    for line in symbols.splitlines():
        addr, kind, name = line.split()
        if kind in "Tt" and int(addr, 16) in bodies:
            funcs[name] = bodies[int(addr, 16)]
    return funcs
