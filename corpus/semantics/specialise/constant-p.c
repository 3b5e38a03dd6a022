#include "common.h"

/* __builtin_constant_p of a parameter: C, after inlining, sees the
 * caller's constant; so does the copy specialised for it. */
static inline int scaled_if_constant(int n) {
  return __builtin_constant_p(n) ? n * 3 : -1;
}
int rust_helper_constant_p_known(void) { return scaled_if_constant(4); }
int rust_helper_constant_p_unknown(int v) { return scaled_if_constant(v); }
