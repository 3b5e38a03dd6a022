#include "common.h"

/* A variable operand with a flag output stays asm. */
int rust_helper_sub_var_and_test(int *v, int i) {
  _Bool c;
  asm volatile(LOCK_PREFIX "subl %[val], %[var]"
               : [var] "+m"(*v), "=@cce"(c)
               : [val] "er"(i)
               : "memory");
  return c * 1000 + *v;
}
long rust_helper_lock_logic(unsigned long *p, unsigned long m) {
  asm volatile(LOCK_PREFIX "orq %1, %0" : "+m"(p[0]) : "er"(m) : "memory");
  asm volatile(LOCK_PREFIX "andq %1, %0" : "+m"(p[1]) : "er"(~m) : "memory");
  asm volatile(LOCK_PREFIX "xorb %1, %0" : "+m"(*(unsigned char *)&p[2]) : "iq"((unsigned char)0x5a) : "memory");
  asm volatile(LOCK_PREFIX "addl %1, %0" : "+m"(*(int *)&p[3]) : "ir"((int)m) : "memory");
  return p[0] ^ p[1] ^ p[2] ^ p[3];
}
