#!/usr/bin/env bash
# One command: install the dependencies, build, and translate the embedded
# corpus, writing out/helpers.rs and out/report.json.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
build/helpers2rs translate corpus/semantics/*.c --types=self \
  -o out/helpers.rs --report out/report.json -- -O2 -fno-strict-overflow
grep -A8 '"summary"' out/report.json
echo "wrote out/helpers.rs and out/report.json"
