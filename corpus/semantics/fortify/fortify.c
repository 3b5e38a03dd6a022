/* The kernel's fortified string functions (include/linux/fortify-string.h):
 * inline definitions under the C library's own names whose bodies call
 * `__underlying_memcmp` and `__underlying_memchr`, which are the builtins.
 * Those calls are the C library's functions (not the inline ones), typed as
 * the translation unit declares them: with `__kernel_size_t`, which is not
 * `size_t` to the translation. */

typedef unsigned long __kernel_ulong_t;
typedef __kernel_ulong_t __kernel_size_t;

#define __underlying_memchr __builtin_memchr
#define __underlying_memcmp __builtin_memcmp
#define __FORTIFY_INLINE extern inline __attribute__((gnu_inline, always_inline, overloadable))
/* An overload of its own: Clang calls it where the C library's is declared. */
#define POS0 __attribute__((pass_object_size(0)))

extern void *memchr(const void *, int, __kernel_size_t);
extern int memcmp(const void *, const void *, __kernel_size_t);

__FORTIFY_INLINE void *memchr(const void *const POS0 p, int c, __kernel_size_t size) {
  return __underlying_memchr(p, c, size);
}
__FORTIFY_INLINE int memcmp(const void *const POS0 p, const void *const POS0 q, __kernel_size_t size) {
  return __underlying_memcmp(p, q, size);
}

/* Sizes below the test buffers' 256 bytes. */
long rust_helper_find_byte(const unsigned char *p, int c, unsigned char n) {
  const unsigned char *hit = memchr(p, c, n);
  return hit ? hit - p : -1;
}
int rust_helper_compare_bytes(const void *p, const void *q, unsigned char n) {
  int r = memcmp(p, q, n);
  return r < 0 ? -1 : r > 0;
}
