// SPDX-License-Identifier: GPL-2.0
#include <linux/vmalloc.h>
#include <linux/mm.h>

__rust_helper void *rust_helper_kvmalloc(size_t size, gfp_t flags) { return kvmalloc(size, flags); }
__rust_helper void *rust_helper_kvzalloc(size_t size, gfp_t flags) { return kvzalloc(size, flags); }
