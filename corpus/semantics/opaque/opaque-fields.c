/* helpers2rs-options: --opaque-type=spinlock */
#include "common.h"

unsigned int rust_helper_lock_val(spinlock_t *lock) { return lock->rlock.val; }

void rust_helper_lock_set_owner(spinlock_t *lock, unsigned int cpu) {
  lock->rlock.owner_cpu = cpu;
}
