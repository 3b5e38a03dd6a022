#!/usr/bin/env bash
# One command: install the dependencies (Debian's clang-19, linux-headers-amd64,
# bindgen), build, and run the main job on the embedded default, the kernel
# helper corpus: out/kernel/helpers.rs, out/kernel/report.json.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
scripts/kernel-corpus.sh build/helpers2rs out/kernel
echo "wrote out/kernel/helpers.rs and out/kernel/report.json"
