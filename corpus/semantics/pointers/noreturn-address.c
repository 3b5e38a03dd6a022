#include "common.h"

/* The address of a noreturn function: `-> !` in Rust, a pointer returning
 * void in C. */
void h2r_never(void) __attribute__((noreturn));
void h2r_never(void) { __builtin_trap(); }
typedef void (*h2r_handler_t)(void);
h2r_handler_t rust_helper_never_handler(int a) { return a ? h2r_never : 0; }
