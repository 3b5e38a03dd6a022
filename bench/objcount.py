"""Instruction counts of the functions of an object, normalised the same way
for C and Rust (docs/user-guide.md, "Codegen parity").

What is not counted, and why:
  - padding: `nop*` in any form (`data16 cs nopw ...`), `xchg %ax,%ax`,
    and `int3` (alignment, and -mharden-sls after jumps): never executed
    or free;
  - `endbr64` (IBT landing pads) and the `call __fentry__` of -pg: one per
    function on both sides whatever the body is;
  - the return: `ret`, `repz ret`, or `jmp __x86_return_thunk` under
    -mfunction-return=thunk-extern, with any prefix objdump prints before
    it (`cs jmp` under -mindirect-branch-cs-prefix): one per exit on both
    sides.
Prefixes objdump prints as words of their own (`cs`, `ds`, `data16`,
`notrack`, `bnd`, `repz`) never make an instruction of their own: an
instruction is classified by its mnemonic. `lock` stays part of the
instruction it locks. Everything else counts one.
"""
import re
import subprocess

PREFIXES = {"cs", "ds", "es", "ss", "data16", "notrack", "bnd", "rep", "repz"}
RETURNS = {"ret", "retq"}
UNCOUNTED_TARGETS = {"__fentry__", "__x86_return_thunk"}


def mnemonic(insn):
    """The instruction's mnemonic, past the prefixes objdump prints apart."""
    words = insn.split(" ")
    while len(words) > 1 and words[0] in PREFIXES:
        words = words[1:]
    return words[0]


def is_counted(insn, target):
    m = mnemonic(insn)
    if m.startswith("nop") or m in ("int3", "endbr64") or m in RETURNS:
        return False
    if re.fullmatch(r"xchg\s+%ax,%ax", insn):
        return False
    if m.startswith(("call", "jmp")) and target in UNCOUNTED_TARGETS:
        return False
    return True


def counted(insns):
    """The instructions that count, with their call or jump targets."""
    return [(i, t) for i, t in insns if is_counted(i, t)]


def calls(insns):
    """Symbols the instructions call or jump to (relocation targets)."""
    return {t for i, t in insns
            if t and mnemonic(i).startswith(("call", "jmp"))}


def parse_objdump(text):
    """[(label, address, [(instruction, relocation target or None)])] of
    `objdump -dr --no-show-raw-insn -M att` output, in order."""
    out, cur = [], None
    for line in text.splitlines():
        m = re.match(r"^([0-9a-f]+) <(.+)>:$", line)
        if m:
            cur = []
            out.append((m.group(2), int(m.group(1), 16), cur))
            continue
        if cur is None:
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+R_X86_64_\w+\s+(\S+)", line)
        if m and cur:
            target = re.sub(r"[-+]0x[0-9a-f]+$", "", m.group(1))
            insn, _ = cur[-1]
            cur[-1] = (insn, target)
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+(.*)$", line)
        if m:
            insn = re.sub(r"\s+", " ", m.group(1).split("#")[0].strip())
            cur.append((insn, None))
    return out


def functions(obj, section=".text"):
    """{symbol: [(instruction, target)]} of an object. In one section,
    symbols are mapped to bodies by address: rustc merges identical
    functions into aliases, which objdump labels once. section=None reads
    every code section (-ffunction-sections objects, where every function
    starts at 0) and goes by label."""
    cmd = ["objdump", "-dr", "--no-show-raw-insn", "-M", "att"]
    if section:
        cmd += ["-j", section]
    labelled = parse_objdump(subprocess.run(cmd + [obj], capture_output=True,
                                            text=True, check=True).stdout)
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
