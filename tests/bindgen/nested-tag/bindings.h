/* What the bindings header reaches: a tagged struct defined inside an
 * anonymous union of another (struct_group_tagged(sk_buff_list, list, ...)
 * in sk_buff_head). bindgen names it `queue__bindgen_ty_1_queue_list`. */
struct item;
struct queue {
  union {
    struct {
      struct item *next, *prev;
    };
    struct queue_list {
      struct item *next, *prev;
    } list;
  };
  unsigned int qlen;
};
