#!/usr/bin/env bash
# `helpers2rs report` and `survey`:
#  - the kernel corpus report in every format, checked for its figures;
#  - --diff against an edited copy;
#  - a survey of 300 real 6.1 headers in two units, in full and in two
#    shards that `report` merges back to the same figures;
#  - the HTML rendered by headless Chromium, which must show the figures.
#   run-report-tests.sh <helpers2rs> <kernel-report.json> <work-dir>
set -uo pipefail
tool=$1 kreport=$2 work=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/check.sh"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
# field <file.json> <python expression over d>
field() {
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# The shims: the corpus as translated by default.
"$tool" report "$kreport" -o shims.md
check "markdown lists the shims" grep -q '^- `static-key-test`: [0-9]* helpers' shims.md
check "markdown lists the call-site specialisations" grep -q "^- '_test_bit' specialised for nr = " shims.md
check "markdown gives the shares" grep -qE '^Translated exactly: [0-9.]+ %; shimmed: [0-9.]+ %; left to C: [0-9.]+ %\.$' shims.md
"$tool" report "$kreport" --format=sarif -o shims.sarif
check "sarif: a note per shim site" test "$(field shims.sarif "len([r for r in d['runs'][0]['results'] if r['level'] == 'note'])")" -gt 0

# Machine code counts beside each helper (--codegen): the corpus's C
# helpers built with kbuild's command, its c-abi translation built as the
# kernel builds Rust (one .text), counted by the codegen benchmark.
. "$root/scripts/toolchain/rust-env.sh"
kdir=$(dirname "$kreport")
python3 "$root/bench/compile-c-helpers.py" "$kdir/module/compile_commands.json" "$work/c.o"
RUSTC_BOOTSTRAP=1 "$RUSTC" --edition=2021 -Copt-level=2 -Zfunction-sections=no \
  -Ccode-model=kernel -Crelocation-model=static -Cpanic=abort --crate-type=lib \
  --emit=obj -o rust.o "$kdir/helpers-cabi-crate.rs" 2> rustc.log
python3 "$root/bench/codegen-parity.py" c.o rust.o "$kreport" h2r_ --json counts.json > parity.txt
check "codegen counts: most helpers measured" test "$(field counts.json "len(d['helpers'])")" -gt 300
"$tool" report "$kreport" --codegen counts.json -o cg.md
check "markdown: machine code summary from the counts" grep -qx "$(python3 - counts.json <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["helpers"]
le = sum(x["rust"] <= x["c"] for x in h)
print("Machine code (c-abi form, instructions counted by bench/objcount.py): "
      "%d translated helpers measured; Rust is no larger than C for %d (%.1f %%); "
      "in total Rust %d, C %d instructions." % (len(h), le, 100.0 * le / len(h),
      sum(x["rust"] for x in h), sum(x["c"] for x in h)))
PY
)" cg.md
check "markdown: each measured helper's counts in its row" python3 - counts.json cg.md <<'PY'
import json, sys
rows = open(sys.argv[2]).read()
for h in json.load(open(sys.argv[1]))["helpers"]:
    assert "\n| %s | " % h["name"] in rows and "| %d / %d |\n" % (h["c"], h["rust"]) in rows, h
    assert [l for l in rows.splitlines() if l.startswith("| %s | " % h["name"])][0].endswith(
        "| %d / %d |" % (h["c"], h["rust"])), h
PY
"$tool" report "$kreport" --codegen counts.json --format=html -o cg.html
check "html review: each measured helper's counts" test \
  "$(grep -c '^<p class="codegen">machine code: C [0-9]*, Rust [0-9]* instructions</p>$' cg.html)" = \
  "$(field counts.json "len(d['helpers'])")"
"$tool" report "$kreport" --codegen counts.json --format=cover-letter -o cg-cover.md
check "cover letter: machine code" grep -q '^Machine code (c-abi form' cg-cover.md
"$tool" report "$(dirname "$kreport")/report-no-shims.json" --codegen counts.json -o x.md 2> err.txt; rc=$?
check "counts of another run: exit 1, one line naming the helper" test "$rc" = 1 -a \
  "$(wc -l < err.txt)" = 1 -a -n "$(grep "counts.json: not machine code counts of this report: helper '" err.txt)"
