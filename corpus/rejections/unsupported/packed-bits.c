#include "common.h"

/* A packed record holding an aligned, bitfield-only one (E0588 and E0793 in
 * Rust): a named fallback in self mode. */
struct bits_only { unsigned a : 3; unsigned b : 7; };
struct __attribute__((packed)) packed_holder { char c; struct bits_only inner; };
int rust_helper_packed_bits(struct packed_holder *p) { return p->inner.b; } /* expect-fallback: record-layout */
