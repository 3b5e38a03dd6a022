#!/usr/bin/env bash
# Rewrites every corpus case's <case>.expected.rs from the current
# translation, after a deliberate change to the output. Review `git diff corpus` before
# committing: what changed there is what the change does to users' output.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
"$root/tests/golden/run-golden.sh" "$root/build/helpers2rs" \
  "$root/build/tests/golden-bless" --bless
