#!/usr/bin/env python3
"""Wires helpers2rs into a kernel tree's rust/Makefile (6.12 and 7.x), so that
`make HELPERS2RS=<path to helpers2rs>` writes
rust/bindings/bindings_helpers_generated.rs with helpers2rs instead of
bindgen, with the coverage report beside it (helpers2rs-report.json).
Without HELPERS2RS the tree builds exactly as before.

The same command writes the in-kernel differential suite, and with
CONFIG_KUNIT=y (and without CONFIG_RUST_INLINE_HELPERS, which leaves no C
original in vmlinux) kbuild builds it into vmlinux: KUnit suite
`helpers2rs_differential`, each translated helper against its C original in
helpers.o. Where the tree has KUnit's `#[kunit_tests]` macro (Linux 6.15 and
later) the suite is a crate of its own (rust/bindings/helpers2rs_differential.rs,
rust/helpers2rs_differential.o); before it (6.12), Rust functions in
rust/helpers2rs_differential.rs that rust/helpers2rs_differential_kunit.c
registers, built as kbuild builds the doctests.

    wire-helpers2rs.py <srctree>

The rule translates with exactly the flags of the tree's own bindgen rule for
that file (`$(bindgen_c_flags_final) -DMODULE $(bindgen_target_cflags)`), plus
the macros helpers.o's own compile defines for its sanitizers (`--body-compile`
on its .cmd file: `__SANITIZE_ADDRESS__` under KASAN), and
kbuild regenerates the file whenever the helpers, any header they read, the
tree's ffi.rs or bindgen_parameters, or the command changes (if_changed_dep on
the depfile helpers2rs writes). Helpers left to C keep helpers.o and its
exports: the output declares them by their link names, as bindgen's file did.

rust/Makefile is replaced by a new file (never written through), so a tree
that hard-links a pristine one (cp -al) leaves that one untouched. Running it
twice is a no-op. It edits the tree it is given: the project's scripts only
ever give it their own copies.
"""
import os
import sys

MARK = "# helpers2rs: HELPERS2RS=<path>"
BINDGEN_RULE = ("$(obj)/bindings/bindings_helpers_generated.rs: $(src)/helpers/helpers.c FORCE\n"
                "\t$(call if_changed_dep,bindgen)\n")
WIRED_RULE = MARK + """ writes the helpers as Rust source (see
# helpers2rs's user guide); helpers it leaves to C stay in helpers.o.
ifdef HELPERS2RS
# The output is for the rustc that builds this kernel (Kconfig's
# RUSTC_VERSION, major * 100000 + minor * 100 + patch: 109600 for 1.96.0),
# not only for the tree's minimum. Asm goto (static branches as patched
# jump labels) is stable from 1.87; before it, it is the `asm_goto`
# feature, which kbuild enables for the kernel's own static_branch! users
# (scripts/Makefile.build) and the bindings crate gets below.
helpers2rs_rust_version = $(shell echo $$(( $(CONFIG_RUSTC_VERSION) / 100000 )).$$(( $(CONFIG_RUSTC_VERSION) / 100 % 1000 )))
helpers2rs_asm_goto = $(if $(call rustc-min-version,108700),,asm_goto)
quiet_cmd_helpers2rs = H2R     $@
      cmd_helpers2rs = \\
	$(HELPERS2RS) translate $< --kernel-tree=$(srctree) \\
		--rust-version=$(helpers2rs_rust_version) \\
		$(if $(helpers2rs_asm_goto),--rust-features=asm_goto) \\
		--fallback-route=$(if $(CONFIG_RUST_INLINE_HELPERS),lto,call) \\
		--report $(obj)/bindings/helpers2rs-report.json \\
		--body-compile $(obj)/helpers/.helpers.o.cmd \\
		--depfile $(depfile) -o $@ $(helpers2rs_suite) \\
		-- $(bindgen_c_flags_final) -DMODULE $(bindgen_target_cflags)

# The tool is a prerequisite: a new helpers2rs translates again. So is
# helpers.o, whose command (its .cmd file) says what the helpers' bodies
# mean there: its sanitizers' macros are defined for the parse too.
$(obj)/bindings/bindings_helpers_generated.rs: $(src)/helpers/helpers.c $(HELPERS2RS) \
		$(obj)/helpers/helpers.o FORCE
	$(call if_changed_dep,helpers2rs)
else
""" + BINDGEN_RULE + "endif\n"
# The translation is in the bindings crate: below 1.87 it gets the asm_goto
# feature (after the crate's rule, whose target-specific flags this extends).
ASM_GOTO_RULE = """# Below rustc 1.87 the translation's asm goto is the asm_goto feature.
ifneq ($(helpers2rs_asm_goto),)
$(obj)/bindings.o: private rustc_target_flags += -Zcrate-attr='feature(asm_goto)'
endif
"""
SUITE_OPTION = ("helpers2rs_suite = --kunit-suite $(obj)/bindings/helpers2rs_differential.rs "
                "\\\n\t--kunit-suite-syms $(obj)/bindings/helpers2rs_differential.syms\n")