check "counts of another run: no output" test ! -e x.md
printf '{"kind":"codegen","form":"c-abi","counter":"x","helpers":[{"name":"a","c":-1,"rust":2}]}' > neg.json
"$tool" report "$kreport" --codegen neg.json -o x.md 2> err.txt; rc=$?
check "malformed counts: exit 1, the field named" grep -qx \
  "helpers2rs: error: neg.json: not machine code counts of this report: helpers\[0\].c: expected a count (an integer >= 0), found -1" err.txt

# Everything else on the corpus translated without shims, which leaves
# fallbacks to rank.
kreport=$(dirname "$kreport")/report-no-shims.json
translated=$(field "$kreport" "d['summary']['translated']")
fallback=$(field "$kreport" "d['summary']['fallback']")
check "without shims, some helpers fall back" test "$fallback" -gt 0

"$tool" report "$kreport" -o r.md
check "markdown has the summary row" grep -q "| $translated | 0 | $fallback |" r.md
check "markdown ranks blockers" grep -qE '^1\. `[a-z0-9.-]+`: fixing it would unlock [0-9]+ helper' r.md
check "markdown gives chains" grep -q "chain: rust_helper_" r.md

"$tool" report "$kreport" --format=json -o r.json
check "json blockers count what they alone hold back" python3 -c "
import json; a=json.load(open('r.json')); r=json.load(open('$kreport'))
alone={}
for h in r['helpers']:
  cs={x['construct'] for x in h['reasons']}
  if len(cs)==1:
    c=next(iter(cs)); alone[c]=alone.get(c,0)+1
assert all(b['unlocks']==alone.get(b['construct'],0) for b in a['blockers']), a['blockers']
assert sum(f['helpers'] for f in a['files'])==r['summary']['helpers']"

"$tool" report "$kreport" --format=cover-letter -o cover.md
check "cover letter: the headline" grep -qx "helpers2rs translates $translated of the $((translated + fallback)) Rust helpers into Rust (0 of them through a reviewed shim); $fallback stay in C." cover.md
check "cover letter: the largest reason first" grep -qE '^- `[a-z0-9.-]+`: [0-9]+ helpers? \([0-9]+ by this alone\)$' cover.md
check "cover letter: short" test "$(wc -l < cover.md)" -le 15

"$tool" report "$kreport" --format=sarif -o r.sarif
check "sarif: one warning per fallback" test "$(field r.sarif "len([r for r in d['runs'][0]['results'] if r['level'] == 'warning'])")" = "$fallback"
check "sarif: version 2.1.0" test "$(field r.sarif "d['version']")" = "2.1.0"

python3 -c "
import json; r=json.load(open('$kreport'))
h=next(h for h in r['helpers'] if h['status']=='translated'); h['status']='fallback'
json.dump(r, open('old.json','w'))"
"$tool" report "$kreport" --diff old.json -o diff.md
check "diff lists a status change" grep -qE '^- rust_helper_[a-z0-9_]+: fallback → translated' diff.md
"$tool" report "$kreport" --diff "$kreport" -o same.md
check "diff against itself: no change" grep -qx "No change." same.md
# A function a translated helper reaches gets other Rust, and a fallback
# another reason: exactly those helpers are listed, with what differs.
python3 -c "
import json; r=json.load(open('$kreport'))
h=next(h for h in r['helpers'] if h['status']=='translated' and h['closure'])
f=next(f for f in r['functions'] if f['name']==h['closure'][0]); f['rust']+='// changed'
reached=[x['name'] for x in r['helpers'] if h['closure'][0] in x['closure']]
g=next(g for g in r['helpers'] if g['status']=='fallback'); g['reasons'][0]['message']='another reason'
json.dump(r, open('old2.json','w'))
open('expected-rust.txt','w').write(''.join(n+'\\n' for n in sorted(reached)))
open('expected-reason.txt','w').write(g['name']+'\\n')"
"$tool" report "$kreport" --diff old2.json --format=json -o diff2.json
check "diff: the helpers whose Rust differs, exactly" test "$(field diff2.json "''.join(x['name'] + chr(10) for x in d['changes']['rust_changes'])")" = "$(cat expected-rust.txt)"
check "diff: the helper whose reason differs" test "$(field diff2.json "''.join(x['name'] + chr(10) for x in d['changes']['reason_changes'])")" = "$(cat expected-reason.txt)"
"$tool" report "$kreport" --diff old2.json -o diff2.md
check "diff in Markdown: Rust differs in the function" grep -qE '^- rust_helper_[a-z0-9_]+: Rust differs in [a-z0-9_]+' diff2.md

