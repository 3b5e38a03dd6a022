#!/usr/bin/env bash
# Configures and builds helpers2rs and its tests.
#   build.sh [<build-dir> [<cmake options>...]]    (default: ./build)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain/rust-env.sh
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C "$dir"
