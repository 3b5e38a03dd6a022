#include "common.h"

/* An "i" operand computed from a parameter. */
static inline long add_immediate(long v, int n) {
  long r;
  asm("leaq %c2(%1), %0" : "=r"(r) : "r"(v), "i"(n * 2 + 1));
  return r;
}
long rust_helper_add_11(long v) { return add_immediate(v, 5); }
long rust_helper_add_both(long v) { return add_immediate(v, 5) + add_immediate(v, -3); }
