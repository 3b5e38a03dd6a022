#include "common.h"

/* The C library's own names (bitmap_copy calls memcpy): the core operation
 * where there is one, else an ordinary call. */
void *memcpy(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
void *memchr(const void *, int, size_t);
struct h2r_words { unsigned long w[2]; };
void rust_helper_lib_copy(struct h2r_words *d, const struct h2r_words *s) {
  memcpy(d, s, sizeof(*d));
  memset(&d->w[1], 0x11, 3);
}
int rust_helper_lib_compare(const struct h2r_words *a, const struct h2r_words *b) {
  int r = memcmp(a, b, sizeof(*a));
  return r < 0 ? -1 : r > 0;
}
long rust_helper_lib_find(const struct h2r_words *a, int c) {
  const char *p = memchr(a, c, sizeof(*a));
  return p ? p - (const char *)a : -1;
}
