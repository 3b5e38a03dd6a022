/* difftest-cc: gcc */
#include "common.h"

/* per_cpu_ptr(): the variable's offset converted to a plain pointer and
 * moved by another CPU's offset, here cpu1's; no segment involved. */
int rust_helper_per_cpu_ptr(int i) {
  unsigned long offset = (unsigned long)cpu1 - (unsigned long)&pc;
  struct pcpu *p = (struct pcpu *)((unsigned long)(struct pcpu *)&pc + offset);
  return p->slots[i & 3] + (p == cpu1);
}
