#include "common.h"

/* Typedef sugar through function pointers: `size_t` stays `usize` in a
 * member's parameter list and in a function used as a pointer. */
struct h2r_sender { int (*send)(void *, size_t); };
static int count_send(void *p, size_t n) { return (int)n + (p != 0); }
int rust_helper_send_through_member(size_t n) {
  struct h2r_sender s = { count_send };
  return s.send(0, n);
}
static inline size_t twice_size(size_t n) { return 2 * n; }
static inline size_t apply_size(size_t (*f)(size_t), size_t v) { return f(v); }
size_t rust_helper_apply_twice(size_t v) { return apply_size(twice_size, v); }
