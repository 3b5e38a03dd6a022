#include "common.h"

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