# Its own crate, so that kernel.o's code and helper calls stay the
# translation's alone; after kernel.o's rule, whose variables it uses.
SUITE_MARK = "# helpers2rs: the in-kernel differential suite"
# It calls the C originals in helpers.o: with CONFIG_RUST_INLINE_HELPERS
# they are bitcode inlined into Rust, not in vmlinux, so no suite.
SUITE_RULE = SUITE_MARK + """ (KUnit).
ifdef HELPERS2RS
""" + ASM_GOTO_RULE + """ifeq ($(CONFIG_KUNIT)$(CONFIG_RUST_INLINE_HELPERS),y)
obj-$(CONFIG_RUST) += helpers2rs_differential.o helpers2rs_differential_c.o
helpers2rs_syms = $(obj)/bindings/helpers2rs_differential.syms
$(obj)/bindings/helpers2rs_differential.rs $(helpers2rs_syms): \\
    $(obj)/bindings/bindings_helpers_generated.rs ;
$(obj)/helpers2rs_differential.o: private rustc_target_flags = --extern ffi \\
    --extern pin_init --extern macros --extern bindings --extern kernel
# The suite replaces some C functions the helpers call by doubles: the
# translations it inlines call them by the map's names.
$(obj)/helpers2rs_differential.o: private rustc_objcopy = --redefine-syms=$(helpers2rs_syms)
$(obj)/helpers2rs_differential.o: $(obj)/bindings/helpers2rs_differential.rs \\
    $(helpers2rs_syms) $(obj)/kernel.o FORCE
	+$(call if_changed_rule,rustc_library)
# And a copy of helpers.o whose C originals call them so: the suite calls
# those it renames (h2r_c_*); the rest of the copy is local, and unused.
# GNU objcopy matches the symbols to keep global after renaming them,
# llvm-objcopy (LLVM=1) before: the list names each helper both ways. The
# copy's module information would repeat helpers.o's, and its debug
# information (CONFIG_DEBUG_INFO) refers to that: both go.
quiet_cmd_helpers2rs_c = OBJCOPY $@
      cmd_helpers2rs_c = sed -n 's/^\\([^ ]*\\) \\(h2r_c_.*\\)$$/\\1\\n\\2/p' \\
	$(helpers2rs_syms) > $@.keep && \\
	$(OBJCOPY) --redefine-syms=$(helpers2rs_syms) --keep-global-symbols=$@.keep \\
	--remove-section=.modinfo --strip-debug $< $@
targets += helpers2rs_differential_c.o
$(obj)/helpers2rs_differential_c.o: $(obj)/helpers/helpers.o $(helpers2rs_syms) FORCE
	$(call if_changed,helpers2rs_c)
endif
endif
"""
# Before `#[kunit_tests]`: kbuild's rule for a Rust object builds the
# functions, and C registers them, as with the doctests.
SUITE_OPTION_C = ("helpers2rs_suite = --kunit-suite $(obj)/helpers2rs_differential.rs "
                  "\\\n\t--kunit-suite-c $(obj)/helpers2rs_differential_kunit.c\n")
SUITE_RULE_C = SUITE_MARK + """ (KUnit, registered from C).
ifdef HELPERS2RS
""" + ASM_GOTO_RULE + """ifeq ($(CONFIG_KUNIT)$(CONFIG_RUST_INLINE_HELPERS),y)
obj-$(CONFIG_RUST) += helpers2rs_differential.o helpers2rs_differential_kunit.o
$(obj)/helpers2rs_differential.rs $(obj)/helpers2rs_differential_kunit.c: \\
    $(obj)/bindings/bindings_helpers_generated.rs $(obj)/kernel.o ;
endif
endif
"""
RUST_END = "endif # CONFIG_RUST\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: wire-helpers2rs.py <srctree>")
    path = os.path.join(sys.argv[1], "rust", "Makefile")
    try:
        text = open(path).read()
    except OSError as e:
        sys.exit("%s: error: %s" % (path, e.strerror))
    original = text
    if MARK in text:
        # Wired by an older helpers2rs: the rule is replaced by this one's.
        start = text.index(MARK)
        end = text.index("endif\n", start) + len("endif\n")
        text = text[:start] + BINDGEN_RULE + text[end:]
    if SUITE_MARK in text:
        start = text.index(SUITE_MARK)
        end = text.index("endif\nendif\n", start) + len("endif\nendif\n")
        text = text[:start] + text[end + 1:]  # and the blank line after it
    if text.count(BINDGEN_RULE) != 1:
        sys.exit("%s:1:1: error: no bindgen rule for "
                 "bindings_helpers_generated.rs to replace" % path)
    if text.count(RUST_END) != 1:
        sys.exit("%s:1:1: error: no '%s' to put the differential suite "
                 "before" % (path, RUST_END.strip()))
    if os.path.exists(os.path.join(sys.argv[1], "rust", "macros", "kunit.rs")):
        option, rule = SUITE_OPTION, SUITE_RULE
    else:
        option, rule = SUITE_OPTION_C, SUITE_RULE_C
    wired = WIRED_RULE.replace("ifdef HELPERS2RS\n", "ifdef HELPERS2RS\n" + option, 1)
    text = text.replace(RUST_END, rule + "\n" + RUST_END)
    text = text.replace(BINDGEN_RULE, wired)
    if text == original:
        return
    tmp = path + ".h2r-tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


main()
