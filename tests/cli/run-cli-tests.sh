#!/usr/bin/env bash
# Command-line behaviour: errors on bad input, determinism, atomic output.
#   run-cli-tests.sh <helpers2rs> <corpus-dir> <work-dir>
set -uo pipefail
tool=$1 corpus=$2 work=$3
. "$(cd "$(dirname "$0")/.." && pwd)/check.sh"
rm -rf "$work" && mkdir -p "$work" && cd "$work"

# Malformed C: a clang-style one-line error, exit 1, no output file.
printf 'int rust_helper_x(void) {\n  return y;\n}\n' > bad.c
"$tool" translate bad.c -o bad.rs --report bad.json -- -O2 2> err.txt
rc=$?
check "malformed C exits 1" test "$rc" = 1
check "malformed C: one line" test "$(wc -l < err.txt)" = 1
check "malformed C: file:line:col: error:" grep -qE '^(.*/)?bad\.c:2:10: error: ' err.txt
check "malformed C: no output" test ! -e bad.rs -a ! -e bad.json

# A missing input.
"$tool" translate missing.c -o m.rs 2> err.txt; rc=$?
check "missing file exits 1" test "$rc" = 1
check "missing file message" grep -qx "helpers2rs: error: no such file or directory: 'missing.c'" err.txt
check "missing file: no output" test ! -e m.rs

# Outputs that would lose a file: the input itself, or -o and --report alike.
printf 'int rust_helper_keep(int a) { return a; }\n' > keep.c
cp keep.c keep.orig
"$tool" translate keep.c -o keep.c -- -O2 2> err.txt; rc=$?
check "-o naming the input exits 1" test "$rc" = 1
check "-o naming the input: one line" test "$(wc -l < err.txt)" = 1
check "-o naming the input message" grep -q "^helpers2rs: error: output '.*/keep.c' would overwrite the input" err.txt
check "-o naming the input: input untouched" cmp -s keep.c keep.orig
"$tool" translate keep.c -o same.out --report same.out -- -O2 2> err.txt; rc=$?
check "-o equal to --report exits 1" test "$rc" = 1
check "-o equal to --report message" grep -q "would overwrite another output" err.txt
check "-o equal to --report: nothing written" test ! -e same.out
# A symbol prefix that cannot start a Rust identifier.
"$tool" translate keep.c --export=c-abi --symbol-prefix=1x -o bad-prefix.rs -- -O2 2> err.txt; rc=$?
check "--symbol-prefix=1x exits 1" test "$rc" = 1
check "--symbol-prefix=1x: one line" grep -qx "helpers2rs: error: --symbol-prefix '1x' cannot start a Rust identifier" err.txt
check "--symbol-prefix=1x: no output" test ! -e bad-prefix.rs
# -o naming a directory.
mkdir -p outdir
"$tool" translate keep.c -o outdir -- -O2 2> err.txt; rc=$?
check "-o directory exits 1" test "$rc" = 1
check "-o directory: one line" test "$(wc -l < err.txt)" = 1
check "-o directory: no temporary left" test -z "$(ls -A outdir)" -a -z "$(ls outdir-* 2>/dev/null)"
# Relative outputs land where the command runs, not in a compile command's
# directory.
mkdir -p elsewhere
printf '[{"directory": "%s/elsewhere", "file": "%s/keep.c", "arguments": ["clang", "-c", "%s/keep.c"]}]\n' \
  "$PWD" "$PWD" "$PWD" > elsewhere/compile_commands.json
"$tool" translate -p elsewhere keep.c -o rel.rs --report rel.json 2> err.txt; rc=$?
check "relative outputs: exit 0" test "$rc" = 0
check "relative outputs land in the working directory" test -s rel.rs -a -s rel.json -a ! -e elsewhere/rel.rs
# kbuild's dependency-file request is not honoured: the tool writes only its
# outputs, in no directory.
mkdir -p depfile
printf '[{"directory": "%s/depfile", "file": "%s/keep.c", "arguments": ["clang", "-Wp,-MMD,./.keep.o.d", "-c", "%s/keep.c"]}]\n' \
  "$PWD" "$PWD" "$PWD" > depfile/compile_commands.json
