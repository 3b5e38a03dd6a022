#!/usr/bin/env bash
# Fetches a Debian linux-source package from a suite this machine's apt does
# not list (Linux 7.3 is in trixie-backports), without touching the system's
# apt configuration: a private sources list points this machine's own Debian
# mirror (read from its apt configuration) at that suite, and `apt-get
# download` fetches the .deb, whose tarball is unpacked under <out-dir>.
#
#   fetch-linux-source.sh <package> <suite> <out-dir>
#   e.g. fetch-linux-source.sh linux-source-7.3 trixie-backports /var/tmp/linux-7.3
#
# Prints the unpacked source tree's path.
set -euo pipefail
package=$1 suite=$2 out=$3
mkdir -p "$out"
out=$(realpath "$out")

# The mirror this machine already uses for Debian's main archive.
mirror=$(
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }'
    cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
      awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }'
  } | grep -v -e security -e '^$' | grep '/debian/\?$' | head -n 1)
[ -n "$mirror" ] || {
  echo "fetch-linux-source: error: no Debian mirror in this machine's apt configuration" >&2
  exit 1
}

tree="$out/linux-source-${package#linux-source-}"
if [ ! -d "$tree" ]; then
  apt_dir="$out/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
    > "$apt_dir/sources.list"
  apt_opts=(-o Dir::Etc::sourcelist="$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
            -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
            -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root)
  apt-get -q "${apt_opts[@]}" update >&2
  (cd "$out" && apt-get -q "${apt_opts[@]}" download "$package" >&2)
  deb=$(ls "$out"/"$package"_*.deb | head -n 1)
  mkdir -p "$out/deb"
  dpkg-deb -x "$deb" "$out/deb"
  tarball=$(ls "$out"/deb/usr/src/"$package".tar.* | head -n 1)
  tar -C "$out" -xf "$tarball"
  rm -rf "$out/deb" "$deb"
fi
echo "$tree"
