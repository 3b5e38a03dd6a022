/* GNU C and Clang extensions the kernel headers rely on, resolved at
 * translation time or translated. */

#include <stddef.h>

struct flex {
  int n;
  short tag;
  unsigned char data[] __attribute__((counted_by(n)));
};
struct pair { int a, b; };
struct nested { struct pair p[2]; long l; unsigned char bytes[4]; };
