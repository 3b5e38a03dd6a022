/* difftest-cc: gcc */
#include "common.h"

/* A memory operand in the segment takes the %gs: override, what
 * percpu_add_op()'s "+m" does. The plain accesses are volatile: C may
 * assume the segment's memory and plain memory never alias. */
static inline void percpu_add(int v) {
  asm volatile("addl %1, %0" : "+m"(counter) : "ri"(v));
}
int rust_helper_asm_add(int v) {
  *(volatile int *)cpu1_counter = 1000;
  percpu_add(v);
  return *(volatile int *)cpu1_counter;
}
