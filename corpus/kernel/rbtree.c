// SPDX-License-Identifier: GPL-2.0
#include <linux/rbtree.h>

__rust_helper void rust_helper_rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link) { rb_link_node(node, parent, rb_link); }
__rust_helper void rust_helper_rb_link_node_rcu(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link) { rb_link_node_rcu(node, parent, rb_link); }
__rust_helper struct rb_node *rust_helper_rb_first_cached(const struct rb_root_cached *root) { return rb_first_cached(root); }
__rust_helper void rust_helper_rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root, bool leftmost) { rb_insert_color_cached(node, root, leftmost); }
