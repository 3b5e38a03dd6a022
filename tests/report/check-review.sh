#!/usr/bin/env bash
# The review report of a kernel's translation in headless Chromium: the
# configuration it was made for at the top (with every option its parse
# read), every helper's C beside its Rust (or, left to C, why), both
# highlighted, all of it in the page's markup (a reader without scripts
# sees it: the scripts only sort and filter), nothing fetched from a
# network, and a screenshot of one helper file's review
# (review-<file>.png), which must not be blank.
#
#   check-review.sh <helpers2rs> <report.json> <out-dir> [helper file]
set -euo pipefail
tool=$1 report=$2 out=$3 shot_file=${4:-rust/helpers/refcount.c}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out" && out=$(realpath "$out")
browser() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$out/chrome-$1" "${@:2}" 2>/dev/null
}
"$tool" report "$report" --format=html -o "$out/review.html"
browser dom --dump-dom "file://$out/review.html" > "$out/review.dom"
python3 - "$out/review.dom" "$report" "$out/review.html" <<'PY'
import json, re, sys
dom, r = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
page = open(sys.argv[3]).read()
s = r["summary"]
pairs = dom.count('class="pair" id="h-')
rust = sum(dom.count('class="pair" id="h-%s"><div class="c"><h4>C <small>%s' % (h["name"], h["location"]))
           for h in r["helpers"])
problems = []
if pairs != len(r["helpers"]) or rust != len(r["helpers"]):
    problems.append("%d C/Rust pairs (%d at the helper's own location) for %d helpers"
                    % (pairs, rust, len(r["helpers"])))
if dom.count('<div class="rust"><h4>Rust</h4><pre>') < s["translated"] + s["shimmed"]:
    problems.append("a translated helper without its Rust")
if dom.count("Left to C: the C helper is called.") != s["fallback"]:
    problems.append("not every fallback says it is left to C")
# Highlighted: no keyword left in the text outside the spans.
def plain(block):
    return re.sub(r"<[^>]*>", "", re.sub(r'<span class="[a-z]+">.*?</span>', " ", block, flags=re.S))
rust_blocks = re.findall(r'<div class="rust"><h4>Rust</h4><pre>(.*?)</pre>', dom, re.S)
c_blocks = re.findall(r'<div class="c"><h4>C <small>[^<]*</small></h4><pre>(.*?)</pre>', dom, re.S)
for lang, blocks, words in (("Rust", rust_blocks, "fn|pub|unsafe|let|mut|return|if|else"),
                            ("C", c_blocks, "static|inline|int|void|unsigned|const|struct|return|if|else")):
    left = [b for b in blocks if re.search(r"\b(%s)\b" % words, plain(b))]
    if left or not any('<span class="kw">' in b for b in blocks):
        problems.append("%s not highlighted: %d of %d blocks keep a keyword plain" % (lang, len(left), len(blocks)))
if page.count('class="pair" id="h-') != pairs:
    problems.append("%d C/Rust pairs in the markup, %d in the page Chromium shows"
                    % (page.count('class="pair" id="h-'), pairs))
# The configuration it was made for, first after the title.
c = r["configuration"]
made = "Made for Linux %s (%s)" % (c["release"], c["target"])
if not re.search(r'</h1>\s*<p id="configuration">' + re.escape(made), dom):
    problems.append("the page does not start with %r" % made)
if dom.count('<tr><td>CONFIG_') != len(c["options_read"]):
    problems.append("%d options in the page, %d read" % (dom.count('<tr><td>CONFIG_'), len(c["options_read"])))
if re.search(r'(src|href)="(https?:)?//|@import|url\(', page):
    problems.append("the page refers to a network resource")
for p in problems:
    print("check-review: FAIL: " + p)
print("review report: %d helpers, C beside Rust for each (%d translated, %d shimmed, %d left to C)"
      % (len(r["helpers"]), s["translated"], s["shimmed"], s["fallback"]))
sys.exit(1 if problems else 0)
PY
# One helper file's review, small enough to show whole.
name=$(basename "$shot_file" .c)
python3 - "$report" "$shot_file" > "$out/review-$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
keep = [h for h in r["helpers"] if h.get("file") == sys.argv[2]]
if not keep:
    sys.exit("check-review: no helper in %s" % sys.argv[2])
r["helpers"] = keep
for k in ("translated", "shimmed", "fallback"):
    r["summary"][k] = sum(h["status"] == k for h in keep)
r["summary"]["helpers"] = len(keep)
r["summary"]["functions"] = len({h["name"] for h in keep} | {c for h in keep for c in h["closure"]})
if "kernel_check" in r["summary"]:
    r["summary"]["kernel_check"] = {
        v: sum(h.get("kernel_check", {}).get("verdict") == v for h in keep)
        for v in ("in-suite", "not-checkable")}
json.dump(r, sys.stdout)
PY
"$tool" report "$out/review-$name.json" --format=html -o "$out/review-$name.html"
browser shot --window-size=1400,2400 --screenshot="$out/review-$name.png" \
  "file://$out/review-$name.html"
python3 "$root/tests/report/png-not-blank.py" "$out/review-$name.png"
echo "screenshot: $out/review-$name.png"