"$tool" translate -p depfile keep.c -o dep.rs 2> err.txt; rc=$?
check "-Wp,-MMD command: exit 0" test "$rc" = 0
check "-Wp,-MMD command: no dependency file" test ! -e .keep.o.d -a ! -e depfile/.keep.o.d

# --depfile: the output, the input and every header it read, in Make syntax
# (kbuild's fixdep reads it); with -o only, and never for stdout.
mkdir -p deps && printf 'static inline int twice(int a) { return 2 * a; }\n' > deps/inc.h
printf '#include "inc.h"\nint rust_helper_dep(int a) { return twice(a); }\n' > deps/dep.c
"$tool" translate deps/dep.c -o deps/dep.rs --depfile deps/dep.d -- -O2 2> err.txt; rc=$?
check "--depfile: exit 0" test "$rc" = 0
check "--depfile: names the target first" grep -qx 'deps/dep.rs: \\' deps/dep.d
check "--depfile: names the input" grep -q '^  .*deps/dep.c \\$' deps/dep.d
check "--depfile: names the header" grep -q '^  .*deps/inc.h$' deps/dep.d
"$tool" translate deps/dep.c --depfile deps/stdout.d -- -O2 > /dev/null 2> err.txt; rc=$?
check "--depfile without -o exits 1" test "$rc" = 1
check "--depfile without -o message" grep -qx "helpers2rs: error: --depfile needs an output file (-o)" err.txt
check "--depfile without -o: nothing written" test ! -e deps/stdout.d
"$tool" translate deps/dep.c --types=bindgen -o deps/s.rs --kunit-suite-c deps/s.c -- -O2 2> err.txt; rc=$?
check "--kunit-suite-c without --kunit-suite exits 1" test "$rc" = 1
check "--kunit-suite-c without --kunit-suite message" grep -qx "helpers2rs: error: --kunit-suite-c needs --kunit-suite: it registers that suite's test cases" err.txt
check "--kunit-suite-c without --kunit-suite: nothing written" test ! -e deps/s.rs -a ! -e deps/s.c

printf 'int rust_helper_ok(int a) { return a; }\n' > ok.c
# --fallback-route: recorded in the report; a bad value is one error line.
"$tool" translate ok.c --fallback-route=lto --report route.json -o route.rs -- -O2 2> err.txt; rc=$?
check "--fallback-route=lto: exit 0" test "$rc" = 0
check "--fallback-route=lto: in the report" python3 -c "import json,sys; sys.exit(json.load(open('route.json'))['options']['fallback_route'] != 'lto')"
"$tool" translate ok.c --fallback-route=inline -o route2.rs -- -O2 2> err.txt; rc=$?
check "--fallback-route=inline exits 1" test "$rc" = 1
check "--fallback-route=inline message" grep -qx "helpers2rs: error: --fallback-route must be call or lto, not 'inline'" err.txt

# --bindgen-version: from 0.61 bindgen declares C noreturn functions `-> !`,
# so a call through the bindings needs no unreachable after it.
printf '__attribute__((noreturn)) void die(void);\nvoid rust_helper_die(void) { die(); }\n' > die.c
"$tool" translate die.c --bindgen-version=0.60 -o die-060.rs -- -O2 2> err.txt
"$tool" translate die.c --bindgen-version=0.71.1 -o die-071.rs -- -O2 2>> err.txt
check "--bindgen-version=0.60: unreachable after the call" grep -q unreachable_unchecked die-060.rs
check "--bindgen-version=0.71.1: no unreachable" test -s die-071.rs -a -z "$(grep unreachable_unchecked die-071.rs)"
"$tool" translate die.c --bindgen-version=1.2 -o die-bad.rs -- -O2 2> err.txt; rc=$?
check "--bindgen-version=1.2 exits 1" test "$rc" = 1
check "--bindgen-version=1.2 message" grep -qx "helpers2rs: error: --bindgen-version must look like 0.71, not '1.2'" err.txt

