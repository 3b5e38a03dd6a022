/* The kernel's min(): a BUILD_BUG_ON checks the operands' signedness, and
 * a signed constant operand passes only because GCC, once it has
 * propagated the constant into min()'s local, answers
 * `__builtin_constant_p((long long)ux >= 0)` with 1 (statically_true()).
 * With MAXSMP, nodemask's `min(MAX_NUMNODES, find_first_bit(...))` is
 * that case; the check must be dead in the translation too. */

#define __compiletime_assert(condition, msg, prefix, suffix)                  \
  do {                                                                        \
    __attribute__((__noreturn__)) extern void prefix##suffix(void)            \
        __attribute__((__error__(msg)));                                      \
    if (!(condition))                                                         \
      prefix##suffix();                                                       \
  } while (0)
#define _compiletime_assert(c, msg, prefix, suffix)                           \
  __compiletime_assert(c, msg, prefix, suffix)
#define compiletime_assert(c, msg)                                            \
  _compiletime_assert(c, msg, __compiletime_assert_, __COUNTER__)
#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)
#define statically_true(x) (__builtin_constant_p(x) && (x))
#define is_signed_type(type) (((type)(-1)) < (type)1)
#define __is_nonneg(ux) statically_true((long long)(ux) >= 0)
#define __sign_use(ux)                                                        \
  (is_signed_type(typeof(ux)) ? (2 + __is_nonneg(ux))                         \
                              : (1 + 2 * (sizeof(ux) < 4)))
#define __types_ok(ux, uy) (__sign_use(ux) & __sign_use(uy))
#define __cmp(op, x, y) ((x)op(y) ? (x) : (y))
#define __careful_cmp(op, x, y)                                               \
  ({                                                                          \
    __auto_type ux = (x);                                                     \
    __auto_type uy = (y);                                                     \
    BUILD_BUG_ON_MSG(!__types_ok(ux, uy), "signedness error");                \
    __cmp(op, ux, uy);                                                        \
  })
#define min(x, y) __careful_cmp(<, x, y)
#define max(x, y) __careful_cmp(>, x, y)
