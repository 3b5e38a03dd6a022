// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel helper corpus, organised like upstream's rust/helpers/: one file
 * per subsystem, all included here so the whole corpus is one translation
 * unit, as upstream's helpers.c is. Every wrapper is over an API of the
 * 6.1 headers.
 */
#include <linux/module.h>

/* Newer kernels annotate helpers; 6.1 has no such macro. */
#ifndef __rust_helper
#define __rust_helper
#endif

#include "atomic.c"
#include "barrier.c"
#include "bitops.c"
#include "bug.c"
#include "build_bug.c"
#include "completion.c"
#include "cpumask.c"
#include "cred.c"
#include "err.c"
#include "fs.c"
#include "jump_label.c"
#include "kref.c"
#include "list.c"
#include "mm.c"
#include "mutex.c"
#include "page.c"
#include "processor.c"
#include "rbtree.c"
#include "rcu.c"
#include "refcount.c"
#include "signal.c"
#include "slab.c"
#include "spinlock.c"
#include "task.c"
#include "time.c"
#include "uaccess.c"
#include "vmalloc.c"
#include "wait.c"
#include "workqueue.c"
#include "xarray.c"

MODULE_LICENSE("GPL");
