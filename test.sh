#!/usr/bin/env bash
# Builds and runs every test (unit, frontend, differential, command line).
set -euo pipefail
cd "$(dirname "$0")"
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
ctest --test-dir build --output-on-failure -j"$(nproc)"
