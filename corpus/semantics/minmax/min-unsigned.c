#include "common.h"

/* Unsigned against unsigned. */
unsigned int rust_helper_min_unsigned(unsigned int a, unsigned int b) {
  return min(a, b) * 2 + max(a, 3u);
}
