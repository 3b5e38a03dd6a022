#include "common.h"

/* `x = x` self-initialisation (paravirt's PVOP_CALL_ARGS idiom). */
int rust_helper_self_init(int v) {
  int x = x;
  x = v * 2;
  return x;
}
