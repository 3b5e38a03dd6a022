/* The helper copies the tagged group by value (genlmsg_multicast reaches
 * such a copy through skb_queue_splice with Debian's configuration). */
#include "bindings.h"
static inline struct queue_list first_two(struct queue *q) { return q->list; }
struct item *rust_helper_queue_next(struct queue *q) {
  struct queue_list l = first_two(q);
  return l.next;
}
