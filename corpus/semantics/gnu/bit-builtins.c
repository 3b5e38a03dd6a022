#include "common.h"

/* Bit counts and scans, byte swaps. */
int rust_helper_bitcounts(unsigned int x, unsigned long long y) {
  int r = __builtin_popcount(x) + __builtin_popcountll(y) * 3 + __builtin_parity(x) * 5 +
          __builtin_ffs((int)x) * 7 + __builtin_ffsll((long long)y) * 11;
  if (x)
    r += __builtin_ctz(x) * 13 + __builtin_clz(x) * 17;
  if (y)
    r += __builtin_ctzll(y) * 19 + __builtin_clzll(y) * 23;
  return r;
}
unsigned long long rust_helper_bswap(unsigned short a, unsigned int b, unsigned long long c) {
  return __builtin_bswap16(a) + __builtin_bswap32(b) + __builtin_bswap64(c);
}
