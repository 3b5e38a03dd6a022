// SPDX-License-Identifier: GPL-2.0
#include <linux/jump_label.h>

__rust_helper bool rust_helper_static_key_count(struct static_key *key) { return static_key_count(key) > 0; }
__rust_helper bool rust_helper_static_key_false(struct static_key *key) { return static_key_false(key); }
