#!/usr/bin/env bash
# Configures a kernel source tree for helpers2rs with clang-19: x86_64
# defconfig plus the subsystems whose helpers rust/helpers covers (DRM, PCI,
# networking, USB), then `make prepare modules_prepare`, so the tree can
# build rust/helpers as an out-of-tree module. Idempotent.
#
#   configure-kernel-tree.sh <srctree>
set -euo pipefail
tree=$(realpath "$1")
if [ -f "$tree/include/generated/autoconf.h" ] && [ -f "$tree/Module.symvers" ]; then
  exit 0
fi
make -s -C "$tree" CC=clang-19 x86_64_defconfig
"$tree/scripts/config" --file "$tree/.config" -e PCI -e NET -e USB -e DRM -e DRM_KMS_HELPER
make -s -C "$tree" CC=clang-19 olddefconfig
make -s -C "$tree" CC=clang-19 -j"$(nproc)" prepare modules_prepare
# Out-of-tree builds want the exported-symbol list; an empty one will do.
touch "$tree/Module.symvers"
