// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>

__rust_helper void *rust_helper_kmalloc(size_t size, gfp_t flags) { return kmalloc(size, flags); }
__rust_helper void *rust_helper_kzalloc(size_t size, gfp_t flags) { return kzalloc(size, flags); }
__rust_helper void *rust_helper_kcalloc(size_t n, size_t size, gfp_t flags) { return kcalloc(n, size, flags); }
__rust_helper void *rust_helper_kmalloc_array(size_t n, size_t size, gfp_t flags) { return kmalloc_array(n, size, flags); }
__rust_helper void *rust_helper_kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags) { return kmem_cache_zalloc(k, flags); }
