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

#define MAX_NUMNODES (1 << 10)

/* nodemask.h's __first_node() under MAXSMP: a signed constant against an
 * unsigned long. */
unsigned long rust_helper_first_node(unsigned long found) {
  return min(MAX_NUMNODES, found);
}
/* Two signed operands pass whatever their values. */
long rust_helper_min_signed(long v) { return min(-3, v) + max(v, 7); }
/* Unsigned against unsigned. */
unsigned int rust_helper_min_unsigned(unsigned int a, unsigned int b) {
  return min(a, b) * 2 + max(a, 3u);
}
/* statically_true() on a local that is written is not decided: 0, as C
 * says out of line. */
int rust_helper_written_local(int v) {
  int k = 4;
  if (v > 0)
    k = v;
  return statically_true(k > 2) * 10 + k;
}
/* A local an asm output writes is not its initialiser's constant: the
 * condition on it is decided at run time (arch_local_save_flags()'s
 * `flags` after `pushf; pop`). */
int rust_helper_asm_written_local(int v) {
  unsigned long word = 0;
  asm("movq %1, %0" : "=r"(word) : "r"((unsigned long)v));
  if (word & 1)
    return 1;
  return statically_true(word == 0) * 10 + (word == 0);
}
