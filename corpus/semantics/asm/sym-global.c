#include "common.h"

/* A global reached only as an asm `sym` operand is still declared (it was
 * pruned as unused: E0425). */
int asm_sym_target = 5;
static inline long asm_sym_address(void) {
  long r;
  asm("leaq %c1(%%rip), %0" : "=r"(r) : "i"(&asm_sym_target));
  return r;
}
int rust_helper_asm_sym_only(int x) { return *(int *)asm_sym_address() + x; }
