/* Pointer arithmetic and differences, member access through nested,
 * anonymous and array members, unions, struct copies. */

#include <stddef.h>

struct inner {
  short lo;
  short hi;
};

struct outer {
  int id;
  struct inner in;
  union {
    unsigned int word;
    unsigned char bytes[4];
  };
  struct {
    long a;
    long b;
  } pair;
  int arr[6];
};

union number {
  long long whole;
  int halves[2];
  unsigned char raw[8];
};
