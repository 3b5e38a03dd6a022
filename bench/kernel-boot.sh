#!/usr/bin/env bash
# The headline where the translation really lives: real kernels built with
# Rust, booted under QEMU with their Rust KUnit tests, with bindgen's helper
# declarations (the baseline: every helper a call into helpers.o) and with
# helpers2rs's translation (scripts/kbuild). A benchmark, not a test: it
# prints, per tree and configuration, the build time, the KUnit totals, the
# calls to rust_helper_* left in rust/kernel.o and in every Rust object,
# the helpers translated / shimmed / left to C, and vmlinux's text size.
#
#   bench/kernel-boot.sh [--out <dir>] [--bless-baseline] [<config>...]
#     <config>: <series>[-llvm|-llvmcalls]-<helpers>: 7.3-bindgen
#               7.3-helpers2rs 6.12-bindgen 6.12-helpers2rs (GCC),
#               7.3-llvm-bindgen (LLVM=-19, rustc 1.85 and
#               CONFIG_RUST_INLINE_HELPERS=y: the kernel's LTO route)
#               7.3-llvm-helpers2rs (the same toolchain, the translation
#               instead)
#               (default: these six); 7.3-llvmcalls-bindgen (the same
#               toolchain, helpers called: what the LTO route starts from);
#               7.2-bindgen 7.2-helpers2rs (Linux 7.2, GCC);
#               7.3-dist-bindgen 7.3-dist-helpers2rs (the kunitconfig plus
#               what Debian's amd64 config changes in the helpers' code: SMP,
#               MAXSMP, NUMA, paravirt, modules; booted with -smp 4),
#               7.3-distrt-bindgen 7.3-distrt-helpers2rs (the same from
#               Debian's rt-amd64: PREEMPT_RT),
#               7.3-distllvm-bindgen 7.3-distllvm-helpers2rs (the amd64
#               distribution configuration on the LTO route's toolchain),
#               7.3-arm64-bindgen 7.3-arm64-helpers2rs (arm64, GCC's cross
#               compiler, QEMU's cortex-a57: LL/SC atomics),
#               7.3-arm64max-bindgen 7.3-arm64max-helpers2rs (the same on
#               QEMU's max CPU, LSE atomics patched in, -smp 4),
#               7.3-arm64llvm-bindgen 7.3-arm64llvm-helpers2rs (arm64 on the
#               LTO route's toolchain, cortex-a57),
#               7.3-kasan-bindgen 7.3-kasan-helpers2rs (LLVM=-19 with rustc
#               1.96, where the LTO route is unavailable, and generic KASAN
#               with its KUnit suite), 7.3-kcsan-bindgen 7.3-kcsan-helpers2rs
#               (the same toolchain with KCSAN),
#               7.3-distlockdep-bindgen 7.3-distlockdep-helpers2rs (the amd64
#               distribution configuration with lockdep, atomic-sleep,
#               spinlock, mutex and object debugging),
#               7.3-distubsan-bindgen 7.3-distubsan-helpers2rs (the same
#               with UBSAN's bounds and shift checks and KFENCE),
#               7.3-arm64lockdep-bindgen 7.3-arm64lockdep-helpers2rs and
#               7.3-arm64ubsan-bindgen 7.3-arm64ubsan-helpers2rs (the arm64
#               configuration, cortex-a57, with those debug families),
#               7.3-allocprof-bindgen 7.3-allocprof-helpers2rs (the
#               kunitconfig with SMP and memory allocation profiling, on by
#               default, with its debug checks; -smp 2),
#               7.3-pkg-helpers2rs 7.3-distpkg-helpers2rs (the kunit and
#               distribution configurations through `make bindeb-pkg`: the
#               kernel and Rust modules of the linux-image package boot)
#
# --bless-baseline rewrites tests/kernel/kunit-<series>-gcc.baseline (and
# kunit-<series>-dist-<flavour>[-<debug family>]-gcc.baseline) from the GCC
# bindgen builds' KUnit results (review the diff). Builds go to
# <dir>/<config> (default out/kernels), reused by the next run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/out/kernels bless=no configs=()
while [ $# -gt 0 ]; do
  case "$1" in
  --out) out=$2; shift 2 ;;
  --bless-baseline) bless=yes; shift ;;
  -*) echo "kernel-boot: error: unknown option '$1'" >&2; exit 2 ;;
  *) configs+=("$1"); shift ;;
  esac
done
[ ${#configs[@]} -gt 0 ] || configs=(7.3-bindgen 7.3-helpers2rs 6.12-bindgen 6.12-helpers2rs
                                     7.3-llvm-bindgen 7.3-llvm-helpers2rs)
tool=$root/build/helpers2rs
[ -x "$tool" ] || "$root/scripts/build.sh"
for c in "${configs[@]}"; do
  series=${c%%-*} helpers=${c#*-} variant=()
  case "$helpers" in
  llvm-*) variant=(--llvm) helpers=${helpers#llvm-} ;;
  llvmcalls-*) variant=(--llvm-calls) helpers=${helpers#llvmcalls-} ;;
  dist-*) variant=(--distribution amd64) helpers=${helpers#dist-} ;;
  distrt-*) variant=(--distribution rt-amd64) helpers=${helpers#distrt-} ;;
  distllvm-*) variant=(--llvm --distribution amd64) helpers=${helpers#distllvm-} ;;
  arm64-*) variant=(--arm64 cortex-a57) helpers=${helpers#arm64-} ;;
  arm64max-*) variant=(--arm64 max) helpers=${helpers#arm64max-} ;;
  arm64llvm-*) variant=(--llvm --arm64 cortex-a57) helpers=${helpers#arm64llvm-} ;;
  kasan-*) variant=(--llvm-mismatch --kasan) helpers=${helpers#kasan-} ;;
  kcsan-*) variant=(--llvm-mismatch --kcsan) helpers=${helpers#kcsan-} ;;
  distlockdep-*) variant=(--debug lockdep --distribution amd64) helpers=${helpers#distlockdep-} ;;
  distubsan-*) variant=(--debug ubsan --distribution amd64) helpers=${helpers#distubsan-} ;;
  allocprof-*) variant=(--debug allocprof) helpers=${helpers#allocprof-} ;;
  arm64lockdep-*) variant=(--debug lockdep --arm64 cortex-a57) helpers=${helpers#arm64lockdep-} ;;
  arm64ubsan-*) variant=(--debug ubsan --arm64 cortex-a57) helpers=${helpers#arm64ubsan-} ;;
  pkg-*) variant=(--package) helpers=${helpers#pkg-} ;;
  distpkg-*) variant=(--distribution amd64 --package) helpers=${helpers#distpkg-} ;;
  esac
  "$root/scripts/kbuild/build-kernel.sh" "${variant[@]}" "$series" "$helpers" "$out/$c" "$tool"
  if [ "$bless" = yes ] && [ "$helpers" = bindgen ]; then
    case "${variant[*]}" in
    "") baseline=kunit-$series-gcc.baseline ;;
    "--distribution "*) baseline=kunit-$series-dist-${variant[1]}-gcc.baseline ;;
    "--debug "*" --distribution "*)
      baseline=kunit-$series-dist-${variant[3]}-${variant[1]}-gcc.baseline ;;
    "--arm64 "*) baseline=kunit-$series-arm64-gcc.baseline ;;
    *) baseline= ;;
    esac
    [ -z "$baseline" ] || python3 "$root/bench/kernel-boot-table.py" --baseline \
      "$out/$c/result.json" > "$root/tests/kernel/$baseline"
  fi
done
python3 "$root/bench/kernel-boot-table.py" "${configs[@]/#/$out/}"
