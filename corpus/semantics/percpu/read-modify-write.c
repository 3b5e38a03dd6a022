/* difftest-cc: gcc */
#include "common.h"

/* A read-modify-write of a byte, a word and a pointer-sized value. */
long rust_helper_add_a(long v) {
  pc.a = 5;
  pc.slots[1] = 20;
  pc.a += v;
  pc.slots[1] -= (short)v;
  return cpu1->a * 3 + cpu1->slots[1];
}
