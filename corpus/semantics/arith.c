/* Integer arithmetic with the kernel's -fno-strict-overflow semantics:
 * signed + - * and negation wrap; / and % truncate toward zero; shifts. */
typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;

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

/* Division by zero and INT_MIN / -1 trap in C (x86 idiv), so the helpers
 * keep away from them the way kernel code does. */
s32 rust_helper_div_s32(s32 a, s32 b) {
  if (b == 0 || (b == -1 && a == (-2147483647 - 1)))
    return 0;
  return a / b;
}
s32 rust_helper_rem_s32(s32 a, s32 b) {
  if (b == 0 || b == -1)
    return 0;
  return a % b;
}
u64 rust_helper_div_u64(u64 a, u64 b) { return b ? a / b : 0; }
s8 rust_helper_div_s8(s8 a, s8 b) { return b ? a / b : 0; }

/* Shift counts are kept in range: out-of-range shifts are undefined in C. */
s32 rust_helper_shl_s32(s32 a, s32 n) { return a << (n & 31); }
s32 rust_helper_shr_s32(s32 a, s32 n) { return a >> (n & 31); }
u32 rust_helper_shr_u32(u32 a, u32 n) { return a >> (n & 31); }
u64 rust_helper_shl_u64(u64 a, u8 n) { return a << (n % 64); }
s32 rust_helper_shl_u8(u8 a, int n) { return a << (n & 15); }
u32 rust_helper_mix(u32 a, u32 b) { return (a ^ (b << 3)) | (a & ~b); }

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