# --bindgen-parameters without a bindings header: a blocklisted function is
# not in the bindings, so the output declares it itself.
printf 'void __list_add_valid_or_report(void *);\nvoid list_ok(void *);\nvoid rust_helper_la(void *p) { __list_add_valid_or_report(p); list_ok(p); }\n' > blocked.c
printf -- '--blocklist-function __list_add_valid_or_report\n' > blocked.params
"$tool" translate blocked.c --bindgen-parameters=blocked.params -o blocked.rs -- -O2 2> err.txt
check "blocklisted function: declared by the output" grep -q "fn __list_add_valid_or_report(" blocked.rs
check "blocklisted function: not through the bindings" test -z "$(grep 'bindings::__list_add_valid_or_report' blocked.rs)"
check "other functions: through the bindings" grep -q "bindings::list_ok(" blocked.rs

# A -p directory that does not exist, or holds no database.
"$tool" translate ok.c -p nowhere -o p.rs 2> err.txt; rc=$?
check "bad -p exits 1" test "$rc" = 1
check "bad -p message" grep -qx "helpers2rs: error: build directory 'nowhere' does not exist" err.txt
mkdir -p emptydir
"$tool" translate ok.c -p emptydir -o p.rs 2> err.txt; rc=$?
check "-p without a database exits 1" test "$rc" = 1
check "-p without a database: one line" test "$(wc -l < err.txt)" = 1
check "-p without a database message" grep -qx "helpers2rs: error: no compile_commands.json in 'emptydir'" err.txt
check "bad -p: no output" test ! -e p.rs
mkdir -p brokendb && echo '[{"oops": 1' > brokendb/compile_commands.json
"$tool" translate ok.c -p brokendb -o p.rs 2> err.txt; rc=$?
check "corrupt database exits 1" test "$rc" = 1
check "corrupt database: one line" test "$(wc -l < err.txt)" = 1

# Bad option values.
"$tool" translate ok.c --types=maybe 2> err.txt; rc=$?
check "bad --types exits 1" test "$rc" = 1
check "bad --types message" grep -q "^helpers2rs: error: --types must be" err.txt

# An unwritable output: nothing half-written, report included.
"$tool" translate ok.c -o no/such/dir/x.rs --report r.json -- -O2 2> err.txt; rc=$?
check "unwritable output exits 1" test "$rc" = 1
check "unwritable output: report not written either" test ! -e r.json

# A compile database produced the LibTooling way.
mkdir -p build
printf '[{"directory":"%s","file":"%s/ok.c","arguments":["clang","-O2","-c","ok.c"]}]\n' "$PWD" "$PWD" > build/compile_commands.json
"$tool" translate ok.c -p build -o db.rs 2> err.txt; rc=$?
check "-p with a database works" test "$rc" = 0 -a -s db.rs

# A compile command that cannot be parsed.
mkdir -p unparsable
printf '[{"directory":"%s","file":"%s/ok.c","arguments":["clang","-c","ok.c","-o"]}]\n' "$PWD" "$PWD" > unparsable/compile_commands.json
"$tool" translate ok.c -p unparsable -o u.rs 2> err.txt; rc=$?
check "unparsable command exits 1" test "$rc" = 1
check "unparsable command: one clear line" grep -qxE "helpers2rs: error: cannot parse the compile command of '(.*/)?ok.c': option '-o' is missing its value" err.txt
check "unparsable command: no output" test ! -e u.rs

# Every Rust file this script writes is compiled, warnings denied.
: "${RUSTC:=rustc}"
compiles() {
  "$RUSTC" --edition=2021 --crate-type=lib -O -D warnings -A non_snake_case \
    -A non_camel_case_types -A non_upper_case_globals --crate-name h2r_cli \
    --out-dir rustc-out "$1"
}
mkdir -p rustc-out
check "the -p output compiles" compiles db.rs

