#include "common.h"

/* __free(): DEFINE_FREE's cleanup takes `void *` and is called with the
 * address of a typed pointer, which C converts. */
static inline void h2r_free_count(void *p) {
  int *q = *(int **)p;
  if (q)
    *q += 10;
}
int rust_helper_free_guard(int *p, int n) {
  int *owned __attribute__((cleanup(h2r_free_count))) = (n & 1) ? p : 0;
  if (n > 3)
    return n;
  return n + 1;
}
