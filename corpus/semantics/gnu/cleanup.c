#include "common.h"

/* __attribute__((cleanup)): runs at every exit of the variable's scope,
 * after a return value is computed. */
static void release(int **pp) { if (*pp) (**pp) += 2; }
int rust_helper_cleanup(int *p, int n) {
  int *guard __attribute__((cleanup(release))) = p;
  for (int i = 0; i < (n & 7); i++) {
    int *inner __attribute__((cleanup(release))) = p + 1;
    if (i == 3)
      break;
    if (i == 1)
      continue;
    p[2]++;
  }
  if (n & 8)
    return p[0] * 10;
  return p[1];
}
