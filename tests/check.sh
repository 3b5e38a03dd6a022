# Sourced by the test scripts: check <name> <command...> runs
# the command and counts it passed or failed; finish prints the counts and
# fails if any check did.
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS $name"
  else failed=$((failed + 1)); echo "FAIL $name"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  test "$failed" = 0
}
