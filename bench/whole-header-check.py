#!/usr/bin/env python3
"""The survey's "translatable" checked as "compiles": for each unit of
scripts/header-units.sh, the functions the survey calls translatable get one
helper each that returns the function's address (so each one's own
translation is in the output), the unit is translated with the survey's own
options and rustc type-checks the result. Every rustc error is laid at the
function (or record) whose text it points into.

    whole-header-check.py <helpers2rs> <compile_commands.json> <work-dir>
        [--types self|bindgen] [--bindgen B --bindgen-parameters F]
        [--units N] [--unit N]... [--json out.json]

--types=self: the output defines its own records (--export=c-abi).
--types=bindgen: as the kernel's bindgen rule would bind the unit: bindgen B
(the kernel's 0.71.1) runs over the unit with the rule's options and C flags
(-DMODULE -fno-builtin -D__BINDGEN__, which the survey and the translation
see too) and the tree's bindgen_parameters F, less what needs the kernel's
own crates (MaybeZeroable derives, cfi_encoding attributes); the types it
blocklists for the kernel to define (__kernel_size_t...) are defined as the
kernel's bindings crate does. The translation refers to that module.

Prints, per unit and in total: functions the survey calls translatable,
those whose Rust does not compile (with the first error of each), those the
translation left to C although the survey called them translatable (a
disagreement), and those whose address named another declaration (a
fortified library function's overload), so their body was not checked.
Taking each function's address is the check's own doing: a function that
reads its return address (lockdep's `_RET_IP_`) is translated only where it
is inlined into its Rust caller, so with its address taken the translation
leaves it to C (`return-address-not-inlined`); those are counted apart, not
as disagreements.
Exit status 1 on any rustc error or disagreement.
"""
import argparse
import json
import os
import re
import subprocess
import sys

NOT_INLINED = "return-address-not-inlined"

ap = argparse.ArgumentParser()
ap.add_argument("tool")
ap.add_argument("db")
ap.add_argument("work")
ap.add_argument("--units", type=int, default=0, help="check the first N units only")
ap.add_argument("--unit", type=int, action="append", default=[],
                help="check unit N only (repeatable)")
ap.add_argument("--types", choices=("self", "bindgen"), default="self")
ap.add_argument("--bindgen", help="the bindgen binary (bindgen mode)")
ap.add_argument("--bindgen-parameters", help="the tree's rust/bindgen_parameters")
ap.add_argument("--json")
a = ap.parse_args()
if a.types == "bindgen" and not (a.bindgen and a.bindgen_parameters):
    sys.exit("whole-header-check: --types=bindgen needs --bindgen and --bindgen-parameters")
rustc = os.environ.get("RUSTC", "/usr/bin/rustc")
os.makedirs(a.work, exist_ok=True)
entries = [e for e in json.load(open(a.db)) if re.search(r"unit_\d+\.c$", e["file"])]
entries.sort(key=lambda e: int(re.search(r"unit_(\d+)\.c$", e["file"]).group(1)))
if a.units:
    entries = entries[:a.units]
if a.unit:
    entries = [e for e in entries
               if int(re.search(r"unit_(\d+)\.c$", e["file"]).group(1)) in a.unit]

ITEM = re.compile(r"^\s*(?:pub(?:\([a-z]+\))? )?(?:unsafe )?(?:extern \"C\" )?"
                  r"(fn|struct|union) ([A-Za-z_][A-Za-z0-9_]*)")


def owner_of_lines(rust_file):
    """For each line, the fn/struct/union it belongs to (the last one begun)."""
    owners, current = [], None
    for line in open(rust_file):
        m = ITEM.match(line)
        if m:
            current = ("%s %s" % (m.group(1), m.group(2)))
        owners.append(current)
    return owners


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# The C flags the kernel's bindgen rule adds to the helpers' own.
BINDGEN_CFLAGS = ["-DMODULE", "-fno-builtin", "-D__BINDGEN__"]
# rust/Makefile's cmd_bindgen, with core::ffi for the kernel's ffi crate.
BINDGEN_RULE = ["--use-core", "--with-derive-default",
                "--ctypes-prefix", "core::ffi", "--no-layout-tests",
                "--no-debug", ".*", "--enable-function-attribute-detection"]
