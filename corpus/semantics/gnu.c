/* GNU C and Clang extensions the kernel headers rely on, resolved at
 * translation time or translated. */
#include <stddef.h>

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __unqual_scalar_typeof(x)                                             \
  typeof(_Generic((x), char: (char)0, unsigned char: (unsigned char)0,        \
                  signed char: (signed char)0, short: (short)0,               \
                  unsigned short: (unsigned short)0, int: (int)0,             \
                  unsigned int: (unsigned int)0, long: (long)0,               \
                  unsigned long: (unsigned long)0, default: (x)))
#define READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define min(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a < _b ? _a : _b; })
#define BUILD_BUG_ON(c) ((void)sizeof(char[1 - 2 * !!(c)]))
#define is_signed_type(t) (((t)(-1)) < (t)1)

extern void __bad_size(void) __attribute__((error("bad size")));
#define SIZED_ADD(p, v)                                                       \
  do {                                                                        \
    switch (sizeof(*(p))) {                                                   \
    case 4: *(p) += (v); break;                                               \
    case 8: *(p) += 2 * (v); break;                                           \
    default: __bad_size();                                                    \
    }                                                                         \
  } while (0)

struct flex {
  int n;
  short tag;
  unsigned char data[] __attribute__((counted_by(n)));
};
struct pair { int a, b; };
struct nested { struct pair p[2]; long l; unsigned char bytes[4]; };

