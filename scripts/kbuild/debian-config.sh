#!/usr/bin/env bash
# Writes Debian's own kernel configuration of one flavour of Linux 7.3
# (the package linux-config-7.3 from trixie-backports, fetched through the
# private sources list and cached outside the clone, never stored by hand),
# changed only where this machine cannot build what Debian builds:
#
#   DEBUG_INFO_BTF, DEBUG_INFO_BTF_MODULES  off: BTF needs a pahole that
#       understands Rust's DWARF, which Debian 12's dwarves does not;
#   DEBUG_INFO_NONE instead of DWARF 5: no BTF to feed, and a much smaller
#       build on two cores;
#   MODULE_SIG off, SYSTEM_TRUSTED_KEYS, SYSTEM_REVOCATION_KEYS and
#       MODULE_SIG_KEY empty: Debian's certificates and signing key are not
#       here.
#
# Everything else (SMP, MAXSMP, paravirt, PREEMPT_RT, modules, hardening)
# is Debian's; `make olddefconfig` with this machine's GCC and Rust settles
# what depends on the compilers.
#
#   debian-config.sh <flavour> <out-file>
#     <flavour>  amd64 | cloud-amd64 | rt-amd64 | arm64 | arm64-16k |
#                cloud-arm64 | rt-arm64
set -euo pipefail
flavour=${1:-} out=${2:-}
[ -n "$flavour" ] && [ -n "$out" ] || {
  echo "usage: debian-config.sh <flavour> <out-file>" >&2; exit 2; }
case "$flavour" in
amd64 | cloud-amd64 | rt-amd64) arch=amd64 ;;
arm64 | arm64-16k | cloud-arm64 | rt-arm64) arch=arm64 ;;
*) echo "debian-config: error: unknown flavour '$flavour'" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
package=linux-config-7.3
dir="$cache/$package-$arch"
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$dir" && "$root/scripts/toolchain/private-apt.sh" --arch "$arch" \
     trixie-backports "$cache/apt-trixie-backports-$arch" apt-get \
     download "$package:$arch" >&2)
  dpkg-deb -x "$dir"/"${package}"_*.deb "$dir/deb"
  touch "$dir/.complete"
fi
src="$dir/deb/usr/src/$package/config.${arch}_none_$flavour.xz"
[ -f "$src" ] || { echo "debian-config: error: $src missing" >&2; exit 1; }
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
xzcat "$src" > "$tmp"
tree=$("$root/scripts/kbuild/kernel-tree.sh" 7.3 "$cache")
"$tree/scripts/config" --file "$tmp" \
  -d DEBUG_INFO_BTF -d DEBUG_INFO_BTF_MODULES \
  -d DEBUG_INFO_DWARF5 -d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT -e DEBUG_INFO_NONE \
  -d MODULE_SIG --set-str MODULE_SIG_KEY "" \
  --set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS ""
mv "$tmp" "$out"
trap - EXIT
