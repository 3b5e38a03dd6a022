#include "common.h"

/* The address of a global plus a member's offset, through two calls. */
struct h2r_pair { long a, b; } h2r_pair;
static inline bool is_address(long *p) {
  long *r;
  asm("leaq %c1(%%rip), %0" : "=r"(r) : "i"(p));
  return r == p;
}
static inline bool second_is_address(struct h2r_pair *p) { return is_address(&p->b); }
bool rust_helper_member_address(void) { return second_is_address(&h2r_pair); }
