#!/usr/bin/env bash
# Installs what helpers2rs needs to build, test and build real kernels, all
# from Debian's packages:
#  - the tool: clang-19 and LibTooling, nlohmann/json, Catch2, CMake;
#  - Rust: bookworm-security's rustc-web family (1.96, /usr/bin, rust-src
#    where the kernel looks), never a toolchain in ~/.cargo/bin;
#  - kernels: 6.1's configured headers (the corpus), Linux 6.12's source and
#    its configured headers (the embedded default), GCC and the kernel's
#    build tools, QEMU to boot them, lld-19 and libclang 19; the arm64
#    cross compiler and QEMU's arm64 system emulator; what `make bindeb-pkg`'s
#    package declares it builds with (debhelper, libdw-dev, rsync);
#  - bindgen 0.71.1, which the kernel needs, built from Debian's crate
#    sources (scripts/toolchain/build-bindgen.sh, cached outside the clone);
#  - Debian's bindgen 0.60 and libclang 14, still used by the 6.1 corpus test
#    and the naming test (docs/design.md says where).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packages=(clang-19 libclang-19-dev llvm-19-dev libclang-cpp19-dev libclang1-19
          lld-19 nlohmann-json3-dev catch2 cmake ninja-build time python3
          binutils chromium csmith libcsmith-dev
          rustc-web cargo-web rust-web-src libstd-rust-web-dev rustfmt-web
          rust-web-clippy
          linux-headers-amd64 linux-source-6.12 bindgen libclang1-14
          gcc make bc flex bison libelf-dev libssl-dev cpio dwarves kmod
          qemu-system-x86 xz-utils dpkg-dev man-db
          debhelper libdw-dev rsync
          gcc-aarch64-linux-gnu qemu-system-arm qemu-user)
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
. "$here/toolchain/rust-env.sh"
"$here/toolchain/build-bindgen.sh" >/dev/null
