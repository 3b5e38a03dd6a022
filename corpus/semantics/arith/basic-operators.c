#include "common.h"

static inline s32 add_s32(s32 a, s32 b) { return a + b; }
static inline s32 mul_s32(s32 a, s32 b) { return a * b; }

s8 rust_helper_add_s8(s8 a, s8 b) { return a + b; }
u8 rust_helper_sub_u8(u8 a, u8 b) { return a - b; }
s16 rust_helper_mul_s16(s16 a, s16 b) { return a * b; }
u16 rust_helper_mul_u16(u16 a, u16 b) { return a * b; }
s32 rust_helper_add_s32(s32 a, s32 b) { return add_s32(a, b); }
s32 rust_helper_sub_s32(s32 a, s32 b) { return a - b; }
s32 rust_helper_mul_s32(s32 a, s32 b) { return mul_s32(a, b); }
u32 rust_helper_add_u32(u32 a, u32 b) { return a + b; }
s64 rust_helper_mul_s64(s64 a, s64 b) { return a * b; }
u64 rust_helper_sub_u64(u64 a, u64 b) { return a - b; }
long rust_helper_add_long(long a, long b) { return a + b; }

s32 rust_helper_neg_s32(s32 a) { return -a; }
s8 rust_helper_neg_s8(s8 a) { return -a; }
s64 rust_helper_neg_s64(s64 a) { return -a; }
u32 rust_helper_neg_u32(u32 a) { return -a; }
u8 rust_helper_not_u8(u8 a) { return ~a; }
s32 rust_helper_plus_u8(u8 a) { return +a; }
