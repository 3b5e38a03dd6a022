#!/usr/bin/env bash
# Prints the configured Debian headers tree of one kernel series, chosen by
# name, never "the newest installed": /usr/src/linux-headers-<series>.*-amd64.
#
#   kernel-headers-tree.sh 6.1     # linux-headers-amd64 on Debian 12
#   kernel-headers-tree.sh 6.12    # linux-headers-6.12.*-amd64
set -euo pipefail
series=$1
tree=$(ls -d /usr/src/linux-headers-"$series".*-amd64 2>/dev/null | sort -V | tail -n 1)
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || {
  echo "kernel-headers-tree: error: no configured linux-headers-$series.*-amd64 tree in /usr/src" >&2
  exit 1
}
echo "$tree"
