#include "common.h"

/* A global holding a function pointer is a variable, not a function: it is
 * read, tested against NULL and assigned as one (`rt_genid_bump_ipv6`'s
 * hook). Called with the hook both NULL and set. */
int (*h2r_hook)(int);
int h2r_hook_target(int x) { return x * 3 + 1; }
int rust_helper_hook_call(int sel, int x) {
  h2r_hook = (sel & 1) ? h2r_hook_target : 0;
  return h2r_hook ? h2r_hook(x) : -1;
}
int rust_helper_hook_is_set(void) { return h2r_hook != 0; }
