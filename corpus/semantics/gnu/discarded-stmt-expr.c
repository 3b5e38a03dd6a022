#include "common.h"

/* A statement expression whose value is discarded keeps its side effects,
 * an `asm volatile` included (WARN_ON(x); in an inline function). */
static inline int warn_like(int *flag, int x) {
  ({ int r = !!x; if (r) asm volatile("movl $7, %0" : "=m"(*flag)); r; });
  (void)({ if (x > 1) asm volatile("addl $1, %0" : "+m"(*flag)); 0; });
  return 0;
}

int rust_helper_stmt_expr_effects(int *flag, int x) {
  return warn_like(flag, x) + *flag;
}
