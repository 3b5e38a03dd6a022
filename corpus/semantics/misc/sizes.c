#include "common.h"

/* sizeof, _Alignof and offsetof. */
unsigned long rust_helper_sizes(void) {
  return sizeof(struct layout) * 10000 + _Alignof(struct layout) * 1000 +
         offsetof(struct layout, s) * 10 + offsetof(struct layout, tail);
}
unsigned long rust_helper_sizeof_expr(int x) { return sizeof(x) + sizeof(struct ops) * x; }
