/* Function pointers, static locals, enums, sizeof/_Alignof/offsetof,
 * volatile loads and stores. */
#include <stddef.h>

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

typedef int (*binop_t)(int, int);

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }

struct ops {
  binop_t op;
  int bias;
};

enum color { RED, GREEN = 5, BLUE, NEGATIVE = -3 };

struct layout {
  char c;
  long l;
  short s;
  int tail[];
};

int rust_helper_fnptr_select(int sel, int a, int b) {
  binop_t f = (sel & 1) ? op_add : ((sel & 2) ? op_sub : NULL);
  if (!f)
    return -1;
  return f(a, b);
}
int rust_helper_fnptr_struct(int sel, int a) {
  struct ops o = { .op = sel ? op_sub : op_add, .bias = 7 };
  return o.op(a, o.bias) + (o.op == op_add);
}
int rust_helper_fnptr_null(int sel) {
  struct ops o = { 0 };
  if (sel)
    o.op = op_add;
  return o.op != NULL ? o.op(sel, 1) : 42;
}

int rust_helper_counter(int step) {
  static int total;
  total += step;
  return total;
}
int rust_helper_two_statics(int x) {
  static int calls = 100;
  static unsigned char wrap;
  calls++;
  wrap += x;
  return calls * 1000 + wrap;
}

int rust_helper_enum_value(int i) {
  enum color c = (i & 1) ? BLUE : NEGATIVE;
  return c * 10 + GREEN;
}
int rust_helper_enum_switch(enum color c) {
  switch (c) {
  case RED:
    return 1;
  case BLUE:
    return 2;
  default:
    return c;
  }
}

unsigned long rust_helper_sizes(void) {
  return sizeof(struct layout) * 10000 + _Alignof(struct layout) * 1000 +
         offsetof(struct layout, s) * 10 + offsetof(struct layout, tail);
}
unsigned long rust_helper_sizeof_expr(int x) { return sizeof(x) + sizeof(struct ops) * x; }

int rust_helper_read_once(int *p) { return READ_ONCE(*p) + READ_ONCE(p[1]); }
void rust_helper_write_once(int *p, int v) { WRITE_ONCE(p[2], v); WRITE_ONCE(*p, READ_ONCE(p[2]) + 1); }
long rust_helper_volatile_member(struct layout *l, int v) {
  WRITE_ONCE(l->s, (short)v);
  return READ_ONCE(l->l) + READ_ONCE(l->s);
}
int rust_helper_flex_array(struct layout *l, int i) { return l->tail[i & 7] + l->tail[0]; }

/* `x = x` self-initialisation (paravirt's PVOP_CALL_ARGS idiom). */
int rust_helper_self_init(int v) {
  int x = x;
  x = v * 2;
  return x;
}

/* Branch profiling's counters (CONFIG_PROFILE_ALL_BRANCHES): a static
 * record initialised with strings and integers, in a section of its own,
 * kept although nothing names it. */
struct branch_data {
  const char *func;
  const char *file;
  unsigned line;
  union {
    struct {
      unsigned long miss;
      unsigned long hit;
    };
    unsigned long miss_hit[2];
  };
};
int rust_helper_profiled_branch(int x) {
  static struct branch_data __if_trace
      __attribute__((__used__, __aligned__(4), __section__("_h2r_branch"))) = {
          .func = __func__, .file = "misc.c", .line = 7};
  int r = x > 3;
  __if_trace.miss_hit[r]++;
  return (int)__if_trace.hit * 1000 + (int)__if_trace.miss * 10 +
         __if_trace.func[5] + __if_trace.file[1] + (int)__if_trace.line;
}

/* Allocation profiling's tags (CONFIG_MEM_ALLOC_PROFILING, built in): a
 * static record with a member pointing to another static; and
 * __ADDRESSABLE()'s address kept through an integer. */
struct tag_counters {
  unsigned long bytes;
  unsigned long calls;
};
struct code_tag {
  const char *function;
  struct tag_counters *counters;
};
int rust_helper_tagged_alloc(int x) {
  static struct tag_counters cntr;
  static struct code_tag tag __attribute__((__used__, __section__("_h2r_tags"))) = {
      .function = __func__, .counters = &cntr};
  static void *kept __attribute__((__used__)) = (void *)(unsigned long)&cntr;
  tag.counters->calls++;
  tag.counters->bytes += (unsigned long)x;
  return (int)tag.counters->calls * 100 + (int)tag.counters->bytes +
         tag.function[12] + (kept == (void *)&cntr);
}

/* __static_call(name): the callee behind a statement expression that only
 * declares statics (the key kept with __ADDRESSABLE(), in a section the
 * linker discards: left out). */
static inline int twice(int x) { return 2 * x; }
static int kept_call_key;
#define kept_call(f)                                                           \
  ({                                                                           \
    static void *addressable                                                  \
        __attribute__((__used__, __section__(".discard.addressable"))) =       \
            (void *)(unsigned long)&kept_call_key;                             \
    &f;                                                                        \
  })
int rust_helper_kept_call(int x) { return kept_call(twice)(x); }
