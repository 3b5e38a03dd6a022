#include "common.h"

/* "m" places at a constant offset from a pointer: the pointer in a
 * register, the offset in the template (`12(%rdi)`), as GCC addresses them. */
int rust_helper_memory_displacement(struct counters *s, int add) {
  int v;
  asm volatile(LOCK_PREFIX "addl %1, %0" : "+m"(s->b[1]) : "ir"(add) : "memory");
  asm("movl %1, %0" : "=r"(v) : "m"(s->b[2]));
  return v + s->b[1];
}
