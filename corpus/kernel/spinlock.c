// SPDX-License-Identifier: GPL-2.0
#include <linux/spinlock.h>

__rust_helper void rust_helper___spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	__raw_spin_lock_init(spinlock_check(lock), name, key, LD_WAIT_CONFIG);
#else
	spin_lock_init(lock);
#endif
}
__rust_helper void rust_helper_spin_lock(spinlock_t *lock) { spin_lock(lock); }
__rust_helper void rust_helper_spin_unlock(spinlock_t *lock) { spin_unlock(lock); }
__rust_helper int rust_helper_spin_trylock(spinlock_t *lock) { return spin_trylock(lock); }
__rust_helper void rust_helper_spin_lock_irq(spinlock_t *lock) { spin_lock_irq(lock); }
__rust_helper void rust_helper_spin_unlock_irq(spinlock_t *lock) { spin_unlock_irq(lock); }
__rust_helper unsigned long rust_helper_spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	return flags;
}
__rust_helper void rust_helper_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags) { spin_unlock_irqrestore(lock, flags); }
