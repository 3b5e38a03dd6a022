#include "common.h"

/* An "m" place in a global (this_cpu_read's `"m"(pcpu_hot.cpu_number)`):
 * the global as a `sym` operand, `sym+8(%rip)`. */
struct counters global_counters = {5, {6, 7, 8, 9}, 10};
int rust_helper_global_memory(int add) {
  int v;
  global_counters.b[0] = 6;
  asm volatile("addl %1, %0" : "+m"(global_counters.b[0]) : "r"(add) : "memory");
  asm("movl %1, %0" : "=r"(v) : "m"(global_counters.b[0]));
  return v;
}
