/* Reproducers reduced (by hand, to the construct) from the random-program
 * campaign (tests/random/campaign.py): each once made rustc reject the
 * translation. */

/* Seeds 3, 4, 9, 11, 12: a comparison used as a value and compared again
 * prints as a cast followed by `<` or `<<`, which Rust reads as generic
 * arguments unless the cast is parenthesised. */
int rust_helper_compare_compared(int a, int b, long c) {
  long d = c;
  long *p = &d;
  return ((a <= b) < c) + (((unsigned long)(a != b) << 2) < (unsigned long)c) +
         ((a > b) < *p) * 4 + (((a == b) << 1) < b) * 8;
}

/* Seeds 4, 12: a bitfield directly in a union; its storage unit is a union
 * field. */
union unit_bits {
  unsigned int low : 5;
  unsigned int wide : 11;
  unsigned int whole;
};

int rust_helper_union_bitfield_read(unsigned int v) {
  union unit_bits u;
  u.whole = v;
  return u.low + (u.wide << 5);
}

unsigned int rust_helper_union_bitfield_write(unsigned int v, unsigned int w) {
  union unit_bits u;
  u.whole = v;
  u.low = w;
  return u.whole;
}

/* Seeds 8, 29, 30: volatile pointers to volatile pointers, read through. */
int volatile_target = 41;
int *volatile volatile_ptr = &volatile_target;
int *volatile *volatile volatile_ptr_ptr = &volatile_ptr;
int *volatile *volatile *volatile volatile_ptr_ptr_ptr = &volatile_ptr_ptr;

int rust_helper_volatile_chain(int v) {
  volatile_target = v;
  return **volatile_ptr_ptr + ***volatile_ptr_ptr_ptr;
}

/* Seed 20078 (--options=kernel): a bitfield assigned a value that assigns
 * another bitfield of the same record; `p.set_a(...)` would borrow p
 * mutably before its argument writes p.b (E0499). */
struct two_bits {
  unsigned int a : 3;
  unsigned int b : 5;
};

unsigned int rust_helper_bitfield_assign_in_value(unsigned int x) {
  struct two_bits p = {1, 2};
  p.a = (p.b = x) + p.b;
  return p.a * 100 + p.b;
}
