#!/usr/bin/env bash
# Builds a real kernel with Rust and boots it with its Rust KUnit tests, the
# way a Rust-for-Linux maintainer would (tools/testing/kunit/kunit.py under
# QEMU), with the C helpers as bindgen declares them or as helpers2rs
# translates them, and writes <out-dir>/result.json: build time, KUnit
# totals, calls to rust_helper_* left in rust/kernel.o and in every Rust
# object, warnings (rustc, objtool), text size, and the translation report.
#
#   build-kernel.sh [--llvm | --llvm-calls | --llvm-mismatch | --mutant] [--kasan | --kcsan]
#                   [--debug <family>] [--distribution <flavour>] [--arm64 <cpu>]
#                   [--package] <series> <helpers> <out-dir> [<helpers2rs>]
#     <series>   7.3 | 7.2 | 6.12
#     <helpers>  bindgen (the tree as it is) | helpers2rs (a hard-linked copy
#                of the tree with the project's patch series applied,
#                kernel/patches/<series>, and CONFIG_RUST_TRANSLATED_HELPERS=y,
#                with its differential suite, CONFIG_RUST_TRANSLATED_HELPERS_KUNIT_TEST=y)
#     --llvm     the kernel's LTO route: LLVM=-19 with bookworm main's rustc
#                1.85 (LLVM 19 too, scripts/toolchain/rustc-1.85.sh) and, for
#                bindgen, CONFIG_RUST_INLINE_HELPERS=y (7.x only); helpers2rs
#                translates on that toolchain instead (the options exclude
#                each other)
#     --llvm-calls the same toolchain without CONFIG_RUST_INLINE_HELPERS: Rust
#                calls the C helpers (what the LTO route starts from)
#     --llvm-mismatch  LLVM=-19 with Debian's rustc 1.96 (LLVM 22): a clang
#                kernel whose LLVM is not rustc's, where Kconfig refuses
#                CONFIG_RUST_INLINE_HELPERS (asked for it, kunit.py stops:
#                "Missing: CONFIG_RUST_INLINE_HELPERS=y")
#     --kasan    the kunitconfig plus generic KASAN (outline) and its KUnit
#                suite: Rust with KASAN needs clang, so with --llvm-mismatch
#                (or --llvm)
#     --kcsan    the kunitconfig plus KCSAN (helpers.o's accesses checked
#                for data races)
#     --debug <family>  the debug options maintainers and CI systems boot
#                with: lockdep (PROVE_LOCKING, DEBUG_ATOMIC_SLEEP,
#                DEBUG_SPINLOCK, DEBUG_MUTEXES, DEBUG_OBJECTS), ubsan (UBSAN
#                with its bounds and shift checks, KFENCE) or allocprof
#                (SMP and memory allocation profiling with its debug checks,
#                on by default: the allocation helpers' tags; `-smp 2`)
#     --distribution <flavour>  (7.3) the kunitconfig plus the options of
#                Debian's <flavour> config (amd64, rt-amd64) that change the
#                helpers' code (SMP, MAXSMP, NUMA, paravirt, modules, hardening:
#                distribution-kunitconfig.py), booted with `-smp 4`, and
#                booted again to load and unload its Rust modules
#                (load-modules.py)
#     --arm64 <cpu>  (7.3) the kunitconfig for arm64, cross-compiled (GCC's
#                aarch64-linux-gnu-, or clang with --llvm) and booted on QEMU's `virt` with CPU
#                <cpu>: cortex-a57 (ARMv8.0: LL/SC atomics) or max (LSE
#                patched in at boot; with `-smp 4`)
#     --package  (x86_64) a distribution's build: after the build, `make
#                bindeb-pkg` with the same options makes linux-image and
#                linux-headers packages (<out-dir>/*.deb), and the kernel
#                and Rust modules unpacked from linux-image are what boots
#     --mutant   (helpers2rs) builds, then changes the translation by hand
#                (tests/kernel/mutate-translation.py), builds and boots that:
#                the differential suite must fail exactly the changed helpers
#                (tests/kernel/check-mutant.py); only that suite runs. The
#                changed file is removed afterwards, so the next build
#                translates again.
#
# By default GCC builds the C side (CC=gcc) and Debian's Rust (/usr/bin) the
# Rust side; bindgen 0.71.1 from scripts/toolchain/build-bindgen.sh either
# way. Source trees are cached in $H2R_CACHE (default /var/cache/helpers2rs),
# keyed by series; the build directory is <out-dir>/build, reused by the
# next run (kbuild rebuilds what changed).
set -euo pipefail
toolchain=gcc mutant=no distribution=
case "${1:-}" in
--llvm) toolchain=llvm; shift ;;
--llvm-calls) toolchain=llvm-calls; shift ;;
--llvm-mismatch) toolchain=llvm-mismatch; shift ;;
--mutant) mutant=yes; shift ;;
esac
sanitizer=none
case "${1:-}" in
--kasan) sanitizer=kasan; shift ;;
--kcsan) sanitizer=kcsan; shift ;;
esac
debug=
if [ "${1:-}" = --debug ]; then
  debug=$2
  shift 2
