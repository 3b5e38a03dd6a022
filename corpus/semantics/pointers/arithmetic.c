#include "common.h"

struct inner {
  short lo;
  short hi;
};

struct outer {
  int id;
  struct inner in;
  union {
    unsigned int word;
    unsigned char bytes[4];
  };
  struct {
    long a;
    long b;
  } pair;
  int arr[6];
};

union number {
  long long whole;
  int halves[2];
  unsigned char raw[8];
};

int *rust_helper_ptr_add(int *p, int n) { return p + (n & 7); }
int *rust_helper_ptr_sub(int *p, unsigned char n) { return p + 16 - (n & 15); }
long rust_helper_ptr_diff(int *p, int n) { int *q = p + (n & 31); return q - p; }
long rust_helper_ptr_diff_struct(struct outer *p) { return (p + 3) - (p + 1); }
int rust_helper_ptr_cmp(int *p, int n) { return p + (n & 3) < p + 2; }
void *rust_helper_void_arith(void *p, int n) { return (char *)p + (n & 63); }
long rust_helper_index(long *p, int i) { return p[i & 7] + *(p + 1); }

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
int rust_helper_union_pun(union number *u) { u->halves[0] ^= 0x55; return u->raw[0] + u->raw[7]; }
long long rust_helper_union_local(int a, int b) {
  union number n;
  n.halves[0] = a;
  n.halves[1] = b;
  return n.whole;
}
int rust_helper_local_struct(int a, int b) {
  struct outer o = { .id = a, .in = { .lo = 1, .hi = 2 }, .arr = { [2] = 7 } };
  o.pair.b = b;
  return o.id + o.in.hi + o.arr[2] + (int)o.pair.b + o.arr[0];
}
int rust_helper_local_array(int i) {
  int a[5] = { 1, 2, 3 };
  a[4] = i;
  return a[i & 3] + a[4];
}
