/* Function pointers, static locals, enums, sizeof/_Alignof/offsetof,
 * volatile loads and stores. */

#include <stddef.h>

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

typedef int (*binop_t)(int, int);

struct ops {
  binop_t op;
  int bias;
};

enum color { RED, GREEN = 5, BLUE, NEGATIVE = -3 };

struct layout {
  char c;
  long l;
  short s;
  int tail[];
};
