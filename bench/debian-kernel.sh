#!/usr/bin/env bash
# Debian's own Linux 7.3 kernels with Rust (linux-config-7.3: SMP, MAXSMP,
# paravirt, modules, PREEMPT_RT), built here with GCC and Debian's Rust,
# with bindgen's helper declarations or with helpers2rs's translation: the
# Rust side only (`make rust/` and every Rust object the configuration
# builds in or as a module, not vmlinux). A benchmark, not a test: it
# prints the helpers translated / shimmed / left to C and the calls to
# rust_helper_* left in each Rust object, and compiles every translated
# helper to machine code (scripts/kbuild/instantiate-helpers.py).
#
# With --vmlinux, the whole kernel too: vmlinux and bzImage, and each Rust
# module of its own (`obj-m`, QT2025's PHY driver in amd64) against it
# (modpost), then QEMU boots it with -smp 4 and loads and unloads those
# modules from an initramfs (scripts/kbuild/load-modules.py): the build
# time, and each module's load and unload. Not every C module: Debian's
# thousands take hours on two cores; a Rust module inside a C one
# (drm_panic_qr.o in drm.ko) is built as an object and counted, not loaded.
#
# With --rust-1.85, Rust is Debian's own kernel toolchain's: bookworm
# main's rustc 1.85 (Debian builds its 7.3 kernels with 1.85.1;
# scripts/toolchain/rustc-1.85.sh) in place of 1.96, in <flavour>-<helpers>-rust1.85:
# asm goto is then the asm_goto feature the series' rule enables.
#
#   bench/debian-kernel.sh [--out <dir>] [--vmlinux] [--rust-1.85] <flavour>-<helpers>...
#     <flavour>  amd64 | cloud-amd64 | rt-amd64 | arm64 | arm64-16k |
#                cloud-arm64 | rt-arm64 (scripts/kbuild/debian-config.sh says
#                what it changes and why); arm64's cross-compiled with
#                gcc-aarch64-linux-gnu, and --vmlinux is amd64's only
#     <helpers>  bindgen (the pristine tree) | helpers2rs (the tree with the
#                project's patch series, CONFIG_RUST_TRANSLATED_HELPERS=y,
#                build/helpers2rs)
#
# Each configuration builds in <dir>/<flavour>-<helpers> (default
# $H2R_CACHE/debian-7.3, outside the clone), reused by the next run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${H2R_CACHE:-/var/cache/helpers2rs}
out=$cache/debian-7.3 configs=() vmlinux=no rust185=no
while [ $# -gt 0 ]; do
  case "$1" in
  --out) out=$2; shift 2 ;;
  --vmlinux) vmlinux=yes; shift ;;
  --rust-1.85) rust185=yes; shift ;;
  -*) echo "debian-kernel: error: unknown option '$1'" >&2; exit 2 ;;
  *) configs+=("$1"); shift ;;
  esac
