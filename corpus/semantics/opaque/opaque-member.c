/* helpers2rs-options: --opaque-type=spinlock */
#include "common.h"

/* The opaque record as a member of a visible one. */
unsigned int rust_helper_holder_tail(struct holder *h) { return h->lock.tail; }

int rust_helper_lock_inc(spinlock_t *lock) {
  raw_spinlock_t *r = spinlock_check(lock);
  r->val += 1;
  return (int)r->val;
}

void rust_helper_lock_copy(spinlock_t *dst, const spinlock_t *src) { *dst = *src; }

int rust_helper_holder_after(struct holder *h) {
  h->lock.rlock.owner_cpu ^= 3;
  return h->after + (int)h->lock.rlock.owner_cpu;
}
