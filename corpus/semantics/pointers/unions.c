#include "common.h"

/* Unions: type punning through members, a local union. */
int rust_helper_union_pun(union number *u) { u->halves[0] ^= 0x55; return u->raw[0] + u->raw[7]; }
long long rust_helper_union_local(int a, int b) {
  union number n;
  n.halves[0] = a;
  n.halves[1] = b;
  return n.whole;
}
