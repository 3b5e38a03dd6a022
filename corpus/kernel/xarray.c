// SPDX-License-Identifier: GPL-2.0
#include <linux/xarray.h>

__rust_helper int rust_helper_xa_err(void *entry) { return xa_err(entry); }
__rust_helper void rust_helper_xa_init_flags(struct xarray *xa, gfp_t flags) { xa_init_flags(xa, flags); }
__rust_helper int rust_helper_xa_trylock(struct xarray *xa) { return xa_trylock(xa); }
__rust_helper void rust_helper_xa_lock(struct xarray *xa) { xa_lock(xa); }
__rust_helper void rust_helper_xa_unlock(struct xarray *xa) { xa_unlock(xa); }
__rust_helper bool rust_helper_xa_is_value(const void *entry) { return xa_is_value(entry); }
__rust_helper void *rust_helper_xa_mk_value(unsigned long v) { return xa_mk_value(v); }
__rust_helper unsigned long rust_helper_xa_to_value(const void *entry) { return xa_to_value(entry); }