# Deep input: whatever nesting clang accepts translates (the tool once
# overflowed its stack on both; bench/bench.sh times the sum). rustc itself
# needs a larger stack for a 20,000-term expression.
python3 -c "print('int rust_helper_sum(int a) { return ' + ' + '.join(['a'] * 20000) + '; }')" > sum.c
python3 -c "print('int rust_helper_neg(int a) { return ' + '- ' * 3000 + 'a; }')" > neg.c
for deep in sum neg; do
  # The tool's own depth is what this checks; rustfmt is not asked to lay
  # out a 300 kB expression (its own check below).
  "$tool" translate "$deep.c" --types=self --formatter=none -o "$deep.rs" -- -O2 2> "$deep.err"
  rc=$?
  check "deep $deep: exit 0" test "$rc" = 0
  check "deep $deep: output compiles" env RUST_MIN_STACK=536870912 "$RUSTC" --edition=2021 \
    --crate-type=lib -O -D warnings --crate-name "h2r_$deep" --out-dir rustc-out "$deep.rs"
done

# The formatter: rustfmt lays the output out; a rustfmt that fails costs a
# warning and leaves the emitter's text, never the output.
f=$corpus/semantics/arith/basic-operators.c
"$tool" translate "$f" --types=self -o fmt.rs -- -O2
"$tool" translate "$f" --types=self --formatter=none -o nofmt.rs -- -O2
"$tool" translate "$f" --types=self --rustfmt=/bin/false -o badfmt.rs -- -O2 2> badfmt.err
rc=$?
check "a failing rustfmt: exit 0" test "$rc" = 0
check "a failing rustfmt: one warning" grep -q "^helpers2rs: warning: the output is not formatted: rustfmt failed (/bin/false): exit status 1" badfmt.err
check "a failing rustfmt: the emitter's text" cmp -s nofmt.rs badfmt.rs
check "formatted output is rustfmt-clean" "${RUSTFMT:-rustfmt}" --edition 2021 --check fmt.rs
# A rustfmt that never answers is waited for once (30 s): the parts (the
# output and the report's Rust items) are laid out side by side. The input
# is one whose report rustfmt changes.
g=$corpus/semantics/asm/cmpxchg-zero-flag.c
"$tool" translate "$g" --types=self --report items-fmt.json -o items-fmt.rs -- -O2
"$tool" translate "$g" --types=self --formatter=none --report items-nofmt.json \
  -o items-nofmt.rs -- -O2
check "rustfmt lays out the report's items" sh -c '! cmp -s items-fmt.json items-nofmt.json'
printf '#!/bin/sh\necho started >> %s/slowfmt.runs\nexec sleep 60\n' "$PWD" > slowfmt
chmod +x slowfmt
rm -f slowfmt.runs
started=$(date +%s)
"$tool" translate "$g" --types=self --rustfmt="$PWD/slowfmt" --report slowfmt.json \
  -o slowfmt.rs -- -O2 2> slowfmt.err
check "a rustfmt that hangs: started for the output and the report side by side" \
  test "$(wc -l < slowfmt.runs)" = 2
check "a rustfmt that hangs: waited for once, not once per part" \
  test $(($(date +%s) - started)) -lt 50
check "a rustfmt that hangs: one warning for both parts" \
  test "$(grep -c "the output is not formatted: rustfmt failed ($PWD/slowfmt): no answer within 30 s" slowfmt.err)" = 1
check "a rustfmt that hangs: the emitter's text" cmp -s items-nofmt.rs slowfmt.rs
check "a rustfmt that hangs: the report's items as the emitter printed them" \
  cmp -s items-nofmt.json slowfmt.json
"$tool" translate "$f" --formatter=gofmt -o x.rs -- -O2 2> fmt.err
check "--formatter=gofmt: exit 1" test $? = 1
check "--formatter=gofmt: one error" grep -qx "helpers2rs: error: --formatter must be rustfmt or none, not 'gofmt'" fmt.err
check "--version names helpers2rs and LLVM" sh -c "'$tool' --version | grep -q '^helpers2rs [0-9]' && '$tool' --version | grep -q 'built with LLVM 19'"

"$tool" translate sum.c --types=self -o sum-fmt.rs -- -O2 2> sum-fmt.err
check "a 300 kB expression: left unformatted at once, with a warning" \
  grep -q "is more than rustfmt lays out in reasonable time" sum-fmt.err

