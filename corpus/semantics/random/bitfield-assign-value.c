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