fi
if [ "${1:-}" = --distribution ]; then
  distribution=$2
  shift 2
fi
arch=x86_64 cpu=
if [ "${1:-}" = --arm64 ]; then
  arch=arm64 cpu=$2
  shift 2
fi
package=no
if [ "${1:-}" = --package ]; then
  package=yes
  shift
fi
[ "$package" = no ] || [ "$arch" = x86_64 ] || {
  echo "build-kernel: error: --package boots x86_64 packages only" >&2; exit 2; }
series=$1 helpers=$2 out=$3 tool=${4:-}
[ "$mutant" = no ] || [ "$helpers" = helpers2rs ] || {
  echo "build-kernel: error: --mutant changes a translation: helpers2rs only" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/scripts/kbuild
cache=${H2R_CACHE:-/var/cache/helpers2rs}
. "$root/scripts/toolchain/rust-env.sh"
case "$helpers" in
bindgen) ;;
helpers2rs)
  [ -x "$tool" ] || { echo "build-kernel: error: helpers2rs binary '$tool' not found" >&2; exit 2; }
  tool=$(realpath "$tool") ;;
*) echo "build-kernel: error: <helpers> is bindgen or helpers2rs, not '$helpers'" >&2; exit 2 ;;
esac
bindgen=$("$root/scripts/toolchain/build-bindgen.sh" "$cache")
if [ "$helpers" = helpers2rs ]; then
  src=$("$root/scripts/kbuild/kernel-tree.sh" "$series" "$cache" --patched)
else
  src=$("$root/scripts/kbuild/kernel-tree.sh" "$series" "$cache")
fi
mkdir -p "$out"
out=$(realpath "$out")
build=$out/build
kconfig_add=()
case "$toolchain" in
gcc)
  make_opts=(CC=gcc "RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
             "RUSTFMT=$RUSTFMT" "CLIPPY_DRIVER=$CLIPPY_DRIVER" "BINDGEN=$bindgen") ;;
llvm | llvm-calls)
  # One Rust in the build: 1.85's rustc, rustdoc and rustfmt, for kbuild and
  # for helpers2rs's own rustfmt run alike.
  rust185=$("$root/scripts/toolchain/rustc-1.85.sh" "$cache")
  export RUSTC=$rust185/rustc RUSTDOC=$rust185/rustdoc RUSTFMT=$rust185/rustfmt
  make_opts=(LLVM=-19 "RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
             "RUSTFMT=$RUSTFMT" "BINDGEN=$bindgen")
  [ "$toolchain" = llvm ] && [ "$helpers" = bindgen ] &&
    kconfig_add=(--kconfig_add CONFIG_EXPERT=y --kconfig_add CONFIG_RUST_INLINE_HELPERS=y) ;;
llvm-mismatch)
  make_opts=(LLVM=-19 "RUSTC=$RUSTC" "HOSTRUSTC=$RUSTC" "RUSTDOC=$RUSTDOC"
             "RUSTFMT=$RUSTFMT" "CLIPPY_DRIVER=$CLIPPY_DRIVER" "BINDGEN=$bindgen") ;;
