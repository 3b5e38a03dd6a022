#include "common.h"

static inline int xadd(int *p, int i) {
  asm volatile(LOCK_PREFIX "xaddl %0, %1" : "+r"(i), "+m"(*p) : : "memory");
  return i;
}
int rust_helper_lock_xadd(int *p, int i) { return xadd(p, i) + *p; }

_Bool rust_helper_cmpxchg(int *p, int old, int new) {
  _Bool ok;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(ok), [ptr] "+m"(*p), "+a"(old)
               : [new] "r"(new)
               : "memory");
  return ok;
}
