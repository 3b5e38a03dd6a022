#!/usr/bin/env bash
# Configures a kernel source tree for helpers2rs with clang-19: x86_64
# defconfig plus the subsystems whose helpers rust/helpers covers (DRM, PCI
# with MSI, networking, USB, LSM hooks, cpufreq, dma-buf), then `make
# prepare modules_prepare`, so the tree can build rust/helpers as an
# external module. Helpers behind CONFIG_RUST_* options stay out: Rust
# itself cannot be enabled without a bindgen the tree accepts (7.3 wants
# 0.71, Debian has 0.60). Idempotent: a stamp records the options applied.
#
#   configure-kernel-tree.sh <srctree>
set -euo pipefail
tree=$(realpath "$1")
options=(PCI PCI_MSI NET USB DRM DRM_KMS_HELPER DRM_GEM_SHMEM_HELPER SECURITY
         CPU_FREQ DMA_SHARED_BUFFER GPU_BUDDY)
stamp="$tree/.helpers2rs-config"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${options[*]}" ]; then
  exit 0
fi
make -s -C "$tree" CC=clang-19 x86_64_defconfig
for o in "${options[@]}"; do
  "$tree/scripts/config" --file "$tree/.config" -e "$o"
done
make -s -C "$tree" CC=clang-19 olddefconfig
make -s -C "$tree" CC=clang-19 -j"$(nproc)" prepare modules_prepare
# External modules want the exported-symbol list; an empty one will do.
touch "$tree/Module.symvers"
echo "${options[*]}" > "$stamp"
