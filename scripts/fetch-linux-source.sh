#!/usr/bin/env bash
# Fetches a Debian linux-source package from a suite this machine's apt does
# not list (Linux 7.3 is in trixie-backports), through a private sources
# list (scripts/toolchain/private-apt.sh), and unpacks its tarball under
# <out-dir>. The system's apt configuration is not touched.
#
#   fetch-linux-source.sh <package> <suite> <out-dir>
#   e.g. fetch-linux-source.sh linux-source-7.3 trixie-backports /var/tmp/linux-7.3
#
# Prints the unpacked source tree's path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package=$1 suite=$2 out=$3
mkdir -p "$out"
out=$(realpath "$out")
tree="$out/linux-source-${package#linux-source-}"
if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree" "$out/deb"
  (cd "$out" && "$here/toolchain/private-apt.sh" "$suite" "$out/apt" \
     apt-get download "$package" >&2)
  deb=$(ls "$out"/"$package"_*.deb | head -n 1)
  mkdir -p "$out/deb"
  dpkg-deb -x "$deb" "$out/deb"
  tarball=$(ls "$out"/deb/usr/src/"$package".tar.* | head -n 1)
  tar -C "$out" -xf "$tarball"
  rm -rf "$out/deb" "$deb"
  touch "$tree/.complete"
fi
echo "$tree"
