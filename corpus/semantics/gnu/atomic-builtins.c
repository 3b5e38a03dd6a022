#include "common.h"

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