done
[ ${#configs[@]} -gt 0 ] || {
  echo "usage: debian-kernel.sh [--out <dir>] [--vmlinux] [--rust-1.85] <flavour>-<helpers>..." >&2; exit 2; }
. "$root/scripts/toolchain/rust-env.sh"
suffix=
if [ "$rust185" = yes ]; then
  rust=$("$root/scripts/toolchain/rustc-1.85.sh" "$cache")
  export RUSTC=$rust/rustc RUSTDOC=$rust/rustdoc RUSTFMT=$rust/rustfmt
  suffix=-rust1.85
fi
bindgen=$("$root/scripts/toolchain/build-bindgen.sh" "$cache")
tool=$root/build/helpers2rs
for config in "${configs[@]}"; do
  flavour=${config%-*} helpers=${config##*-}
  case "$flavour" in
  *arm64*)
    [ "$vmlinux" = no ] || {
      echo "debian-kernel: error: '$config': --vmlinux boots amd64 flavours only" >&2; exit 2; }
    make_opts=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- CC=aarch64-linux-gnu-gcc) ;;
  *) make_opts=(CC=gcc) ;;
  esac
  make_opts+=("RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
             "RUSTFMT=$RUSTFMT" "BINDGEN=$bindgen")
  [ "$rust185" = yes ] || make_opts+=("CLIPPY_DRIVER=$CLIPPY_DRIVER")
  case "$helpers" in
  bindgen) src=$("$root/scripts/kbuild/kernel-tree.sh" 7.3 "$cache") ;;
  helpers2rs)
    [ -x "$tool" ] || { echo "debian-kernel: error: $tool missing (scripts/build.sh)" >&2; exit 2; }
    src=$("$root/scripts/kbuild/kernel-tree.sh" 7.3 "$cache" --patched)
    make_opts+=("HELPERS2RS=$tool") ;;
  *) echo "debian-kernel: error: '$config': <helpers> is bindgen or helpers2rs" >&2; exit 2 ;;
  esac
  build=$out/$config$suffix
  mkdir -p "$build"
  build=$(realpath "$build")
  config_file=$build/debian.config
  "$root/scripts/kbuild/debian-config.sh" "$flavour" "$config_file.new"
  # A changed Debian configuration starts the build directory over.
  if ! cmp -s "$config_file.new" "$config_file"; then
    mv "$config_file.new" "$config_file"
    cp "$config_file" "$build/.config"
  else
    rm "$config_file.new"
  fi
  [ "$helpers" = bindgen ] ||
    "$src/scripts/config" --file "$build/.config" --enable RUST_TRANSLATED_HELPERS
  start=$(date +%s)
  log=$build/build.log
  (cd "$src" && make O="$build" "${make_opts[@]}" olddefconfig > "$log" 2>&1 &&
     make O="$build" -j"$(nproc)" "${make_opts[@]}" rust/ >> "$log" 2>&1) || {
    grep -E 'error|Error' "$log" | head -20 >&2
    echo "debian-kernel: error: building rust/ of $config failed; log: $log" >&2; exit 1; }
  [ "$helpers" = bindgen ] || grep -qx CONFIG_RUST_TRANSLATED_HELPERS=y "$build/.config" || {
    echo "debian-kernel: error: $config: Kconfig refused CONFIG_RUST_TRANSLATED_HELPERS" >&2; exit 1; }
  mapfile -t objects < <(python3 "$root/scripts/kbuild/rust-sources.py" "$src" "$build/.config")
  if [ ${#objects[@]} -gt 0 ]; then
    (cd "$src" && make O="$build" -j"$(nproc)" "${make_opts[@]}" "${objects[@]}" >> "$log" 2>&1) || {
      grep -E 'error|Error' "$log" | head -20 >&2
      echo "debian-kernel: error: building the Rust objects of $config failed; log: $log" >&2; exit 1; }
  fi
  seconds=$(( $(date +%s) - start ))
  python3 "$root/scripts/kbuild/rust-calls.py" "$config$suffix" "$build" "$seconds"
  # Only what the kernel's Rust uses of the translation is compiled above:
  # every helper to machine code, as its own check.
  [ "$helpers" = bindgen ] ||
    python3 "$root/scripts/kbuild/instantiate-helpers.py" "$build" "$build/helpers2rs-instances"
  [ "$vmlinux" = yes ] || continue
  start=$(date +%s)
  mapfile -t modules < <(python3 "$root/scripts/kbuild/rust-sources.py" --modules "$src" "$build/.config")
  (cd "$src" && make O="$build" -j"$(nproc)" "${make_opts[@]}" vmlinux bzImage >> "$log" 2>&1 &&
     { [ ${#modules[@]} -eq 0 ] ||
       make O="$build" -j"$(nproc)" "${make_opts[@]}" "${modules[@]}" >> "$log" 2>&1; }) || {
    grep -E 'error|Error' "$log" | head -20 >&2
    echo "debian-kernel: error: building vmlinux or the Rust modules of $config failed; log: $log" >&2
    exit 1; }
  echo "$config: vmlinux, bzImage and ${#modules[@]} Rust module(s) built in $(( $(date +%s) - start )) s"
  python3 "$root/scripts/kbuild/load-modules.py" "$build" "$build" --smp 4 "${modules[@]}"
done
