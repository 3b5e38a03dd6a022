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