int rust_helper_generic(long x) {
  return _Generic(x, int: 1, long: 2, default: 3) * 10 +
         _Generic((char)x, char: 4, default: 5);
}
int rust_helper_typeof_generic(const volatile unsigned int *p) { return READ_ONCE(*p) + 1; }
int rust_helper_types_compatible(int a, long b) {
  return __same_type(a, b) * 100 + __same_type(a, int) * 10 + is_signed_type(unsigned int);
}
int rust_helper_choose(int x) { return __builtin_choose_expr(sizeof(long) == 8, x * 2, x * 3); }
long rust_helper_auto_type(int a, long b) { __auto_type s = a + b; typeof(s) t = s * 2; return t + sizeof(s); }
int rust_helper_min(int a, int b) { return min(a, b) + min(b, 7); }
int rust_helper_stmt_expr_scope(int x) {
  int y = ({ int x2 = x * 2; int r = x2 + 1; r; });
  int z = ({ int y2 = y; y2 > 10 ? y2 : 10; });
  return y + z;
}
int rust_helper_build_bug(int x) {
  _Static_assert(sizeof(int) == 4, "int");
  BUILD_BUG_ON(sizeof(long) != 8);
  return x + 1;
}
long rust_helper_sized_add(long *p, int v) { SIZED_ADD(p, v); return *p; }
int rust_helper_constant_p(int x) {
  if (__builtin_constant_p(x) && x > 100)
    __bad_size();
  return __builtin_constant_p(7) + __builtin_constant_p(x) + x;
}
int rust_helper_bitcounts(unsigned int x, unsigned long long y) {
  int r = __builtin_popcount(x) + __builtin_popcountll(y) * 3 + __builtin_parity(x) * 5 +
          __builtin_ffs((int)x) * 7 + __builtin_ffsll((long long)y) * 11;
  if (x)
    r += __builtin_ctz(x) * 13 + __builtin_clz(x) * 17;
  if (y)
    r += __builtin_ctzll(y) * 19 + __builtin_clzll(y) * 23;
  return r;
}
unsigned long long rust_helper_bswap(unsigned short a, unsigned int b, unsigned long long c) {
  return __builtin_bswap16(a) + __builtin_bswap32(b) + __builtin_bswap64(c);
}
int rust_helper_add_overflow(int a, int b, int *out) { return __builtin_add_overflow(a, b, out); }
int rust_helper_mul_overflow_mixed(long a, unsigned int b, short *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_sub_overflow_unsigned(unsigned long a, long b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
int rust_helper_umull(unsigned long a, unsigned long b, unsigned long *out) { return __builtin_umull_overflow(a, b, out); }
long rust_helper_smul_same(long a, long b, long *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_usub_same(unsigned int a, unsigned int b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
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

/* __atomic_* and __sync_* builtins (single-threaded here: the values and the
 * memory they leave behind must match C's). */
int rust_helper_atomic_ops(int *p, int v) {
  int a = __atomic_fetch_add(p, v, __ATOMIC_RELAXED);
  int b = __atomic_add_fetch(p, 3, __ATOMIC_SEQ_CST);
  int c = __atomic_fetch_nand(p + 1, v, __ATOMIC_ACQ_REL);
  int d = __atomic_xor_fetch(p + 1, 0x55, __ATOMIC_RELEASE);
  __atomic_store_n(p + 2, v * 2, __ATOMIC_RELEASE);
  int e = __atomic_load_n(p + 2, __ATOMIC_ACQUIRE);
  int f = __atomic_exchange_n(p + 3, e, __ATOMIC_SEQ_CST);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  __atomic_thread_fence(__ATOMIC_RELAXED);
  return a ^ b ^ c ^ d ^ e ^ f;
}
int rust_helper_atomic_cmpxchg(long *p, long *expected, long desired) {
  int ok = __atomic_compare_exchange_n(p, expected, desired, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
  int weak = __atomic_compare_exchange_n(p, expected, desired + 1, 1,
                                         __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE);
  return ok * 2 + weak;
}
unsigned int rust_helper_sync_ops(unsigned int *p, unsigned int v) {
  unsigned int a = __sync_fetch_and_sub(p, v);
  unsigned int b = __sync_or_and_fetch(p + 1, v);
  unsigned int c = __sync_val_compare_and_swap(p + 2, v, a);
  int d = __sync_bool_compare_and_swap(p + 3, p[3], b);
  unsigned char e = __sync_lock_test_and_set((unsigned char *)(p + 4), 1);
  __sync_lock_release((unsigned char *)(p + 4));
  __sync_synchronize();
  return a + b * 3 + c * 5 + d * 7 + e;
}

/* __attribute__((cleanup)): runs at every exit of the variable's scope,
 * after a return value is computed. */
static void release(int **pp) { if (*pp) (**pp) += 2; }
int rust_helper_cleanup(int *p, int n) {
  int *guard __attribute__((cleanup(release))) = p;
  for (int i = 0; i < (n & 7); i++) {
    int *inner __attribute__((cleanup(release))) = p + 1;
    if (i == 3)
      break;
    if (i == 1)
      continue;
    p[2]++;
  }
  if (n & 8)
    return p[0] * 10;
  return p[1];
}

/* __free(): DEFINE_FREE's cleanup takes `void *` and is called with the
 * address of a typed pointer, which C converts. */
static inline void h2r_free_count(void *p) {
  int *q = *(int **)p;
  if (q)
    *q += 10;
}
int rust_helper_free_guard(int *p, int n) {
  int *owned __attribute__((cleanup(h2r_free_count))) = (n & 1) ? p : 0;
  if (n > 3)
    return n;
  return n + 1;
}

/* A statement expression whose value is discarded keeps its side effects,
 * an `asm volatile` included (WARN_ON(x); in an inline function). */
static inline int warn_like(int *flag, int x) {
  ({ int r = !!x; if (r) asm volatile("movl $7, %0" : "=m"(*flag)); r; });
  (void)({ if (x > 1) asm volatile("addl $1, %0" : "+m"(*flag)); 0; });
  return 0;
}

int rust_helper_stmt_expr_effects(int *flag, int x) {
  return warn_like(flag, x) + *flag;
}

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

/* A variadic inline that never reads its variadic arguments (the kernel's
 * printf-format checkers, `__WARN_validate_printf(fmt, ...) { }`): its named
 * parameters only; arguments past them are evaluated for their effects. */
static inline __attribute__((format(printf, 2, 3))) int
checked_format(int bias, const char *fmt, ...) { return bias + (fmt != 0); }
int rust_helper_unread_varargs(int x, int *p) {
  return checked_format(x, "%d %d", x, (*p)++) + *p;
}

/* A file-scope `static const` integer (delay.h's max_slack_shift) is its
 * value. */
static const unsigned int h2r_slack_shift = 2;
#define H2R_UPPER_BOUND ((4000000L << h2r_slack_shift) / 1000)
unsigned long rust_helper_static_const(unsigned long us) {
  return us < H2R_UPPER_BOUND ? us + (us >> h2r_slack_shift) : us;
}
