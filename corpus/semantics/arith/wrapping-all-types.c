#include "common.h"

/* Wrapping + - * and negation for every integer type, char included. */
#define WRAPPING(T, N)                                                        \
  T rust_helper_wadd_##N(T a, T b) { return a + b; }                         \
  T rust_helper_wsub_##N(T a, T b) { return a - b; }                         \
  T rust_helper_wmul_##N(T a, T b) { return a * b; }                         \
  T rust_helper_wneg_##N(T a) { return -a; }
WRAPPING(char, char)
WRAPPING(s8, s8)
WRAPPING(u8, u8)
WRAPPING(s16, s16)
WRAPPING(u16, u16)
WRAPPING(s32, s32)
WRAPPING(u32, u32)
WRAPPING(long, long)
WRAPPING(unsigned long, ulong)
WRAPPING(s64, s64)
WRAPPING(u64, u64)
