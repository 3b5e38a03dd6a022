#include "common.h"

/* A locked cmpxchg whose zero flag is an output is core's compare_exchange;
 * the kernel's try_cmpxchg shape: signed values, the memory through an
 * unsigned volatile pointer, *old written only on failure, in a loop. */
static inline _Bool try_cmpxchg(int *v, int *oldp, int new) {
  _Bool success;
  volatile unsigned int *ptr = (volatile unsigned int *)v;
  int old = *oldp;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(success), [ptr] "+m"(*ptr), [old] "+a"(old)
               : [new] "r"(new)
               : "memory");
  if (!success)
    *oldp = old;
  return success;
}
int rust_helper_dec_if_positive(int *v) {
  int c = *v, dec;
  do {
    dec = c - 1;
    if (dec < 0)
      break;
  } while (!try_cmpxchg(v, &c, dec));
  return dec * 10 + c;
}
int rust_helper_try_cmpxchg_once(int *v, int old, int new) {
  int seen = old;
  return try_cmpxchg(v, &seen, new) * 1000 + seen;
}
