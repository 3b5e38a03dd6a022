#!/usr/bin/env bash
# Runs apt-get or apt-cache against a Debian suite this machine's apt does
# not list (trixie, trixie-backports, ...), without touching the system's apt
# configuration: a private sources list points this machine's own Debian
# mirror (read from its apt configuration) at that suite, with lists and
# package cache under <state-dir>. The first call per state dir updates it.
# With --arch, the list is that architecture's (arm64's linux-config-7.3 on
# an amd64 machine), not the machine's own.
#
#   private-apt.sh [--arch <arch>] <suite> <state-dir> apt-get|apt-cache <args>...
#   e.g. private-apt.sh trixie /var/cache/helpers2rs/apt-trixie apt-get download librust-bindgen-dev
set -euo pipefail
arch=$(dpkg --print-architecture)
if [ "${1:-}" = --arch ]; then arch=$2; shift 2; fi
suite=$1 state=$2 cmd=$3
shift 3
case "$cmd" in apt-get|apt-cache) ;; *)
  echo "private-apt: error: '$cmd' is neither apt-get nor apt-cache" >&2; exit 2 ;;
esac
mirror=$(
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }'
    cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
      awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }'
  } | grep -v -e security -e '^$' | grep '/debian/\?$' | head -n 1)
[ -n "$mirror" ] || {
  echo "private-apt: error: no Debian mirror in this machine's apt configuration" >&2
  exit 1
}
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
state=$(realpath "$state")
echo "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
  > "$state/sources.list.new"
opts=(-o Dir::Etc::sourcelist="$state/sources.list" -o Dir::Etc::sourceparts=-
      -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache"
      -o Dir::State::status=/dev/null -o APT::Get::List-Cleanup=0
      -o APT::Sandbox::User=root -o APT::Architecture="$arch"
      -o APT::Architectures="$arch")
if ! cmp -s "$state/sources.list.new" "$state/sources.list" ||
   [ ! -f "$state/lists/.updated" ]; then
  mv "$state/sources.list.new" "$state/sources.list"
  apt-get -q "${opts[@]}" update >&2
  touch "$state/lists/.updated"
fi
rm -f "$state/sources.list.new"
exec "$cmd" -q "${opts[@]}" "$@"
