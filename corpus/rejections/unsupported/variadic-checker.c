#include "common.h"

/* A variadic inline that never reads its arguments translates without
 * them; its address, a variadic pointer, has no such form. */
static inline void check_format(const char *fmt, ...) { (void)fmt; }
typedef void (*format_checker)(const char *, ...);
format_checker rust_helper_checker_address(void) { return check_format; } /* expect-fallback: variadic-function */
