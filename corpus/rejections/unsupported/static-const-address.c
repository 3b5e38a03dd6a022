#include "common.h"

/* A file-scope static const is its value when read; its address is not. */
static const int shift_amount = 3;
const int *rust_helper_static_const_address(void) { return &shift_amount; } /* expect-fallback: static-global */
int rust_helper_fine(int x) { return x + 1; }                /* expect-translated */
