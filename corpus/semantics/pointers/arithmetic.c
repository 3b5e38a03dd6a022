#include "common.h"

/* Pointer arithmetic, differences, comparisons and indexing. */
int *rust_helper_ptr_add(int *p, int n) { return p + (n & 7); }
int *rust_helper_ptr_sub(int *p, unsigned char n) { return p + 16 - (n & 15); }
long rust_helper_ptr_diff(int *p, int n) { int *q = p + (n & 31); return q - p; }
long rust_helper_ptr_diff_struct(struct outer *p) { return (p + 3) - (p + 1); }
int rust_helper_ptr_cmp(int *p, int n) { return p + (n & 3) < p + 2; }
void *rust_helper_void_arith(void *p, int n) { return (char *)p + (n & 63); }
long rust_helper_index(long *p, int i) { return p[i & 7] + *(p + 1); }
