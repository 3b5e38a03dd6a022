#include "common.h"

/* statically_true() on a local that is written is not decided: 0, as C
 * says out of line. */
int rust_helper_written_local(int v) {
  int k = 4;
  if (v > 0)
    k = v;
  return statically_true(k > 2) * 10 + k;
}
