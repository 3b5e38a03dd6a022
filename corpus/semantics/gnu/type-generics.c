#include "common.h"

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __unqual_scalar_typeof(x)                                             \
  typeof(_Generic((x), char: (char)0, unsigned char: (unsigned char)0,        \
                  signed char: (signed char)0, short: (short)0,               \
                  unsigned short: (unsigned short)0, int: (int)0,             \
                  unsigned int: (unsigned int)0, long: (long)0,               \
                  unsigned long: (unsigned long)0, default: (x)))
#define READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))

#define is_signed_type(t) (((t)(-1)) < (t)1)

/* _Generic, typeof and type compatibility, decided at translation time. */
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
