// SPDX-License-Identifier: GPL-2.0
#include <linux/workqueue.h>

__rust_helper bool rust_helper_queue_work(struct workqueue_struct *wq, struct work_struct *work) { return queue_work(wq, work); }
__rust_helper bool rust_helper_schedule_work(struct work_struct *work) { return schedule_work(work); }
__rust_helper bool rust_helper_work_pending(struct work_struct *work) { return work_pending(work); }
__rust_helper void rust_helper_init_work_with_key(struct work_struct *work, work_func_t func, bool onstack, const char *name, struct lock_class_key *key)
{
	__init_work(work, onstack);
	work->data = (atomic_long_t)WORK_DATA_INIT();
	lockdep_init_map(&work->lockdep_map, name, key, 0);
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}
