#include "common.h"

/* kmalloc_array's shape: size_t operands, the product into a local. */
size_t rust_helper_array_bytes(size_t n, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes))
    return 0;
  return bytes;
}
int rust_helper_memops(struct nested *d, struct nested *s) {
  __builtin_memcpy(d, s, sizeof(*d) / 2);
  __builtin_memset(&d->bytes, 0x5a, 2);
  __builtin_memmove(&d->p[1], &d->p[0], sizeof(d->p[0]));
  return __builtin_memcmp(d, s, sizeof(*d)) != 0;
}
unsigned long rust_helper_object_size(struct pair *p) {
  return __builtin_object_size(p, 0) + __builtin_object_size(p, 2) +
         __builtin_dynamic_object_size(p, 1);
}
int rust_helper_hints(int *p) {
  int *q = __builtin_assume_aligned(p, 4);
  __builtin_prefetch(q);
  return __builtin_expect(*q, 0);
}
int rust_helper_compound_literal(int x) {
  struct pair p = (struct pair){ .b = x, .a = x + 1 };
  int v = ((struct pair){ 3, 4 }).b;
  return p.a * 100 + p.b + v + (int){ 9 };
}
long rust_helper_designated(int x) {
  struct nested n = { .p = { [1] = { .b = x }, [0].a = 2 }, .l = -1, .bytes = { [3] = 7 } };
  return n.p[0].a + n.p[1].b + n.l + n.bytes[3] + n.p[0].b;
}
int rust_helper_flex(struct flex *f, int i) { return f->data[i & 15] + (int)sizeof(struct flex) + f->tag; }
