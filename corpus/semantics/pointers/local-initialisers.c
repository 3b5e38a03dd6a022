#include "common.h"

/* Local records and arrays with designated initialisers. */
int rust_helper_local_struct(int a, int b) {
  struct outer o = { .id = a, .in = { .lo = 1, .hi = 2 }, .arr = { [2] = 7 } };
  o.pair.b = b;
  return o.id + o.in.hi + o.arr[2] + (int)o.pair.b + o.arr[0];
}
int rust_helper_local_array(int i) {
  int a[5] = { 1, 2, 3 };
  a[4] = i;
  return a[i & 3] + a[4];
}
