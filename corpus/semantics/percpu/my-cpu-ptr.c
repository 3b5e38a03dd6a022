/* difftest-cc: gcc */
#include "common.h"

/* The shape of __my_cpu_ptr(): the address of a plain variable cast into
 * the segment; the gs base is cpu1 - pc, so this reads cpu1's memory at
 * plain_slots' offset from pc. */
int rust_helper_read_through_cast(int i) {
  unsigned long delta = (unsigned long)&plain_slots[i & 3] -
                        (unsigned long)cpu1;
  return *(int __seg_gs *)((unsigned long)&pc + delta);
}
