/* helpers2rs-options: --opaque-type=spinlock */
#include "common.h"

/* spin_lock_init's shape: a compound literal of the opaque type. */
void rust_helper_lock_init(spinlock_t *lock) {
  *lock = (spinlock_t){ { .rlock = { .val = 0, .owner_cpu = 0xffffffff } } };
}

void rust_helper_lock_init_var(spinlock_t *lock, unsigned int cpu) {
  spinlock_t l = { .rlock = { .owner_cpu = cpu }, .tail = 7 };
  *lock = l;
}
