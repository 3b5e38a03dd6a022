#include "common.h"

/* READ_ONCE and WRITE_ONCE: volatile loads and stores; a flexible array
 * member. */
int rust_helper_read_once(int *p) { return READ_ONCE(*p) + READ_ONCE(p[1]); }
void rust_helper_write_once(int *p, int v) { WRITE_ONCE(p[2], v); WRITE_ONCE(*p, READ_ONCE(p[2]) + 1); }
long rust_helper_volatile_member(struct layout *l, int v) {
  WRITE_ONCE(l->s, (short)v);
  return READ_ONCE(l->l) + READ_ONCE(l->s);
}
int rust_helper_flex_array(struct layout *l, int i) { return l->tail[i & 7] + l->tail[0]; }
