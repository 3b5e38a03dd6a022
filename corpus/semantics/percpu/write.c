/* difftest-cc: gcc */
#include "common.h"

/* A write lands in cpu1, read back as plain memory. */
long rust_helper_write_a(long v) {
  pc.a = v;
  return cpu1->a;
}
int rust_helper_write_f(int v) {
  pc.f = v;
  return cpu1->f;
}
