// SPDX-License-Identifier: GPL-2.0
#include <linux/list.h>

__rust_helper void rust_helper_INIT_LIST_HEAD(struct list_head *list) { INIT_LIST_HEAD(list); }
__rust_helper void rust_helper_list_add(struct list_head *new, struct list_head *head) { list_add(new, head); }
__rust_helper void rust_helper_list_add_tail(struct list_head *new, struct list_head *head) { list_add_tail(new, head); }
__rust_helper void rust_helper_list_del(struct list_head *entry) { list_del(entry); }
__rust_helper void rust_helper_list_del_init(struct list_head *entry) { list_del_init(entry); }
__rust_helper void rust_helper_list_move(struct list_head *list, struct list_head *head) { list_move(list, head); }
__rust_helper int rust_helper_list_empty(const struct list_head *head) { return list_empty(head); }
__rust_helper int rust_helper_list_is_last(const struct list_head *list, const struct list_head *head) { return list_is_last(list, head); }
__rust_helper void rust_helper_list_splice_init(struct list_head *list, struct list_head *head) { list_splice_init(list, head); }
__rust_helper void rust_helper_hlist_add_head(struct hlist_node *n, struct hlist_head *h) { hlist_add_head(n, h); }
__rust_helper void rust_helper_hlist_del_init(struct hlist_node *n) { hlist_del_init(n); }
