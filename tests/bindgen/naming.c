/* bindgen naming rules the output must agree with: anonymous members and
 * types, bitfields, Rust keywords as names, flexible arrays, function
 * pointers, typedef'd anonymous records. */
struct node {
  int type;
  union {
    struct { unsigned short lo, hi; };
    unsigned int word;
  };
  struct { long a; struct { char match; } inner; } pair;
  unsigned int ready : 1, mode : 3;
  signed int delta : 7;
  int (*fn)(struct node *, int);
  unsigned char data[];
};

typedef struct { int loop; int ref; } anon_t;

static inline int peek(struct node *n) {
  return n->type + n->lo + n->hi + (int)n->pair.a + n->pair.inner.match +
         n->ready + n->mode + n->delta + n->data[1];
}
int rust_helper_peek(struct node *n) { return peek(n); }
void rust_helper_poke(struct node *n, int v) {
  n->word = (unsigned int)v;
  n->mode = v;
  n->delta = -v;
  n->data[0] = (unsigned char)v;
}
int rust_helper_call(struct node *n, int v) { return n->fn ? n->fn(n, v) : -1; }
int rust_helper_anon(anon_t *a) { return a->loop + a->ref; }

/* A union bindgen cannot make a Rust `union` (sk_buff's headers: a member
 * holds a zero-length array) becomes a struct of __BindgenUnionField. */
struct packet {
  int len;
  union {
    struct {
      unsigned char __offset_marker[0];
      unsigned short transport_header;
      unsigned short network_header;
    };
    struct {
      unsigned short transport_header;
      unsigned short network_header;
    } headers;
  };
  unsigned char *head;
};
static inline unsigned char *transport_header(const struct packet *p) {
  return p->head + p->transport_header;
}
unsigned char *rust_helper_transport_header(const struct packet *p) {
  return transport_header(p);
}
void rust_helper_set_network_header(struct packet *p, unsigned short off) {
  p->headers.network_header = off;
}

/* `struct tree;` as a member (-fms-extensions, as Linux 7.x builds):
 * bindgen 0.60 leaves it out (padding), so its members go by offset and
 * the anonymous members keep bindgen's numbering (ns_common in 7.3). */
struct tree { unsigned long id; int depth; };
struct common {
  struct { int ref; } __attribute__((aligned(64)));
  unsigned int type;
  struct tree;
  int tail;
};
unsigned long rust_helper_tree_id(struct common *c) { return c->id + c->tail + c->ref; }
void rust_helper_set_depth(struct common *c, int d) { c->depth = d; }

/* Found by the whole-header check in bindgen mode. A tagged struct defined
 * inside another is `outer_tag` to bindgen (sk_buff_head's
 * struct_group_tagged, fb_info's apertures_struct); a mere `struct page *`
 * member declares no such thing. */
struct page_like;
struct holder {
  struct aperture { unsigned long base, size; } *apertures;
  union { struct group_tagged { int a, b; } list; int raw[2]; };
  struct page_like *page;
};
struct page_like { int mapcount; };
static inline unsigned long aperture_size(struct aperture *a) { return a->size; }
unsigned long rust_helper_aperture_size(struct holder *h) {
  return aperture_size(h->apertures) + h->list.b + h->page->mapcount;
}

/* An enum used before its definition (a GNU extension) is `c_int` to
 * bindgen, whatever its definition makes it in C (dev_dma_attr in 6.1). */
enum used_early early_attr(void);
enum used_early { EARLY_A, EARLY_B };
static inline int configure(enum used_early e) { return e == EARLY_B; }
int rust_helper_configure(enum used_early e) { return configure(e); }

/* bindgen binds one function per symbol, under the name of its first
 * declaration: fortify's `__real_kmemdup` (asm "kmemdup") is `kmemdup`. */
extern void *dup_bytes(const void *p, unsigned long n);
extern void *__real_dup_bytes(const void *p, unsigned long n) __asm__("dup_bytes");
void *rust_helper_dup_bytes(const void *p, unsigned long n) {
  return __real_dup_bytes(p, n);
}

/* A global declared in a function body only (is_zero_pfn's zero_pfn):
 * bindgen never sees it, the output declares it. */
static inline int is_zero_pfn(unsigned long pfn) {
  extern unsigned long zero_pfn;
  return pfn == zero_pfn;
}
int rust_helper_is_zero_pfn(unsigned long pfn) { return is_zero_pfn(pfn); }

/* A bitfield named as a Rust keyword: bindgen's getter is `type_()`, its
 * setter `set_type()` (pack_gate's idt_bits in 6.1). */
struct gate_bits { unsigned short ist : 3, zero : 5, type : 5, dpl : 2, p : 1; };
void rust_helper_set_gate_type(struct gate_bits *g, unsigned t) { g->type = t; }
unsigned rust_helper_gate_type(struct gate_bits *g) { return g->type; }

/* A record the output defines around a bindings record: no derive(Copy)
 * bindgen does not give the inner one (a flexible array member;
 * jbd2_chksum's local `desc` around shash_desc in 6.1). */
struct desc_with_tail { unsigned long flags; void *ctx[]; };
static inline unsigned long local_desc(unsigned long f) {
  struct { struct desc_with_tail d; void *space[2]; } desc;
  desc.d.flags = f;
  return desc.d.flags + sizeof(desc.space);
}
unsigned long rust_helper_local_desc(unsigned long f) { return local_desc(f); }

/* A type the blocklists keep out is not Copy to bindgen, nor is a record
 * holding one, so a union holding such a record is a struct of
 * __BindgenUnionField (iov_iter's __ubuf_iovec in 6.12 and 7.3: iovec's
 * iov_len is __kernel_size_t, which rust/bindgen_parameters blocklists). */
typedef unsigned long __kernel_size_t;
struct span { void *base; __kernel_size_t len; };
struct cursor {
  unsigned char kind;
  union {
    struct span ubuf;
    struct { const struct span *spans; unsigned long offset; };
  };
  __kernel_size_t count;
};
static inline __kernel_size_t cursor_len(const struct cursor *c) {
  return c->kind ? c->ubuf.len - c->offset : c->spans->len;
}
__kernel_size_t rust_helper_cursor_len(const struct cursor *c) { return cursor_len(c); }
void rust_helper_cursor_set(struct cursor *c, void *p) {
  c->ubuf.base = p;
  c->offset = 0;
}
__kernel_size_t rust_helper_span_copy(struct cursor *c, const struct span *s) {
  struct span copy = *s;
  c->ubuf = copy;
  return copy.len;
}
void rust_helper_cursor_reset(struct cursor *c, void *p, __kernel_size_t n) {
  *c = (struct cursor){.kind = 1, .ubuf = {.base = p, .len = n}, .count = n};
}