# The tree's own --rust-target (1.68 in 6.12, 1.85 in 7.3): it decides, for
# one, which unions bindgen wraps in __BindgenUnionField.
makefile = os.path.join(os.path.dirname(a.bindgen_parameters or "."), "Makefile")
target = re.search(r"--rust-target (\S+)", open(makefile).read()) \
    if os.path.exists(makefile) else None
BINDGEN_RULE = ["--rust-target", target.group(1) if target else "1.68"] + BINDGEN_RULE
# What rust/bindings/lib.rs defines for the types bindgen_parameters
# blocklists.
KERNEL_DEFINED = """pub type __kernel_size_t = usize;
pub type __kernel_ssize_t = isize;
pub type __kernel_ptrdiff_t = isize;
"""


def standalone_parameters(path, out, added=()):
    """The tree's bindgen_parameters less what needs the kernel's crates,
    plus each (option, name) of added."""
    kept = [line for line in open(path)
            if not re.match(r"\s*--with-(derive-custom|attribute-custom)", line)]
    kept += ["%s %s\n" % option for option in added]
    open(out, "w").writelines(kept)
    options = []
    for line in kept:
        line = line.strip()
        if line and not line.startswith("#"):
            options += line.split()
    return options


def with_flags(entry, path, flags):
    """entry compiling path, with flags appended."""
    e = dict(entry)
    e["arguments"] = [path if x == entry["file"] or
                      x == os.path.join(entry["directory"], entry["file"]) else x
                      for x in entry["arguments"]] + flags
    e["file"] = path
    return e


totals = {"translatable": 0, "compile_errors": 0, "left_to_c": 0,
          "not_inlined_return_address": 0,
          "address_names_another_declaration": 0}
ITEM_LINE = re.compile(r"^\s*pub (?:struct|union) ([A-Za-z_][A-Za-z0-9_]*)")


