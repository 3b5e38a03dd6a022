// SPDX-License-Identifier: GPL-2.0
#include <linux/wait.h>

__rust_helper void rust_helper_init_wait(struct wait_queue_entry *wq_entry) { init_wait(wq_entry); }
__rust_helper int rust_helper_waitqueue_active(struct wait_queue_head *wq_head) { return waitqueue_active(wq_head); }
__rust_helper bool rust_helper_wq_has_sleeper(struct wait_queue_head *wq_head) { return wq_has_sleeper(wq_head); }
