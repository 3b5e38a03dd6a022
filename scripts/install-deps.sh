#!/usr/bin/env bash
# Installs what helpers2rs needs to build and test, from Debian's packages.
# rustc comes with the machine image (~/.cargo/bin); Debian's is too old.
set -euo pipefail
packages=(clang-19 libclang-19-dev llvm-19-dev libclang-cpp19-dev
          nlohmann-json3-dev catch2 cmake ninja-build time python3
          linux-headers-amd64 bindgen libclang1-14 chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v rustc >/dev/null || {
  echo "install-deps: error: rustc not found (expected in ~/.cargo/bin)" >&2
  exit 1
}