def check_unit(e, added):
    """One unit: survey, translate, bindgen (bindgen mode, with the options
    of added too), rustc. A dict of what was found; `bindgen_fixes` holds
    the (option, name) pairs that would make bindgen's own output compile."""
    src = os.path.join(e["directory"], e["file"])
    name = os.path.splitext(os.path.basename(src))[0]
    work = os.path.join(a.work, name)
    os.makedirs(work, exist_ok=True)
    # 1. What the survey calls translatable in this unit.
    bindgen_mode = a.types == "bindgen"
    extra = BINDGEN_CFLAGS if bindgen_mode else []
    mode = ["--types=" + a.types]
    if bindgen_mode:
        params = os.path.join(work, "bindgen_parameters")
        param_options = standalone_parameters(a.bindgen_parameters, params, added)
        mode += ["--bindgen-version=0.71", "--bindgen-parameters=" + params]
    survey_dir = os.path.join(work, "survey")
    os.makedirs(survey_dir, exist_ok=True)
    json.dump([with_flags(e, src, extra)],
              open(os.path.join(survey_dir, "compile_commands.json"), "w"))
    survey = os.path.join(work, "survey.json")
    s = run([a.tool, "survey", "-p", survey_dir, src, "-o", survey] + mode)
    if s.returncode != 0:
        print("%s: survey failed: %s" % (name, s.stderr.strip().splitlines()[-1:]))
        return {"unit": name, "survey_failed": True}
    fns = sorted({f["name"] for f in json.load(open(survey))["functions"]
                  if f["status"] == "translatable"})
    # 2. One helper per function, taking its address, in a unit of its own
    #    compiled exactly as the original.
    check = os.path.join(work, "check.c")
    with open(check, "w") as f:
        f.write('#include "%s"\n' % src)
        for fn in fns:
            f.write("void *rust_helper_h2r_addr_%s(void) { return (void *)%s; }\n" % (fn, fn))
    json.dump([with_flags(e, check, extra)],
              open(os.path.join(work, "compile_commands.json"), "w"))
    out = os.path.join(work, "check.rs")
    report = os.path.join(work, "report.json")
    t = run([a.tool, "translate", "-p", work, check, "--report", report, "-o", out]
            + mode + ([] if bindgen_mode else ["--export=c-abi"]))
    if t.returncode != 0:
        print("%s: translate failed: %s" % (name, t.stderr.strip().splitlines()[-1:]))
        return {"unit": name, "translatable": len(fns), "translate_failed": True}
    # 3. Where the translation and the survey disagree.
    prefix = "rust_helper_h2r_addr_"
    left, elsewhere, not_inlined = [], [], []
    for h in json.load(open(report))["helpers"]:
        fn = h["name"][len(prefix):]
        reason = h["reasons"][0] if h["reasons"] else {}
        if h["status"] == "fallback" and reason.get("construct") == NOT_INLINED:
            not_inlined.append(fn)
        elif h["status"] == "fallback":
            left.append({"function": fn, "reason": reason})
        elif fn not in h["closure"]:
            elsewhere.append(fn)
    # 4. rustc's verdict, error by error.
    crate, bindings = out, None
    if bindgen_mode:
        bindings = os.path.join(work, "bindings.rs")
        b = run(["python3", os.path.join(ROOT, "scripts/kernel-bindings.py"), a.db,
                 src, src, bindings, "--"] + BINDGEN_RULE + param_options +
                ["--"] + BINDGEN_CFLAGS + ["-w", "--target=x86_64-linux-gnu"],
                env=dict(os.environ, BINDGEN=a.bindgen))
        if b.returncode != 0:
            print("%s: bindgen failed: %s" % (name, b.stderr.strip().splitlines()[-1:]))
            return {"unit": name, "translatable": len(fns), "bindgen_failed": True}
        crate = os.path.join(work, "lib.rs")
        open(crate, "w").write(
            "pub mod bindings {\n%s    include!(%s);\n}\ninclude!(%s);\n"
            % (KERNEL_DEFINED, json.dumps(bindings), json.dumps(out)))
    r = run([rustc, "--edition=2021", "--crate-type=lib", "--emit=metadata",
             "--error-format=json", "--cap-lints=allow", "-o",
             os.path.join(work, "check.rmeta"), crate])
    owners = owner_of_lines(out)
    binding_lines = open(bindings).read().splitlines() if bindings else []
    failing, bindgen_fixes = {}, set()
    for line in r.stderr.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("level") != "error" or not d.get("spans"):
            continue
        span = next((s for s in d["spans"] if s.get("is_primary")), d["spans"][0])
        code = (d.get("code") or {}).get("code") or ""
        in_output = os.path.realpath(os.path.join(work, span["file_name"])) == \
            os.path.realpath(out) or span["file_name"] == out
        in_bindings = bindings and os.path.basename(span["file_name"]) == "bindings.rs"
        if in_bindings and code == "E0588":
            m = ITEM_LINE.match(binding_lines[span["line_start"] - 1])
            if m:
                bindgen_fixes.add(("--opaque-type", m.group(1)))
                continue
        # A parameter named as a static in bindgen's own output
        # (`apic: u32_` beside `static mut apic`, E0530).
        shadowed = [re.search(r"the static `(\w+)`", s.get("label") or "")
                    for s in d["spans"]]
        if in_bindings and code == "E0530" and any(shadowed):
            bindgen_fixes.add(("--blocklist-var", next(m for m in shadowed if m).group(1)))
            continue
        # One name bound twice by bindgen: a macro constant of one header and
        # an enum constant of another (PORT_UNKNOWN in 7.3: serial_core.h's
        # #define, if.h's enum), never in one kernel unit together.
        twice = re.match(r"the name `(\w+)` is defined multiple times", d["message"])
        if in_bindings and code == "E0428" and twice:
            bindgen_fixes.add(("--blocklist-item", twice.group(1)))
            continue
        owner = owners[span["line_start"] - 1] \
            if in_output and span["line_start"] <= len(owners) else \
            "%s:%d" % (os.path.basename(span["file_name"]), span["line_start"])
        failing.setdefault(owner or "(top level)", "%s %s" % (code, d["message"]))
    return {"unit": name, "translatable": len(fns), "left_to_c": left,
            "address_names_another_declaration": elsewhere,
            "not_inlined_return_address": not_inlined,
            "compile_errors": failing, "bindgen_fixes": bindgen_fixes}


