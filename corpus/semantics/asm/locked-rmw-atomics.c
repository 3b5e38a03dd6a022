#include "common.h"

/* One locked read-modify-write is core's atomic of the same operation; the
 * zero and sign flags of inc/dec/add/sub of a constant come from the new
 * value (GEN_UNARY_RMWcc / GEN_BINARY_RMWcc's shapes). */
int rust_helper_dec_and_test(int *v) {
  _Bool c;
  asm volatile(LOCK_PREFIX "decl %[var]"
               : [var] "+m"(*v), "=@cce"(c)
               :
               : "memory");
  return c * 1000 + *v;
}
int rust_helper_inc_and_sign(long *v) {
  _Bool neg, nonzero;
  asm volatile(LOCK_PREFIX "incq %[var]"
               : [var] "+m"(*v), "=@ccs"(neg), "=@ccnz"(nonzero)
               :
               : "memory");
  return neg * 10 + nonzero;
}
int rust_helper_sub_const_and_test(unsigned short *v) {
  int c;
  asm volatile(LOCK_PREFIX "subw %[val], %[var]"
               : [var] "+m"(*v), "=@ccns"(c)
               : [val] "er"((unsigned short)300)
               : "memory");
  return c * 100000 + *v;
}
