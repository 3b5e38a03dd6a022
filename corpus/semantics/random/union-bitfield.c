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
