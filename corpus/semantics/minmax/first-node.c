#include "common.h"

#define MAX_NUMNODES (1 << 10)

/* nodemask.h's __first_node() under MAXSMP: a signed constant against an
 * unsigned long. */
unsigned long rust_helper_first_node(unsigned long found) {
  return min(MAX_NUMNODES, found);
}
