#include "common.h"

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }

/* Function pointers: chosen, in a record, null. */
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
