#!/usr/bin/env bash
# Builds the bindgen the kernel asks for (0.71.1, Linux 7.3's minimum) from
# Debian's own crate sources, offline, and prints the binary's path.
#
# Debian 12 ships bindgen 0.60 only, and trixie's binary needs a newer glibc;
# trixie's arch-independent librust-*-dev packages (crate sources) are
# fetched through a private sources list, unpacked without installing, and
# built with Debian's cargo against them as a `directory` registry. The
# result is cached outside the clone, keyed by version: a second run only
# checks it.
#
#   build-bindgen.sh [<cache-dir>]     (default: $H2R_CACHE or /var/cache/helpers2rs)
set -euo pipefail
version=0.71.1
cache=${1:-${H2R_CACHE:-/var/cache/helpers2rs}}
here=$(cd "$(dirname "$0")" && pwd)
prefix="$cache/bindgen-$version"
bin="$prefix/bin/bindgen"
libclang=$(ls -d /usr/lib/llvm-19/lib 2>/dev/null) || {
  echo "build-bindgen: error: libclang 19 missing (install libclang1-19)" >&2; exit 1; }
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -qx "bindgen $version"; then
  echo "$bin"
  exit 0
fi
cargo=/usr/bin/cargo
[ -x "$cargo" ] || {
  echo "build-bindgen: error: $cargo missing (install cargo-web)" >&2; exit 1; }

work="$prefix/work"
rm -rf "$work"
mkdir -p "$work/debs" "$work/root" "$work/cli/src"
apt="$here/private-apt.sh trixie $cache/apt-trixie"
mapfile -t crates < <($apt apt-cache depends --recurse --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances \
    librust-bindgen-dev librust-env-logger-dev librust-log-dev |
  grep -E '^ *(Depends: )?librust-[a-z0-9+.-]*-dev$' | sed 's/.*: //; s/^ *//' | sort -u)
[ ${#crates[@]} -gt 10 ] || {
  echo "build-bindgen: error: trixie lists too few librust-*-dev packages (${#crates[@]})" >&2
  exit 1; }
(cd "$work/debs" && $apt apt-get download "${crates[@]}" >&2)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done

# The CLI is bindgen's own `builder_from_flags` (feature __cli) behind a main;
# the bindgen-cli source package is not in Debian.
cat > "$work/cli/Cargo.toml" <<TOML
[package]
name = "bindgen-cli"
version = "$version"
edition = "2021"

[[bin]]
name = "bindgen"
path = "src/main.rs"

[dependencies]
bindgen = { version = "=$version", default-features = false, features = ["__cli", "runtime", "logging", "prettyplease", "experimental"] }
env_logger = "*"
log = "*"
TOML
cat > "$work/cli/src/main.rs" <<'RS'
use std::env;
use std::process::exit;

fn main() {
    env_logger::init();
    match bindgen::builder_from_flags(env::args()) {
        Ok((builder, output, _verbose)) => match builder.generate() {
            Ok(bindings) => {
                if let Err(e) = bindings.write(output) {
                    eprintln!("bindgen: unable to write output: {e}");
                    exit(1);
                }
            }
            Err(e) => {
                eprintln!("bindgen: unable to generate bindings: {e}");
                exit(1);
            }
        },
        Err(e) => {
            eprintln!("{e}");
            exit(1);
        }
    }
}
RS
mkdir -p "$work/cli/.cargo"
cat > "$work/cli/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "$work/root/usr/share/cargo/registry"
TOML
(cd "$work/cli" && CARGO_HOME="$work/cargo-home" RUSTC=/usr/bin/rustc \
  "$cargo" build --release --offline -q >&2)
mkdir -p "$prefix/bin"
# libclang is loaded at run time (feature runtime): name Debian's 19.
cat > "$bin.new" <<SH
#!/bin/sh
LIBCLANG_PATH=\${LIBCLANG_PATH:-$libclang} exec "$prefix/bin/bindgen-$version" "\$@"
SH
install -m 755 "$work/cli/target/release/bindgen" "$prefix/bin/bindgen-$version"
chmod 755 "$bin.new"
mv "$bin.new" "$bin"
"$bin" --version | grep -qx "bindgen $version" || {
  echo "build-bindgen: error: the built bindgen does not say 'bindgen $version'" >&2; exit 1; }
rm -rf "$work"
echo "$bin"
