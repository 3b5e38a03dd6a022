/* helpers2rs-options: --opaque-type=spinlock */
#include "common.h"

/* A member of an anonymous struct inside the opaque record's anonymous union. */
unsigned int rust_helper_lock_dep(const spinlock_t *lock) { return lock->dep; }
