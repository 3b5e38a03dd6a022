#!/usr/bin/env bash
# Unpacks bookworm main's rustc-web 1.85 (built on LLVM 19, like clang-19:
# the kernel's CONFIG_RUST_INLINE_HELPERS needs that match) into a private
# prefix beside Debian's installed 1.96, which it cannot be installed next
# to, and prints the directory of its rustc, rustdoc and rustfmt. The .debs
# come from this machine's own apt (apt-get download: nothing is installed);
# the prefix is cached outside the clone, keyed by version.
#
#   rustc-1.85.sh [<cache-dir>]     (default: $H2R_CACHE or /var/cache/helpers2rs)
set -euo pipefail
version=1.85.0+dfsg3-1~deb12u3
cache=${1:-${H2R_CACHE:-/var/cache/helpers2rs}}
prefix="$cache/rustc-$version"
bin="$prefix/bin"
if [ -f "$prefix/.complete" ]; then
  echo "$bin"
  exit 0
fi
rm -rf "$prefix"
mkdir -p "$prefix/debs" "$bin"
(cd "$prefix/debs" && apt-get -q download rustc-web="$version" \
   rustfmt-web="$version" libstd-rust-web-dev="$version" \
   libstd-rust-web-1.85="$version" rust-web-src="$version" >&2)
for deb in "$prefix"/debs/*.deb; do dpkg-deb -x "$deb" "$prefix/root"; done
rm -rf "$prefix/debs"
# rustc finds its sysroot (and the kernel the library source) from its own
# path; only its shared libraries need naming.
for tool in rustc rustdoc rustfmt; do
  cat > "$bin/$tool" <<SH
#!/bin/sh
LD_LIBRARY_PATH="$prefix/root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$prefix/root/usr/bin/$tool" "\$@"
SH
  chmod 755 "$bin/$tool"
done
"$bin/rustc" --version --verbose | grep -qx 'LLVM version: 19.*' || {
  echo "rustc-1.85: error: the unpacked rustc is not built on LLVM 19" >&2; exit 1; }
touch "$prefix/.complete"
echo "$bin"
