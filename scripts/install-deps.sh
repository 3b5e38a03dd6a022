#!/usr/bin/env bash
# Installs what helpers2rs needs to build and test, from Debian's packages.
# rustc comes with the machine image (~/.cargo/bin); Debian's is too old.
set -euo pipefail
# Kernels: 6.1's configured headers (the corpus), and Linux 6.12, the
# embedded default: its source (for rust/) and the headers of that very
# release, configured by Debian.
packages=(clang-19 libclang-19-dev llvm-19-dev libclang-cpp19-dev
          nlohmann-json3-dev catch2 cmake ninja-build time python3 binutils
          linux-headers-amd64 linux-source-6.12 bindgen libclang1-14 chromium
          csmith libcsmith-dev)
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      echo "$p"
  done
}
install() {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}
mapfile -t todo < <(missing "${packages[@]}")
updated=no
if [ ${#todo[@]} -gt 0 ]; then
  $sudo apt-get update -q
  updated=yes
  install "${todo[@]}"
fi
# linux-source-6.12 6.12.117-1~deb12u1 goes with linux-headers-6.12.117+deb12-amd64.
version=$(dpkg-query -W -f='${Version}' linux-source-6.12)
headers="linux-headers-${version%%-*}+$(sed -n 's/.*~\(deb[0-9]*\).*/\1/p' <<< "$version")-amd64"
if [ -n "$(missing "$headers")" ]; then
  [ "$updated" = yes ] || $sudo apt-get update -q
  install "$headers"
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v rustc >/dev/null || {
  echo "install-deps: error: rustc not found (expected in ~/.cargo/bin)" >&2
  exit 1
}
