#include "common.h"

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __unqual_scalar_typeof(x)                                             \
  typeof(_Generic((x), char: (char)0, unsigned char: (unsigned char)0,        \
                  signed char: (signed char)0, short: (short)0,               \
                  unsigned short: (unsigned short)0, int: (int)0,             \
                  unsigned int: (unsigned int)0, long: (long)0,               \
                  unsigned long: (unsigned long)0, default: (x)))
#define READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define min(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a < _b ? _a : _b; })
#define BUILD_BUG_ON(c) ((void)sizeof(char[1 - 2 * !!(c)]))
#define is_signed_type(t) (((t)(-1)) < (t)1)

extern void __bad_size(void) __attribute__((error("bad size")));
#define SIZED_ADD(p, v)                                                       \
  do {                                                                        \
    switch (sizeof(*(p))) {                                                   \
    case 4: *(p) += (v); break;                                               \
    case 8: *(p) += 2 * (v); break;                                           \
    default: __bad_size();                                                    \
    }                                                                         \
  } while (0)

int rust_helper_generic(long x) {
  return _Generic(x, int: 1, long: 2, default: 3) * 10 +
         _Generic((char)x, char: 4, default: 5);
}
int rust_helper_typeof_generic(const volatile unsigned int *p) { return READ_ONCE(*p) + 1; }
int rust_helper_types_compatible(int a, long b) {
  return __same_type(a, b) * 100 + __same_type(a, int) * 10 + is_signed_type(unsigned int);
}
int rust_helper_choose(int x) { return __builtin_choose_expr(sizeof(long) == 8, x * 2, x * 3); }
long rust_helper_auto_type(int a, long b) { __auto_type s = a + b; typeof(s) t = s * 2; return t + sizeof(s); }
int rust_helper_min(int a, int b) { return min(a, b) + min(b, 7); }
int rust_helper_stmt_expr_scope(int x) {
  int y = ({ int x2 = x * 2; int r = x2 + 1; r; });
  int z = ({ int y2 = y; y2 > 10 ? y2 : 10; });
  return y + z;
}
int rust_helper_build_bug(int x) {
  _Static_assert(sizeof(int) == 4, "int");
  BUILD_BUG_ON(sizeof(long) != 8);
  return x + 1;
}
long rust_helper_sized_add(long *p, int v) { SIZED_ADD(p, v); return *p; }
int rust_helper_constant_p(int x) {
  if (__builtin_constant_p(x) && x > 100)
    __bad_size();
  return __builtin_constant_p(7) + __builtin_constant_p(x) + x;
}
int rust_helper_bitcounts(unsigned int x, unsigned long long y) {
  int r = __builtin_popcount(x) + __builtin_popcountll(y) * 3 + __builtin_parity(x) * 5 +
          __builtin_ffs((int)x) * 7 + __builtin_ffsll((long long)y) * 11;
  if (x)
    r += __builtin_ctz(x) * 13 + __builtin_clz(x) * 17;
  if (y)
    r += __builtin_ctzll(y) * 19 + __builtin_clzll(y) * 23;
  return r;
}
unsigned long long rust_helper_bswap(unsigned short a, unsigned int b, unsigned long long c) {
  return __builtin_bswap16(a) + __builtin_bswap32(b) + __builtin_bswap64(c);
}
int rust_helper_add_overflow(int a, int b, int *out) { return __builtin_add_overflow(a, b, out); }
int rust_helper_mul_overflow_mixed(long a, unsigned int b, short *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_sub_overflow_unsigned(unsigned long a, long b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
int rust_helper_umull(unsigned long a, unsigned long b, unsigned long *out) { return __builtin_umull_overflow(a, b, out); }
long rust_helper_smul_same(long a, long b, long *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_usub_same(unsigned int a, unsigned int b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