units = []
for e in entries:
    # bindgen's own output may not compile for headers the kernel's bindings
    # never include: a packed record holding an aligned one (E0588). The
    # kernel's answer is an --opaque-type line per record in
    # bindgen_parameters ("Packed type cannot transitively contain a
    # `#[repr(align)]` type"); the check adds the same, and the survey and
    # the translation see it too. Likewise a parameter named as a static
    # (E0530): that static is blocklisted, so the translation declares it;
    # a name bindgen binds twice (E0428) is blocklisted.
    added = []
    for _ in range(5):
        u = check_unit(e, added)
        new = sorted(u.pop("bindgen_fixes", set()) - set(added))
        if not new:
            break
        added += new
    if added:
        u["bindgen_options_added"] = added
    units.append(u)
    if "compile_errors" not in u:
        continue
    failing, left, elsewhere = u["compile_errors"], u["left_to_c"], \
        u["address_names_another_declaration"]
    totals["translatable"] += u["translatable"]
    totals["left_to_c"] += len(left)
    totals["address_names_another_declaration"] += len(elsewhere)
    totals["not_inlined_return_address"] += len(u["not_inlined_return_address"])
    totals["compile_errors"] += len(failing)
    print("%s: %d translatable, %d items with rustc errors, %d left to C by translate, "
          "%d addresses of another declaration, %d reading their return address "
          "with their own address taken%s"
          % (u["unit"], u["translatable"], len(failing), len(left), len(elsewhere),
             len(u["not_inlined_return_address"]),
             "; added for bindgen: " + " ".join("%s %s" % o for o in added)
             if added else ""))
    for owner, msg in sorted(failing.items()):
        print("    %s: %s" % (owner, msg))
    for l in left:
        print("    left to C: %s (%s in %s)" % (l["function"], l["reason"].get("construct"),
                                                l["reason"].get("function")))

# The survey's share, each function counted once by location as the survey
# counts it: with every unit compiling and agreeing, "translatable" here is
# "compiles".
status = {}
for u in units:
    path = os.path.join(a.work, u["unit"], "survey.json")
    if os.path.exists(path):
        for f in json.load(open(path))["functions"]:
            status.setdefault((f["location"], f["name"]), f["status"])
share = sum(1 for v in status.values() if v == "translatable")
totals["unique_functions"], totals["unique_translatable"] = len(status), share
print("survey (--types=%s): %d of %d static inline functions translatable (%.1f %%), "
      "each counted once" % (a.types, share, len(status),
                             100.0 * share / max(1, len(status))))
print("total (--types=%s): %d functions the survey calls translatable; %d items with "
      "rustc errors; %d left to C by translate; %d addresses of another declaration; "
      "%d reading their return address with their own address taken"
      % (a.types, totals["translatable"], totals["compile_errors"], totals["left_to_c"],
         totals["address_names_another_declaration"],
         totals["not_inlined_return_address"]))
if a.json:
    json.dump({"totals": totals, "units": units}, open(a.json, "w"), indent=1)
failed = any(u.get(k) for u in units
             for k in ("translate_failed", "survey_failed", "bindgen_failed"))
sys.exit(1 if totals["compile_errors"] or totals["left_to_c"] or failed else 0)
