#include "common.h"

/* Members: nested, anonymous, arrays; record copies. */
int rust_helper_nested(struct outer *o) { return o->in.lo * 3 + o->in.hi; }
unsigned int rust_helper_anon_union(struct outer *o) {
  o->bytes[1] = 0x12;
  return o->word;
}
long rust_helper_anon_struct(struct outer *o) { return o->pair.a - o->pair.b; }
int rust_helper_array_member(struct outer *o, int i) {
  o->arr[i & 3] += o->arr[5];
  return o->arr[(i + 1) & 3];
}
void rust_helper_copy(struct outer *dst, struct outer *src) { *dst = *src; }
void rust_helper_copy_member(struct outer *o) { struct inner t = o->in; t.lo++; o->in = t; }
