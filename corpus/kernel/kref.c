// SPDX-License-Identifier: GPL-2.0
#include <linux/kref.h>

__rust_helper void rust_helper_kref_init(struct kref *kref) { kref_init(kref); }
__rust_helper unsigned int rust_helper_kref_read(const struct kref *kref) { return kref_read(kref); }
__rust_helper void rust_helper_kref_get(struct kref *kref) { kref_get(kref); }
__rust_helper int rust_helper_kref_put(struct kref *kref, void (*release)(struct kref *kref)) { return kref_put(kref, release); }
__rust_helper int rust_helper_kref_get_unless_zero(struct kref *kref) { return kref_get_unless_zero(kref); }