# An output that is not a regular file (a FIFO here; /dev/null alike) is
# written in place, never replaced by a renamed file.
rm -f out.fifo && mkfifo out.fifo
cat out.fifo > fifo.got &
reader=$!
"$tool" translate "$f" --types=self -o out.fifo -- -O2
wait "$reader"
check "-o a FIFO: still a FIFO" test -p out.fifo
check "-o a FIFO: the output went through it" grep -q "Generated by helpers2rs" fifo.got

# A file without helpers (the wrong file, or the wrong --helper-prefix) is
# named; the translation of the others goes on.
printf 'static inline int twice(int x) { return 2 * x; }\n' > no_helpers.c
"$tool" translate no_helpers.c -o no_helpers.rs -- -O2 2> no_helpers.err; rc=$?
check "no helper: exit 0" test "$rc" = 0
check "no helper: a warning naming the file" \
  grep -qE "^(.*/)?no_helpers\.c: warning: no helper found \(no function named 'rust_helper_\*' or marked __rust_helper\)$" no_helpers.err

# --body-compile: the predefined macros of helpers.o's own compile against
# the parse's. A difference that changes what a helper reaches leaves it
# to C with a warning (with --macro-differences=error: an error naming the
# helper and the macro, a note per macro defined on the way, nothing
# written); one reviewed as harmless is recorded; one that changes nothing
# is only listed.
mkdir -p macros && cd macros
cat > flavour.h <<'EOF'
#if FLAVOUR == 2
#define STEP 2
#else
#define STEP 1
#endif
static inline int step(int a) { return a + STEP; }
EOF
printf '#include "flavour.h"\nint rust_helper_next(int a) { return step(a); }\n' > next.c
printf 'int rust_helper_plain(int a) { return a; }\n' > plain.c
printf 'savedcmd_next.o := clang-19 -Wp,-MMD,.next.o.d -DFLAVOUR=2 -c -o next.o next.c\n' > next.o.cmd
"$tool" translate next.c --body-compile next.o.cmd -o next.rs --report next.json \
  -- -O2 -DFLAVOUR=1 2> err.txt; rc=$?
check "macro difference reached: exit 0, the helper left to C" test "$rc" = 0
check "macro difference reached: a warning naming the helper" grep -qE \
  "^(.*/)?flavour\.h:6:44: warning: 'rust_helper_next' left to C: helpers.o's compile and this parse predefine 'FLAVOUR' differently, which changes 'step' \('FLAVOUR' -> 'STEP'\)$" err.txt
check "macro difference reached: a fallback with the reason" python3 -c '
import json, sys
h = json.load(open("next.json"))["helpers"][0]
sys.exit(not (h["status"] == "fallback" and
              h["reasons"][0]["construct"] == "compile-macro-difference"))'
"$tool" translate next.c --body-compile next.o.cmd --macro-differences=error -o next-e.rs \
  --report next-e.json -- -O2 -DFLAVOUR=1 2> err.txt; rc=$?
check "macro difference reached, as an error: exit 1" test "$rc" = 1
check "macro difference reached, as an error: at the expansion" grep -qE \
  "^(.*/)?flavour\.h:6:44: error: 'rust_helper_next' reaches 'step', which helpers.o's compile and this parse read differently: they predefine 'FLAVOUR' differently \('FLAVOUR' -> 'STEP'\)$" err.txt
check "macro difference reached, as an error: a note where STEP is defined" grep -qE \
  "^(.*/)?flavour\.h:4:9: note: 'STEP' is defined here under a condition on 'FLAVOUR'$" err.txt
check "macro difference reached, as an error: nothing written" test ! -e next-e.rs -a ! -e next-e.json
"$tool" translate next.c --macro-differences=maybe -o next-m.rs -- -O2 2> err.txt; rc=$?
check "--macro-differences=maybe exits 1" test "$rc" = 1
check "--macro-differences=maybe: one line" grep -qx \
  "helpers2rs: error: --macro-differences must be fallback or error, not 'maybe'" err.txt
"$tool" translate plain.c --body-compile next.o.cmd -o plain.rs --report plain.json \
  -- -O2 -DFLAVOUR=1 2> err.txt; rc=$?
