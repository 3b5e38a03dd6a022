#include "common.h"

/* Statement expressions and compile-time checks: min(), BUILD_BUG_ON, a
 * switch on sizeof whose other cases call an error function,
 * __builtin_constant_p. */
int rust_helper_min(int a, int b) { return min(a, b) + min(b, 7); }
int rust_helper_stmt_expr_scope(int x) {
  int y = ({ int x2 = x * 2; int r = x2 + 1; r; });
  int z = ({ int y2 = y; y2 > 10 ? y2 : 10; });
  return y + z;
}
int rust_helper_build_bug(int x) {
  _Static_assert(sizeof(int) == 4, "int");
  BUILD_BUG_ON(sizeof(long) != 8);
  return x + 1;
}
long rust_helper_sized_add(long *p, int v) { SIZED_ADD(p, v); return *p; }
int rust_helper_constant_p(int x) {
  if (__builtin_constant_p(x) && x > 100)
    __bad_size();
  return __builtin_constant_p(7) + __builtin_constant_p(x) + x;
}
