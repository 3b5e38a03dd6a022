#include "common.h"

/* Shift counts are kept in range: out-of-range shifts are undefined in C. */
s32 rust_helper_shl_s32(s32 a, s32 n) { return a << (n & 31); }
s32 rust_helper_shr_s32(s32 a, s32 n) { return a >> (n & 31); }
u32 rust_helper_shr_u32(u32 a, u32 n) { return a >> (n & 31); }
u64 rust_helper_shl_u64(u64 a, u8 n) { return a << (n % 64); }
s32 rust_helper_shl_u8(u8 a, int n) { return a << (n & 15); }
u32 rust_helper_mix(u32 a, u32 b) { return (a ^ (b << 3)) | (a & ~b); }
