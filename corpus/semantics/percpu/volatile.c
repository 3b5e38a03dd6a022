/* difftest-cc: gcc */
#include "common.h"

/* this_cpu_read(): a volatile read, and a volatile write. */
int rust_helper_read_volatile(int v) {
  *(volatile int __seg_gs *)&counter = v;
  return *(volatile int __seg_gs *)&counter + *cpu1_counter;
}
