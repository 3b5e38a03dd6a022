#include "common.h"

/* "i" naming a function: a `sym` operand, from a helper and from an inline. */
void h2r_asm_target(void) {}
static inline int target_address_matches(void) {
  void *p;
  asm("leaq %c1(%%rip), %0" : "=r"(p) : "i"(h2r_asm_target));
  return p == (void *)h2r_asm_target;
}
int rust_helper_sym_function(void) { return target_address_matches(); }
int rust_helper_sym_function_twice(void) { return 2 * target_address_matches(); }