check "macro difference not reached: exit 0" test "$rc" = 0
check "macro difference not reached: listed" python3 -c '
import json, sys
r = json.load(open("plain.json"))
d = [x for x in r["options"]["body_compile"]["predefined_differences"] if x["name"] == "FLAVOUR"]
sys.exit(not (d == [{"name": "FLAVOUR", "compile": "2", "parse": "1"}]
              and all("macro_changes" not in h for h in r["helpers"])))'
# MODULE (the bindgen rule serves modules) changing how a static call is
# spelt is reviewed: recorded with why, not an error.
cat > module.c <<'EOF'
void target(void);
#ifdef MODULE
#define static_call_mod(name) name
#else
#define static_call_mod(name) name
#endif
static inline void call(void) { static_call_mod(target)(); }
void rust_helper_call(void) { call(); }
EOF
printf 'clang-19 -c -o module.o module.c\n' > module.o.cmd
"$tool" translate module.c --body-compile module.o.cmd -o module.rs --report module.json \
  -- -O2 -DMODULE 2> err.txt; rc=$?
check "reviewed macro difference: exit 0" test "$rc" = 0
check "reviewed macro difference: recorded with why" python3 -c '
import json, sys
h = json.load(open("module.json"))["helpers"][0]
c = h["macro_changes"]
sys.exit(not (len(c) == 1 and c[0]["chain"] == ["MODULE", "static_call_mod"]
              and c[0]["function"] == "call" and "modules" in c[0]["why_same"]))'
# Instrumentation helpers.o's compile makes and Rust does not: said once,
# and in the report.
printf 'clang-19 -fsanitize=thread -fsanitize=kcfi -c -o module.o module.c\n' > kcsan.o.cmd
"$tool" translate module.c --body-compile kcsan.o.cmd -o kcsan.rs --report kcsan.json \
  -- -O2 2> err.txt; rc=$?
check "uninstrumented sanitizer: exit 0" test "$rc" = 0
check "uninstrumented sanitizer: one warning" grep -qx \
  "kcsan.o.cmd:1:1: warning: helpers.o's compile instruments the helpers for -fsanitize=thread, which the translation does not reproduce (the kernel's Rust gets no such instrumentation); the checks the helpers call are kept" err.txt
check "uninstrumented sanitizer: reported" python3 -c '
import json, sys
b = json.load(open("kcsan.json"))["options"]["body_compile"]
sys.exit(b["uninstrumented_sanitizers"] != ["thread"])'
printf 'no-such-cc -c x.c\n' > nocc.cmd
"$tool" translate plain.c --body-compile nocc.cmd -o nocc.rs -- -O2 2> err.txt; rc=$?
check "--body-compile with a missing compiler exits 1" test "$rc" = 1
check "--body-compile with a missing compiler: one line" grep -qx \
  "nocc.cmd:1:1: error: cannot find the compile's compiler 'no-such-cc' to read its predefined macros" err.txt
check "--body-compile with a missing compiler: nothing written" test ! -e nocc.rs
cd ..

# The configuration the report names: the options the parse tested or
# expanded (#ifdef, #if, defined(), IS_ENABLED()) with .config's spelling
# from the build directory's auto.conf, its release, the compiler's text;
# an option the compile command defines is not the configuration's.
mkdir -p kbuild/include/config kbuild/include/generated && cd kbuild
echo 7.9.9-test > include/config/kernel.release
printf 'CONFIG_FOO=y\nCONFIG_NUM=1\nCONFIG_MOD=m\nCONFIG_UNREAD=y\nCONFIG_CC_VERSION_TEXT="cc 1.0"\n' \
  > include/config/auto.conf
printf '#define CONFIG_FOO 1\n#define CONFIG_NUM 1\n#define CONFIG_MOD_MODULE 1\n#define CONFIG_UNREAD 1\n#define CONFIG_CC_VERSION_TEXT "cc 1.0"\n' \
  > include/generated/autoconf.h
