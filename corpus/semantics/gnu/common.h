/* GNU C and Clang extensions the kernel headers rely on, resolved at
 * translation time or translated. */

#include <stddef.h>

#define min(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a < _b ? _a : _b; })
#define BUILD_BUG_ON(c) ((void)sizeof(char[1 - 2 * !!(c)]))

extern void __bad_size(void) __attribute__((error("bad size")));
#define SIZED_ADD(p, v)                                                       \
  do {                                                                        \
    switch (sizeof(*(p))) {                                                   \
    case 4: *(p) += (v); break;                                               \
    case 8: *(p) += 2 * (v); break;                                           \
    default: __bad_size();                                                    \
    }                                                                         \
  } while (0)

struct flex {
  int n;
  short tag;
  unsigned char data[] __attribute__((counted_by(n)));
};
struct pair { int a, b; };
struct nested { struct pair p[2]; long l; unsigned char bytes[4]; };
