/* Control flow: short-circuit, ?:, comma, loops, switch, goto. */

static inline int bump(int *p) { return ++*p; }

/* Logic operators, ?: and the comma operator. */
int rust_helper_and_or(int a, int *p) {
  return (a > 0 && bump(p) > 3) || (a < -5 && bump(p + 1));
}
int rust_helper_not(int a, int b) { return !a + !!b; }
long rust_helper_ternary_mixed(int c, unsigned int a, long b) { return c ? a : b; }
int rust_helper_ternary_nested(int a, int b) { return a > b ? a - b : a < b ? b - a : 0; }
int rust_helper_comma(int a, int *p) { return (*p += a, *p * 2); }
unsigned long rust_helper_gnu_elvis(unsigned long a, unsigned long b) { return a ?: b; }
