#!/usr/bin/env bash
# What a maintainer installs: `cmake --install` into a fresh prefix and the
# `.deb` from `cpack -G DEB`, each unpacked and its helpers2rs run on the
# embedded default (the semantic corpus's arith.c), whose output must equal
# the golden file; the package's Debian dependencies; the man page renders
# and names every option `--help` lists.
#   run-install-test.sh <build-dir> <work-dir>
set -uo pipefail
build=$(realpath "$1") work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work") && cd "$work"
. "$root/scripts/toolchain/rust-env.sh"
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS $name"
  else failed=$((failed + 1)); echo "FAIL $name"; fi
}
translates() { # <helpers2rs>
  local case=semantics/arith/basic-operators
  (cd "$root/corpus" && "$1" translate $case.c --types=self --rust-version=1.87 \
     -o "$work/arith.rs" -- -O2 -fno-strict-overflow 2>/dev/null) &&
    cmp -s "$work/arith.rs" "$root/corpus/$case.expected.rs"
}

cmake --install "$build" --prefix "$work/prefix" > install.log 2>&1
check "cmake --install succeeds" test -x "$work/prefix/bin/helpers2rs"
check "the man page is installed" test -f "$work/prefix/share/man/man1/helpers2rs.1"
check "the user guide is installed" test -f "$work/prefix/share/doc/helpers2rs/user-guide.md"
check "the installed binary translates the embedded default" translates "$work/prefix/bin/helpers2rs"

(cd "$build" && cpack -G DEB -B "$work/package" > "$work/cpack.log" 2>&1)
deb=$(ls "$work"/package/helpers2rs_*_amd64.deb 2>/dev/null | head -n 1)
check "cpack -G DEB makes a package" test -n "$deb"
if [ -n "$deb" ]; then
  depends=$(dpkg-deb -f "$deb" Depends)
  for p in libclang-cpp19 libllvm19 libclang-common-19-dev libstdc++6; do
    check "the package depends on $p" grep -q "\b$p\b" <<< "$depends"
  done
  dpkg-deb -x "$deb" "$work/root"
  check "the package's binary translates the embedded default" translates "$work/root/usr/bin/helpers2rs"
fi

man=$(MANWIDTH=200 man -l "$root/docs/helpers2rs.1" 2>/dev/null)
check "the man page renders" grep -q "helpers2rs translate" <<< "$man"
for sub in translate survey report; do
  for opt in $("$build/helpers2rs" "$sub" --help | sed -n 's/^  \(-[-a-z]*\).*/\1/p' | sed 's/=.*//'); do
    case "$opt" in --help | --help-list) continue ;; esac
    check "the man page names $sub $opt" grep -q -- "$opt" <<< "$man"
    check "the user guide names $sub $opt" grep -q -- "$opt" "$root/docs/user-guide.md"
  done
done
echo "$passed passed, $failed failed"
test "$failed" = 0
