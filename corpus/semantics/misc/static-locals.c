#include "common.h"

/* Static locals. */
int rust_helper_counter(int step) {
  static int total;
  total += step;
  return total;
}
int rust_helper_two_statics(int x) {
  static int calls = 100;
  static unsigned char wrap;
  calls++;
  wrap += x;
  return calls * 1000 + wrap;
}
