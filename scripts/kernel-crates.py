#!/usr/bin/env python3
"""The real thing: a kernel tree's own rust/helpers, translated, inside its
own `bindings` crate, with its `kernel` crate built on top.

    kernel-crates.py <helpers2rs> <srctree> <objtree> <out-dir>

<srctree> holds rust/ (helpers, ffi.rs, bindgen_parameters, bindings/,
kernel/, Makefile); <objtree> is the configured tree kbuild builds in.
Steps, each the way rust/Makefile does it, for the host target:

 1. kbuild builds rust/helpers as an external module (CC=clang-19 V=1); the
    commands it ran are the compile database;
 2. helpers2rs translates helpers.c with --kernel-tree (report.json);
 3. bindgen writes bindings_generated.rs, uapi_generated.rs and, for the
    baseline, bindings_helpers_generated.rs (the C helpers' declarations);
 4. the ffi, build_error, macros, bindings, uapi and kernel crates are built
    twice, as rust/Makefile's rusttestlib-* rules do (--cfg testlib): once on
    bindgen's helper declarations ("c"), once on the translation ("rust"),
    with warnings denied on the bindings and kernel crates;
 5. a signature check: a crate holding both helper modules puts each pair of
    functions in one array, so rustc proves every helper has bindgen's type;
 6. bindings and kernel again as kernel.o-like objects (-O2 and the kernel's
    codegen flags that exist for the host target); the calls to
    rust_helper_* left in kernel.o are counted, before and after.

Writes <out-dir>/headline.json and prints the headline.

The bindgen is the kernel's own (0.71.1, scripts/toolchain/build-bindgen.sh,
on libclang 19) with the tree's own rule; $BINDGEN names another. Only with
Debian's 0.60 are there departures, each made here and nowhere else:
`--rust-target 1.47` (it knows no newer target), `--size_t-is-usize` (the
default from 0.61), libclang 14's rejected flags dropped
(kernel-bindings.py), and `BUG()` patched to `-> !` (0.60 declares noreturn
functions returning `()`).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

tool, srctree, objtree, out = (os.path.realpath(a) for a in sys.argv[1:5])
# --codegen-objects: also the C-ABI translation (h2r_<C name>) inside the
# bindings crate, as an -O2 object for bench/codegen-parity.sh.
codegen_objects = "--codegen-objects" in sys.argv[5:]
root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
rust = os.path.join(srctree, "rust")
os.makedirs(out, exist_ok=True)
rustc = os.environ.get("RUSTC", "/usr/bin/rustc")  # Debian's (rust-env.sh)
env = dict(os.environ, RUSTC_BOOTSTRAP="1")


def run(args, **kw):
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit("kernel-crates: failed: %s" % " ".join(args[:3]))
    return r


# The bindgen: $BINDGEN, else the kernel's own 0.71.1.
if "BINDGEN" not in env:
    env["BINDGEN"] = run([os.path.join(root, "scripts/toolchain/build-bindgen.sh")]).stdout.strip()
bindgen_version = run([env["BINDGEN"], "--version"]).stdout.split()[-1]
debian_060 = tuple(int(x) for x in bindgen_version.split(".")[:2]) < (0, 61)

# 1. Compile commands from the tree's own kbuild.
db = run([os.path.join(root, "scripts/kernel-compile-commands.sh"),
          os.path.join(rust, "helpers"), os.path.join(out, "module"),
          objtree]).stdout.strip()
helpers_c = os.path.join(os.path.dirname(db), "helpers.c")

# 2. The translation, profile from the tree.
run([tool, "translate", "-p", os.path.dirname(db), helpers_c,
     "--kernel-tree=" + srctree, "--bindgen-version=" + bindgen_version,
     "-o", os.path.join(out, "helpers.rs"),
     "--report", os.path.join(out, "report.json")])
if codegen_objects:
    run([tool, "translate", "-p", os.path.dirname(db), helpers_c,
         "--kernel-tree=" + srctree, "--bindgen-version=" + bindgen_version,
         "--export=c-abi", "--symbol-prefix=h2r_",
         "-o", os.path.join(out, "helpers-cabi.rs")])

# 3. bindgen, the kernel's rule (rust/Makefile cmd_bindgen).
ctypes = "ffi" if os.path.exists(os.path.join(rust, "ffi.rs")) else "core::ffi"
target = re.search(r"--rust-target (\S+)", open(os.path.join(rust, "Makefile")).read())
rule = ["--rust-target", "1.47" if debian_060 or not target else target.group(1),
        "--use-core", "--with-derive-default",
        "--ctypes-prefix", ctypes, "--no-layout-tests", "--no-debug", ".*",
        "--enable-function-attribute-detection"] + \
    (["--size_t-is-usize"] if debian_060 else [])
# Each line as the shell of rust/Makefile's $(shell grep ...) splits it,
# less the derives and attributes that need crates built here without them
# (7.3: pin_init's MaybeZeroable, #[cfi_encoding]); neither changes a
# function's signature.
params = []
for line in open(os.path.join(rust, "bindgen_parameters")):
    line = line.strip()
    if line and not line.startswith("#") and \
            not re.match(r"--with-(derive-custom|attribute-custom)", line):
        params += shlex.split(line)


def bindgen(source, target, extra, cflags=()):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    run(["python3", os.path.join(root, "scripts/kernel-bindings.py"), db,
         helpers_c, source, target, "--"] + rule + extra + ["--"] +
        ["-DMODULE", "-fno-builtin", "-D__BINDGEN__", "-w",
         "--target=x86_64-linux-gnu"] + list(cflags), env=env)


gen = os.path.join(out, "generated")
bindgen(os.path.join(rust, "bindings/bindings_helper.h"),
        os.path.join(gen, "bindings_generated.rs"), params)
text = open(os.path.join(gen, "bindings_generated.rs")).read()
open(os.path.join(gen, "bindings_generated.rs"), "w").write(
    re.sub(r"pub const RUST_CONST_HELPER_([a-zA-Z0-9_]*)", r"pub const \1", text))
bindgen(os.path.join(rust, "uapi/uapi_helper.h"),
        os.path.join(gen, "uapi_generated.rs"), params)
bindgen(helpers_c, os.path.join(gen, "bindings_helpers_c.rs"),
        ["--blocklist-type", ".*", "--allowlist-var", "",
         "--allowlist-function", "rust_helper_.*"],
        ["-Wno-missing-prototypes", "-Wno-missing-declarations"])
text = open(os.path.join(gen, "bindings_helpers_c.rs")).read()
text = re.sub(r"pub fn rust_helper_([a-zA-Z0-9_]*)",
              r'#[link_name="rust_helper_\1"]\n    pub fn \1', text)
if debian_060:
    text = text.replace("pub fn BUG();", "pub fn BUG() -> !;")  # see above
open(os.path.join(gen, "bindings_helpers_c.rs"), "w").write(text)

# OBJTREEs differing only in the helpers file.
trees = {}
variants = [("c", os.path.join(gen, "bindings_helpers_c.rs")),
            ("rust", os.path.join(out, "helpers.rs"))]
if codegen_objects:
    variants.append(("cabi", os.path.join(out, "helpers-cabi.rs")))
for variant, helpers in variants:
    t = os.path.join(out, "objtree-" + variant)
    for sub in ("rust/bindings", "rust/uapi"):
        os.makedirs(os.path.join(t, sub), exist_ok=True)
    shutil.copy(os.path.join(gen, "bindings_generated.rs"),
                os.path.join(t, "rust/bindings/bindings_generated.rs"))
    shutil.copy(os.path.join(gen, "uapi_generated.rs"),
                os.path.join(t, "rust/uapi/uapi_generated.rs"))
    shutil.copy(helpers, os.path.join(t, "rust/bindings/bindings_helpers_generated.rs"))
    trees[variant] = t

# The kernel crate needs what rust/Makefile builds before it. Up to 6.12 the
# bindings crate needs only ffi; from 6.15 on it needs pin_init, whose own
# chain (syn, quote, proc_macro2, macros) is not reproduced here: for such
# trees the translation is checked in the tree's bindings layout without
# pin_init, and the kernel crate is built by kbuild itself, in the booted
# kernel (scripts/kbuild/build-kernel.sh).
makefile_rules = open(os.path.join(rust, "Makefile")).read()
m = re.search(r"rusttestlib-bindings: private rustc_target_flags = (.*)", makefile_rules)
bindings_externs = re.findall(r"--extern (\w+)", m.group(1)) if m else ["ffi"]
kernel_built = set(bindings_externs) <= {"ffi"}
not_built_why = None if kernel_built else (
    "its bindings crate needs %s (rust/Makefile), whose build chain is not "
    "reproduced here (scripts/kbuild/build-kernel.sh builds the real kernel)"
    % ", ".join(sorted(set(bindings_externs) - {"ffi"})))

# 4. The crates. rustc_cfg as Kconfig would write it with CONFIG_RUST=y
# (Debian's GCC-built config has Rust off).
cfg = open(os.path.join(objtree, "include/generated/rustc_cfg")).read().splitlines()
version = run([rustc, "--version"]).stdout.split()[1]
major, minor, patch = (int(x) for x in version.split("-")[0].split("."))
cfg += ["--cfg=CONFIG_RUST", '--cfg=CONFIG_RUST="y"',
        "--cfg=CONFIG_RUST_IS_AVAILABLE", '--cfg=CONFIG_RUST_IS_AVAILABLE="y"',
        '--cfg=CONFIG_RUSTC_VERSION="%d"' % (major * 10000 + minor * 100 + patch),
        '--cfg=CONFIG_RUSTC_VERSION_TEXT="rustc %s"' % version]
if (major, minor) >= (1, 88):
    cfg += ["--cfg=CONFIG_RUSTC_HAS_UNNECESSARY_TRANSMUTES",
            '--cfg=CONFIG_RUSTC_HAS_UNNECESSARY_TRANSMUTES="y"']
cfg_file = os.path.join(out, "rustc_cfg")
open(cfg_file, "w").write("\n".join(cfg) + "\n")

# The top Makefile's rust_common_flags, as written there.
makefile = os.path.join(objtree, "Makefile")
text = open(makefile).read()
inc = re.match(r"include (\S+)", text)
if inc:
    text = open(inc.group(1)).read()
m = re.search(r"rust_common_flags := ((?:.*\\\n)*.*)", text)
common = m.group(1).replace("\\\n", " ").split()

crates = [("ffi", "ffi.rs", [], "rlib"),
          ("build_error", "build_error.rs", [], "rlib"),
          ("macros", "macros/lib.rs", ["--extern", "proc_macro"], "proc-macro"),
          ("bindings", "bindings/lib.rs", ["--extern", "ffi"], "rlib"),
          ("uapi", "uapi/lib.rs", ["--extern", "ffi"], "rlib"),
          ("kernel", "kernel/lib.rs", ["--extern", "ffi", "--extern", "build_error",
                                       "--extern", "macros", "--extern", "bindings",
                                       "--extern", "uapi"], "rlib")]
strict = {"bindings", "kernel"}  # 0 warnings required
for variant, t in trees.items() if kernel_built else ():
    lib = os.path.join(out, "test-" + variant)
    os.makedirs(lib, exist_ok=True)
    for name, src, flags, kind in crates:
        if variant == "cabi" and name not in ("ffi", "bindings"):
            continue  # only its object matters; nothing calls h2r_* names
        if os.path.exists(os.path.join(rust, src)) is False:
            sys.exit("kernel-crates: %s has no rust/%s" % (srctree, src))
        r = subprocess.run(
            [rustc] + common + ["@" + cfg_file] + flags +
            (["-Dwarnings"] if name in strict else []) +
            ["--crate-type", kind, "--out-dir", lib, "--cfg", "testlib",
             "-L" + lib, "--crate-name", name, os.path.join(rust, src)],
            env=dict(env, OBJTREE=t), capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr[-20000:])
            sys.exit("kernel-crates: the %s crate does not build on the %s "
                     "helpers" % (name, variant))
        print("kernel-crates: %-11s built (testlib) on the %s helpers" % (name, variant))

# 5. Every helper has bindgen's exact type: rustc unifies each pair.
decl = re.compile(r"pub (?:unsafe )?(?:extern \"C\" )?fn ([A-Za-z0-9_]+)\s*\(")
c_names = set(decl.findall(open(os.path.join(gen, "bindings_helpers_c.rs")).read()))
rs_names = set(decl.findall(open(os.path.join(out, "helpers.rs")).read().split(
    "\nmod inlines {")[0]))
if c_names != rs_names:
    sys.exit("kernel-crates: helper names differ: only C %s, only Rust %s"
             % (sorted(c_names - rs_names), sorted(rs_names - c_names)))
check = os.path.join(out, "signatures")
os.makedirs(os.path.join(check, "rust/bindings"), exist_ok=True)
lib_rs = open(os.path.join(rust, "bindings/lib.rs")).read()
if not kernel_built:
    # The tree's layout less its pin_init lines (see above).
    lib_rs = "\n".join(l for l in lib_rs.splitlines()
                       if "pin_init" not in l and "Zeroable" not in l)
layout_lib_rs = lib_rs
lib_rs += """
#[allow(dead_code)]
mod bindgen_helpers {
    use super::bindings_raw::*;
    include!(concat!(env!("OBJTREE"), "/rust/bindings/bindings_helpers_c.rs"));
}

