#include "common.h"

/* A variadic inline that never reads its variadic arguments (the kernel's
 * printf-format checkers, `__WARN_validate_printf(fmt, ...) { }`): its named
 * parameters only; arguments past them are evaluated for their effects. */
static inline __attribute__((format(printf, 2, 3))) int
checked_format(int bias, const char *fmt, ...) { return bias + (fmt != 0); }
int rust_helper_unread_varargs(int x, int *p) {
  return checked_format(x, "%d %d", x, (*p)++) + *p;
}