cat > kconfig.c <<'C'
#define IS_ENABLED(option) 0
#ifdef CONFIG_FOO
#endif
#if CONFIG_NUM > 0 && !defined(CONFIG_GONE)
#endif
#if CONFIG_UNSET_IN_IF || CONFIG_CMDLINE
#endif
int rust_helper_kconfig(void) { return IS_ENABLED(CONFIG_MOD) + CONFIG_NUM; }
C
"$tool" translate kconfig.c --types=self -o kconfig.rs --report kconfig.json -- -O2 \
  -include include/generated/autoconf.h -DCONFIG_CMDLINE=1
check "configuration: the options read, as .config spells them" python3 -c '
import json, sys
c = json.load(open("kconfig.json"))["configuration"]
want = {"CONFIG_FOO": "y", "CONFIG_NUM": "1", "CONFIG_GONE": None,
        "CONFIG_UNSET_IN_IF": None, "CONFIG_MOD": "m", "CONFIG_CMDLINE": "1"}
sys.exit(c["options_read"] != want or c["defined_elsewhere"] != ["CONFIG_CMDLINE"])'
check "configuration: release, compiler, options set" python3 -c '
import json, sys
c = json.load(open("kconfig.json"))["configuration"]
sys.exit((c["release"], c["compiler"], c["rustc"], c["options_set"], c["target"].split("-")[0])
         != ("7.9.9-test", "cc 1.0", None, 5, "x86_64"))'
"$tool" report kconfig.json -o kconfig.md
check "configuration: named at the top of the report" grep -qx \
  "Made for Linux 7.9.9-test (x86_64-[a-z-]*), built with cc 1.0; the translation depends on the 6 options its parse read: 3 set by the configuration (of 5 it sets), 1 defined by the compile command or a header, 2 unset." kconfig.md
# Several inputs: the options each read, and those defined outside the
# configuration, whichever input read them.
printf '#ifdef CONFIG_SECOND\n#endif\nint rust_helper_second(void) { return 0; }\n' > second.c
"$tool" translate kconfig.c second.c --types=self -o two.rs --report two.json -- -O2 \
  -include include/generated/autoconf.h -DCONFIG_CMDLINE=1 -DCONFIG_SECOND=1
check "configuration of several inputs: every input's reads" python3 -c '
import json, sys
c = json.load(open("two.json"))["configuration"]
sys.exit(c["options_read"].get("CONFIG_SECOND") != "1"
         or c["defined_elsewhere"] != ["CONFIG_CMDLINE", "CONFIG_SECOND"])'
cd ..

# The bindings header: named relative to the working directory, what it
# declares is reached through the bindings; one that does not compile is an
# error naming it, and nothing is written.
printf 'int bound(int);\n' > bindings.h
printf 'int bound(int);\nint rust_helper_bound(int x) { return bound(x); }\n' > bound.c
"$tool" translate bound.c --bindings-header=bindings.h -o bound.rs -- -O2 2> err.txt
check "a relative bindings header is read" grep -q "bindings::bound(x)" bound.rs
printf 'int bound(int);\nint broken = undeclared;\n' > broken.h
"$tool" translate bound.c --bindings-header=broken.h -o broken.rs -- -O2 2> err.txt; rc=$?
check "a bindings header that does not compile: exit 1" test "$rc" = 1
check "a bindings header that does not compile: the error and the header" \
  grep -qx "helpers2rs: error: the bindings header 'broken.h' does not compile" err.txt
check "a bindings header that does not compile: nothing written" test ! -e broken.rs

# Determinism: the same input gives the same bytes.
for f in "$corpus"/semantics/*/*.c; do
  n=$(basename "$(dirname "$f")")_$(basename "$f" .c)
  "$tool" translate "$f" --types=self -o "$n.1.rs" --report "$n.1.json" -- -O2
  "$tool" translate "$f" --types=self -o "$n.2.rs" --report "$n.2.json" -- -O2
  check "deterministic $n" cmp -s "$n.1.rs" "$n.2.rs"
  check "deterministic report $n" cmp -s "$n.1.json" "$n.2.json"
  check "default-option output of $n compiles" compiles "$n.1.rs"
done

finish