esac
# With KASAN's KUnit interface (and its own suite, which needs tracepoints):
# the differential suite counts KASAN's reports (emitter/KunitKasanCases.h).
case "$sanitizer" in
none) ;;
kasan) kconfig_add+=(--kconfig_add CONFIG_KASAN=y --kconfig_add CONFIG_KASAN_GENERIC=y
       --kconfig_add CONFIG_KASAN_OUTLINE=y --kconfig_add CONFIG_KASAN_KUNIT_TEST=y
       # Its suite counts reports on the console's tracepoint.
       --kconfig_add CONFIG_FTRACE=y --kconfig_add CONFIG_ENABLE_DEFAULT_TRACERS=y) ;;
kcsan) kconfig_add+=(--kconfig_add CONFIG_DEBUG_KERNEL=y --kconfig_add CONFIG_KCSAN=y) ;;
esac
case "$debug" in
"") ;;
lockdep)
  # DEBUG_KERNEL: the kunitconfigs lack it, Debian's configs have it.
  for o in DEBUG_KERNEL PROVE_LOCKING DEBUG_ATOMIC_SLEEP DEBUG_SPINLOCK DEBUG_MUTEXES \
           DEBUG_OBJECTS; do
    kconfig_add+=(--kconfig_add "CONFIG_$o=y")
  done ;;
ubsan)
  for o in UBSAN UBSAN_BOUNDS UBSAN_SHIFT KFENCE; do
    kconfig_add+=(--kconfig_add "CONFIG_$o=y")
  done ;;
allocprof)
  # SMP: an allocation tag's counters are per-CPU data.
  for o in SMP MEM_ALLOC_PROFILING MEM_ALLOC_PROFILING_ENABLED_BY_DEFAULT \
           MEM_ALLOC_PROFILING_DEBUG; do
    kconfig_add+=(--kconfig_add "CONFIG_$o=y")
  done ;;
*) echo "build-kernel: error: --debug takes lockdep, ubsan or allocprof, not '$debug'" >&2
   exit 2 ;;
esac
if [ "$helpers" = helpers2rs ]; then
  # Kconfig finds the tool (HELPERS2RS_VERSION) as it finds pahole.
  make_opts+=("HELPERS2RS=$tool")
  kconfig_add+=(--kconfig_add CONFIG_RUST_TRANSLATED_HELPERS=y
                --kconfig_add CONFIG_RUST_TRANSLATED_HELPERS_KUNIT_TEST=y)
fi
arch_opts=(--arch="$arch")
if [ "$arch" = arm64 ] && [ "$toolchain" = gcc ]; then
  # The last CC= on make's command line wins: the cross compiler. Clang
  # (LLVM=-19) needs none: ARCH=arm64 gives it its --target.
  make_opts+=(CROSS_COMPILE=aarch64-linux-gnu- CC=aarch64-linux-gnu-gcc)
  arch_opts+=(--cross_compile=aarch64-linux-gnu-)
fi
kunit=("$src/tools/testing/kunit/kunit.py")
kunitconfig=$here/rust-$series.kunitconfig
smp=1 qemu=()
if [ -n "$distribution" ]; then
  "$root/scripts/kbuild/debian-config.sh" "$distribution" "$out/debian.config"
  python3 "$here/distribution-kunitconfig.py" "$out/debian.config" "$kunitconfig" \
    "$out/distribution.kunitconfig"
  kunitconfig=$out/distribution.kunitconfig
  smp=4 qemu=(--qemu_args "-smp $smp")
fi
if [ "$debug" = allocprof ] && [ -z "$distribution" ]; then
  smp=2 qemu=(--qemu_args "-smp $smp")
fi
if [ -n "$cpu" ]; then
  [ "$cpu" = max ] && smp=4
  qemu=(--qemu_args "-cpu $cpu -smp $smp")
fi
common=("${arch_opts[@]}" --build_dir="$build" --kunitconfig="$kunitconfig")
kopts=()
for o in "${make_opts[@]}"; do kopts+=(--make_options "$o"); done

cd "$src"
start=$(date +%s)
python3 "${kunit[@]}" config "${common[@]}" "${kopts[@]}" "${kconfig_add[@]}" > "$out/config.log" 2>&1 || {
  cat "$out/config.log" >&2; echo "build-kernel: error: configuring $series failed" >&2; exit 1; }