# The boot a cover letter stands on: kunit.py's --json results, the
# differential suite found among its groups.
python3 -c "
import json
g = lambda n, t, p, s, sub=[]: {'name': n, 'misc': {'tests': t, 'passed': p, 'failed': t - p - s, 'crashed': 0, 'skipped': s, 'errors': 0}, 'test_cases': [], 'sub_groups': sub}
root = g('KUnit Test Group', 12, 10, 1, [g('rust_kernel_str', 4, 3, 1), g('helpers2rs_differential', 8, 7, 0)])
root['arch'] = 'x86_64'
json.dump(root, open('kunit.json', 'w'))"
"$tool" report "$kreport" --kunit-results=kunit.json --format=cover-letter -o boot-cover.md
check "cover letter: the boot" grep -qx "Booted (x86_64) with its KUnit tests (kunit.py): 10 of 12 passed, 1 failed, 0 crashed, 1 skipped; the differential suite helpers2rs_differential: 7 of 8 cases passed." boot-cover.md
"$tool" report "$kreport" --kunit-results="$kreport" -o x.md 2> err.txt; rc=$?
check "--kunit-results with a report: exit 1, one line" test "$rc" = 1 -a "$(wc -l < err.txt)" = 1 -a ! -e x.md

printf '{"oops":' > bad.json
"$tool" report bad.json 2> err.txt; rc=$?
check "invalid JSON: exit 1, one line" test "$rc" = 1 -a "$(wc -l < err.txt)" = 1

# The in-kernel differential suite's plan, in every format: one helper in
# the suite, one that calls C and cannot be.
cat > suite.c <<'C'
static inline int twice(int x) { return x * 2; }
int rust_helper_twice(int x) { return twice(x); }
extern void release(int v);
void rust_helper_release(int v) { release(v); }
C
"$tool" translate suite.c --kunit-suite suite-kunit.rs --report suite.json -o suite.rs -- -O2
"$tool" report suite.json -o suite.md
check "markdown: the in-kernel check's share" grep -q '^1 of 2 translated helpers are called beside their C original' suite.md
check "markdown: a helper in the suite" grep -q '^| rust_helper_twice | translated | 1 |  | in suite |$' suite.md
"$tool" report suite.json --format=cover-letter -o suite-cover.md
check "cover letter: the in-kernel check" grep -q '^1 of 2 translated helpers are called beside' suite-cover.md
check "markdown: a helper that is not, with its reason" grep -q '^| rust_helper_release | .* | not checkable: calls the C function `release` |$' suite.md
"$tool" report suite.json --format=sarif -o suite.sarif
check "sarif: a note per helper not checked in the kernel" test "$(field suite.sarif \
  "[r['message']['text'] for r in d['runs'][0]['results'] if r['ruleId'] == 'kernel-check-not-checkable']")" = \
  "['rust_helper_release is not checked in the kernel: calls the C function \`release\`']"
"$tool" report suite.json --format=html -o suite.html
check "html: the kernel check column" grep -q '<td>not checkable: calls the C function `release`</td>' suite.html

# Where the build renames calls, the suite replaces `release` by a double.
"$tool" translate suite.c --kunit-suite doubled-kunit.rs --kunit-suite-syms doubled.syms \
  --report doubled.json -o doubled.rs -- -O2
check "doubles: the helper is in the suite" test "$(field doubled.json \
  "[h['kernel_check'] for h in d['helpers'] if h['name'] == 'rust_helper_release'][0]")" = \
  "{'doubles': ['release'], 'verdict': 'in-suite'}"