/// Each pair must coerce to one `unsafe extern "C" fn` type.
#[allow(dead_code)]
fn helper_signatures_equal_bindgen() {
"""
for n in sorted(c_names):
    lib_rs += "    let _ = [bindgen_helpers::%s, bindings_helper::%s];\n" % (n, n)
lib_rs += "}\n"
open(os.path.join(check, "lib.rs"), "w").write(lib_rs)
for f in ("bindings_generated.rs", "bindings_helpers_generated.rs"):
    shutil.copy(os.path.join(trees["rust"], "rust/bindings", f),
                os.path.join(check, "rust/bindings", f))
shutil.copy(os.path.join(gen, "bindings_helpers_c.rs"),
            os.path.join(check, "rust/bindings/bindings_helpers_c.rs"))
ffi_lib = os.path.join(out, "test-rust")
if not kernel_built:
    run([rustc] + common + ["@" + cfg_file, "--crate-type", "rlib", "--out-dir",
         ffi_lib, "--cfg", "testlib", "--crate-name", "ffi",
         os.path.join(rust, "ffi.rs")], env=env)
r = subprocess.run([rustc] + common + ["@" + cfg_file, "--extern", "ffi", "-Dwarnings",
                    "-L" + ffi_lib, "--crate-type", "rlib",
                    "--out-dir", check, "--cfg", "testlib", "--crate-name",
                    "bindings", os.path.join(check, "lib.rs")],
                   env=dict(env, OBJTREE=check), capture_output=True, text=True)
if r.returncode != 0:
    sys.stderr.write(r.stderr[-20000:])
    sys.exit("kernel-crates: some helper's signature differs from bindgen's")
print("kernel-crates: %d helper signatures equal bindgen's" % len(c_names))

# 6. kernel.o-like objects: -O2 and the kernel's codegen flags (rust/Makefile,
# top Makefile KBUILD_RUSTFLAGS) that exist for the host target, warnings
# denied again.
# $H2R_RUSTC_CODEGEN (one flag per line) replaces them: the flags of a real
# kbuild command (bench/kbuild-rustc-flags.py), as bench/codegen-parity.sh
# passes them.
codegen = ["-Copt-level=2", "-Cpanic=abort", "-Cembed-bitcode=n", "-Clto=n",
           "-Cforce-unwind-tables=n", "-Ccodegen-units=1",
           "-Csymbol-mangling-version=v0", "-Crelocation-model=static",
           "-Ccode-model=kernel", "-Zfunction-sections=n"]
if os.environ.get("H2R_RUSTC_CODEGEN"):
    codegen = os.environ["H2R_RUSTC_CODEGEN"].split("\n")
# Every C helper symbol, prefixed or only marked __rust_helper.
report = json.load(open(os.path.join(out, "report.json")))
helper_symbols = {h["name"] for h in report["helpers"]}
calls = {v: {"call_sites": None, "helpers": []} for v in trees}
for variant, t in trees.items() if kernel_built else ():
    lib = os.path.join(out, "obj-" + variant)
    os.makedirs(lib, exist_ok=True)
    test_lib = os.path.join(out, "test-" + variant)
    for name, src, flags, kind in crates:
        if name not in ("bindings", "kernel") or (variant, name) == ("cabi", "kernel"):
            continue
        run([rustc] + common + codegen + ["@" + cfg_file, "-Dwarnings"] + flags +
            ["--crate-type", "rlib", "--emit=obj,metadata", "--out-dir", lib,
             "-L" + lib, "-L" + test_lib, "--crate-name", name,
             os.path.join(rust, src)], env=dict(env, OBJTREE=t))
    if variant == "cabi":
        continue
    dis = run(["objdump", "-dr", os.path.join(lib, "kernel.o")]).stdout
    sites = [sym for sym in re.findall(r"R_X86_64_\w+\s+([A-Za-z0-9_]+)", dis)
             if sym in helper_symbols]
    calls[variant] = {"call_sites": len(sites), "helpers": sorted(set(sites))}

if codegen_objects and not kernel_built:
    # The C-ABI translation in the tree's bindings layout less pin_init (see
    # above): what bench/codegen-parity.sh measures needs no kernel crate.
    t, lib = trees["cabi"], os.path.join(out, "obj-cabi")
    os.makedirs(lib, exist_ok=True)
    open(os.path.join(t, "lib.rs"), "w").write(layout_lib_rs)
    run([rustc] + common + codegen + ["@" + cfg_file, "-Dwarnings", "--extern", "ffi",
         "-L" + ffi_lib, "--crate-type", "rlib", "--emit=obj,metadata",
         "--out-dir", lib, "--cfg", "testlib", "--crate-name", "bindings",
         os.path.join(t, "lib.rs")], env=dict(env, OBJTREE=t))

summary = report["summary"]
headline = {
    "tree": srctree,
    "helpers": summary["helpers"],
    "translated": summary["translated"],
    "shimmed": summary.get("shimmed", 0),
    "fallback": summary["fallback"],
    "kernel_o_rust_helper_calls": {
        "bindgen_helpers": calls["c"], "translated_helpers": calls["rust"]},
    "signatures_checked": len(c_names),
    "kernel_crate_not_built": not_built_why,
}
json.dump(headline, open(os.path.join(out, "headline.json"), "w"), indent=1)
print("%s: %d helpers: %d translated, %d shimmed, %d left to C"
      % (srctree, headline["helpers"], headline["translated"],
         headline["shimmed"], headline["fallback"]))
if kernel_built:
    print("calls to rust_helper_* in kernel.o (-O2): %d (%d helpers) with bindgen's "
          "helper declarations, %d (%d helpers) with the translation: %s"
          % (calls["c"]["call_sites"], len(calls["c"]["helpers"]),
             calls["rust"]["call_sites"], len(calls["rust"]["helpers"]),
             " ".join(calls["rust"]["helpers"]) or "none"))
else:
    print("kernel crate not built: " + not_built_why)