if ! make ARCH="$arch" O="$build" -j"$(nproc)" "${make_opts[@]}" > "$out/build.log" 2>&1; then
  grep -E 'error|Error' "$out/build.log" | head -40 >&2
  echo "build-kernel: error: building $series ($helpers) failed; log: $out/build.log" >&2
  exit 1
fi
if [ "$mutant" = yes ]; then
  generated=$build/rust/bindings/bindings_helpers_generated.rs
  changed=$(python3 "$root/tests/kernel/mutate-translation.py" "$generated")
  trap 'rm -f "$generated"' EXIT
  make ARCH="$arch" O="$build" -j"$(nproc)" "${make_opts[@]}" > "$out/build-mutant.log" 2>&1 || {
    echo "build-kernel: error: building the changed translation failed; log: $out/build-mutant.log" >&2
    exit 1; }
fi
build_seconds=$(( $(date +%s) - start ))
boot_build=$build modules_from=()
rm -rf "$out/package" "$out/package-boot"
if [ "$package" = yes ]; then
  # dpkg-buildpackage runs debian/rules' make, which gets these options
  # through MAKEFLAGS: the packages hold this build.
  rm -f "$out"/*.deb
  make ARCH="$arch" O="$build" -j"$(nproc)" "${make_opts[@]}" bindeb-pkg \
    > "$out/package.log" 2>&1 || {
    tail -20 "$out/package.log" >&2
    echo "build-kernel: error: make bindeb-pkg failed; log: $out/package.log" >&2; exit 1; }
  release=$(cat "$build/include/config/kernel.release")
  dpkg-deb -x "$(ls "$out"/linux-image-"$release"_*.deb)" "$out/package"
  # kunit.py boots <build dir>/arch/x86/boot/bzImage: one whose image is
  # the package's.
  boot_build=$out/package-boot
  mkdir -p "$boot_build/arch/x86/boot"
  cp "$build/.config" "$boot_build/"
  ln -s "$out/package/boot/vmlinuz-$release" "$boot_build/arch/x86/boot/bzImage"
  modules_from=(--kernel "$out/package/boot/vmlinuz-$release"
                --modules-from "$out/package/lib/modules/$release")
fi
# kunit.py asks QEMU for KVM, which hangs here: the wrapper drops it.
# A changed translation runs the differential suite alone: the kernel's own
# Rust tests would use the wrong helpers too (a spin_lock that unlocks leaves
# a doctest's thread in atomic context), and a crash there hides the suite.
suites=()
[ "$mutant" = no ] || suites=(helpers2rs_differential)
PATH="$here:$PATH" python3 "${kunit[@]}" exec "${arch_opts[@]}" --build_dir="$boot_build" \
  --kunitconfig="$kunitconfig" "${qemu[@]}" --timeout=600 \
  --json="$out/kunit.json" "${suites[@]}" > "$out/kunit.log" 2>&1 || true
# A kernel with modules boots once more to load its Rust modules.
rm -f "$out/modules.json"
if grep -qx CONFIG_MODULES=y "$build/.config"; then
  python3 "$here/load-modules.py" "$build" "$out" --smp "$smp" "${modules_from[@]}" \
    > "$out/load-modules.txt" 2>&1 || {
    cat "$out/load-modules.txt" >&2; echo "build-kernel: error: booting the modules failed" >&2; exit 1; }
fi
python3 "$here/kernel-result.py" "$series" "$toolchain" "$helpers" "$src" "$build" "$out" \
  "$build_seconds" $distribution > "$out/result.json"
python3 - "$out/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
k = r["kunit"]
print("%s %s %s: built in %d s; KUnit %d passed, %d failed, %d skipped; "
      "rust_helper_* calls: kernel.o %d, all Rust objects %d; warnings: "
      "rustc %d, objtool %d" % (
          r["series"], r["toolchain"], r["helpers"], r["build_seconds"], k["passed"], k["failed"],
          k["skipped"], r["calls"]["kernel_o"]["call_sites"],
          r["calls"]["rust_objects"]["call_sites"], r["warnings"]["rustc"],
          r["warnings"]["objtool"]))
PY
if [ "$mutant" = yes ]; then
  python3 "$root/tests/kernel/check-mutant.py" "$out/result.json" $changed
fi