check "doubles: the renames" test "$(cat doubled.syms)" = "rust_helper_release h2r_c_rust_helper_release
release h2r_double_release"
check "doubles: the double" grep -q '^    extern "C" fn h2r_double_release(a0: i32) {$' doubled-kunit.rs
"$tool" report doubled.json -o doubled.md
check "markdown: the calls a double records" grep -q '^| rust_helper_release | translated | 0 |  | in suite, calls to `release` recorded |$' doubled.md
"$tool" translate suite.c --kunit-suite doubled-kunit.rs --kunit-suite-syms suite.c \
  -o doubled.rs -- -O2 2> err.txt; rc=$?
check "doubles: an input as the map is refused" test "$rc" = 1 -a "$(wc -l < err.txt)" = 1
"$tool" translate suite.c --kunit-suite-syms x.syms -o x.rs -- -O2 2> err.txt; rc=$?
check "doubles without the suite: exit 1" test "$rc" = 1
check "doubles without the suite: message" grep -qx "helpers2rs: error: --kunit-suite-syms needs --kunit-suite: it renames calls for that suite" err.txt
check "doubles without the suite: nothing written" test ! -e x.syms -a ! -e x.rs

# The survey: two units, full and sharded.
db=$("$root/scripts/kernel-compile-commands.sh" "$root/corpus/survey" "$work/survey-module" \
  "$("$root/scripts/kernel-headers-tree.sh" 6.1)")
dir=$(dirname "$db")
/usr/bin/time -f "%e %M" -o time.txt "$tool" survey -p "$dir" -j2 -o full.json
read -r wall rss < time.txt
check "survey: no unit failed" test "$(field full.json "d['summary']['failed_units']")" = 0
check "survey: both units" test "$(field full.json "d['summary']['units']")" = 2
"$tool" survey -p "$dir" --shard 0/2 -o s0.json
"$tool" survey -p "$dir" --shard 1/2 -o s1.json
check "shards split the units" test "$(field s0.json "d['units'].__len__()")" = 1
"$tool" report s0.json s1.json --format=json -o merged.json
check "merged shards equal the full survey" python3 -c "
import json; f=json.load(open('full.json'))['summary']; m=json.load(open('merged.json'))['summary']
assert (f['functions'], f['translatable']) == (m['functions'], m['translatable']), (f, m)"
# No process-wide state between workers: every -j gives the same bytes, run
# after run (workers once shared the working directory and lost units).
"$tool" survey -p "$dir" -j1 -o j1.json
for run in 1 2 3; do
  "$tool" survey -p "$dir" -j4 -o "j4-$run.json"
  check "survey -j4 run $run equals -j1" cmp -s j1.json "j4-$run.json"
done
# A unit that does not compile is named, and fails the run unless
# --keep-going.
cp -r "$dir" broken-db
sed -i "s|$dir/|$PWD/broken-db/|g" broken-db/compile_commands.json
printf '#include <linux/kernel.h>\nint broken(void) { return missing; }\n' > broken-db/headers_b.c
"$tool" survey -p broken-db -j2 -o broken.json 2> err.txt; rc=$?
check "failed unit: exit 1" test "$rc" = 1
check "failed unit: named" grep -q "headers_b.c' did not compile" err.txt
check "failed unit: listed in the JSON" python3 -c "
import json; d=json.load(open('broken.json')); assert d['failed_units'] and d['failed_units'][0].endswith('headers_b.c'), d['failed_units']"
"$tool" survey -p broken-db -j2 --keep-going -o broken.json 2> err.txt; rc=$?
check "failed unit with --keep-going: exit 0" test "$rc" = 0
"$tool" survey -p "$dir" --shard 2/2 -o x.json 2> err.txt; rc=$?
check "bad shard: exit 1" test "$rc" = 1
echo "survey: $(field full.json "d['summary']['functions']") functions, \
$(field full.json "d['summary']['translatable']") translatable \
($(field full.json "round(d['summary']['translatable_share'] * 100, 1)")%), ${wall}s wall, \
$((rss / 1024)) MiB peak (-j2)"
echo "top reasons: $(python3 -c "
import json; s=json.load(open('full.json'))['summary']['rejected_by_construct']
print(', '.join('%s %d' % kv for kv in sorted(s.items(), key=lambda kv: -kv[1])[:10]))")"

