#include "common.h"

/* The zero flag of a lone cmpxchg is `after == before` of the accumulator
 * in Rust: negated, at byte width; an accumulator wider than the
 * instruction keeps setz (a 32-bit exchange leaves or clears the upper
 * half, so the comparison would not say ZF). */
int rust_helper_cmpxchg_failed(unsigned char *p, unsigned char old,
                               unsigned char new) {
  _Bool failed;
  asm volatile(LOCK_PREFIX "cmpxchgb %[new], %[ptr]"
               : "=@ccnz"(failed), [ptr] "+m"(*p), "+a"(old)
               : [new] "q"(new)
               : "memory");
  return failed * 1000 + old;
}
int rust_helper_cmpxchg_wide(int *p, long old, int new) {
  _Bool ok;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(ok), [ptr] "+m"(*p), "+a"(old)
               : [new] "r"(new)
               : "memory");
  return ok * 2 + (old >> 32 != 0);
}