# What the survey calls translatable is what translate would do with a
# helper returning the function's address: callees count, and so do the
# options (flags after --, --types).
cat > classify.c <<'C'
static inline int reads_varargs(int n, ...) {
  __builtin_va_list ap;
  __builtin_va_start(ap, n);
  int v = __builtin_va_arg(ap, int);
  __builtin_va_end(ap);
  return v;
}
static inline int calls_it(int x) { return reads_varargs(1, x); }
static inline int plain(int x) { return x + 1; }
static inline int format_only(const char *fmt, ...) { return 0; }
struct bits { unsigned int a : 3; };
struct __attribute__((packed)) gate { short x; struct bits b; };
static inline int gate_a(struct gate *g) { return g->b.a; }
C
status_of() { field "$1" "{f['name']: f['status'] for f in d['functions']}['$2']"; }
"$tool" survey classify.c --types=self -o self.json -- -O2
"$tool" survey classify.c -o bindgen.json -- -O2
check "survey: a callee's failure rejects its caller" test "$(status_of self.json calls_it)" = rejected
check "survey: the caller's reason names the callee" test \
  "$(field self.json "[f['reasons'][0]['function'] for f in d['functions'] if f['name'] == 'calls_it'][0]")" = reads_varargs
check "survey: a plain function is translatable" test "$(status_of self.json plain)" = translatable
check "survey: a variadic function has no address" test \
  "$(field self.json "[f['reasons'][0]['construct'] for f in d['functions'] if f['name'] == 'format_only'][0]")" = variadic-function
check "survey --types=self: Rust lays out the packed record" test "$(status_of self.json gate_a)" = rejected
check "survey --types=bindgen: bindgen lays it out" test "$(status_of bindgen.json gate_a)" = translatable
check "survey: the options are in the file" test "$(field self.json "d['options']['types']")" = self
"$tool" report self.json -o self.md
check "survey markdown says what translatable means" grep -q 'translates with `--types=self --rust-version=1.78`' self.md
"$tool" survey classify.c -o x.json 2> err.txt; rc=$?
check "survey without -p or --: exit 1" test "$rc" = 1
check "survey without -p or --: says what to pass" grep -q "pass -p <build-dir>" err.txt
"$tool" report self.json bindgen.json -o x.json 2> err.txt; rc=$?
check "shards of different translations are not merged" grep -q "surveyed different translations" err.txt

# HTML in headless Chromium.
"$tool" report "$kreport" --format=html -o r.html
"$tool" report full.json --format=html -o s.html
browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
  failed=$((failed + 1)); echo "FAIL chromium is not installed"
else
  for page in r s; do
    "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run \
      --user-data-dir="$work/chrome-$page" --dump-dom "file://$work/$page.html" \
      > "$page.dom" 2>/dev/null
  done
  check "html renders the summary" grep -q "<td>$translated</td><td>0</td><td>$fallback</td>" r.dom
  check "html draws a bar per blocker" test "$(grep -o '<rect' r.dom | wc -l)" = \
    "$(field r.json "d['blockers'].__len__()")"
  check "html tables are sortable" grep -q 'class="sortable"' r.dom
  check "survey html renders" grep -q "$(field full.json "d['summary']['functions']")" s.dom
  # The review pages: every helper's C beside its Rust (or, for a helper
  # left to C, why), and a screenshot of one file's review (not blank).
  check "review: C beside Rust for every helper, a screenshot" \
    "$root/tests/report/check-review.sh" "$tool" "$kreport" "$work/review" refcount.c
  check "review: a helper's C and Rust as the report has them" python3 - r.dom "$kreport" <<'PY'
import html, json, re, sys
dom, r = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
f = next(f for f in r['functions'] if f['name'].startswith('rust_helper_') and f.get('rust'))
c, rust = re.search(r'id="h-%s"><div class="c"><h4>C <small>[^<]*</small></h4><pre>(.*?)</pre>.*?<pre>(.*?)</pre>' % f['name'], dom, re.S).groups()
# The highlighting's spans aside, the text is the report's, to the character.
text = lambda block: html.unescape(re.sub(r'<[^>]*>', '', block))
assert text(c) == f['c_source'] and text(rust) == f['rust'], f['name']
PY
fi
finish
