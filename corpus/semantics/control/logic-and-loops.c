/* Control flow: short-circuit, ?:, comma, loops, switch, goto. */

static inline int bump(int *p) { return ++*p; }

int rust_helper_and_or(int a, int *p) {
  return (a > 0 && bump(p) > 3) || (a < -5 && bump(p + 1));
}
int rust_helper_not(int a, int b) { return !a + !!b; }
long rust_helper_ternary_mixed(int c, unsigned int a, long b) { return c ? a : b; }
int rust_helper_ternary_nested(int a, int b) { return a > b ? a - b : a < b ? b - a : 0; }
int rust_helper_comma(int a, int *p) { return (*p += a, *p * 2); }
unsigned long rust_helper_gnu_elvis(unsigned long a, unsigned long b) { return a ?: b; }

int rust_helper_while(unsigned int n) {
  int steps = 0;
  while (n > 1) {
    n = (n & 1) ? 3 * n + 1 : n / 2;
    if (++steps > 200)
      break;
  }
  return steps;
}
int rust_helper_do_while(int n) {
  int s = 0;
  do {
    s += n;
    if (s & 1)
      continue;
    s ^= 3;
  } while (n-- > 0 && s < 1000);
  return s;
}
int rust_helper_for_continue(int n) {
  int s = 0;
  for (int i = 0; i < (n & 63); i++) {
    if (i % 3 == 0)
      continue;
    if (i > 40)
      break;
    s += i;
  }
  return s;
}
int rust_helper_nested_loops(int n) {
  int s = 0;
  for (int i = 0; i < (n & 15); ++i)
    for (int j = 0; j < i; ++j) {
      if (j == 5)
        break;
      if ((i + j) & 1)
        continue;
      s += i * j;
    }
  return s;
}
int rust_helper_switch_fallthrough(int x) {
  int r = 1;
  switch (x) {
  case 1:
    r += 10;
  case 2:
    r *= 3;
    break;
  default:
    r = -1;
  case 7 ... 9:
    r -= 4;
    break;
  case 100:
    return 5;
  }
  return r;
}
int rust_helper_switch_plain(unsigned char c) {
  switch (c) {
  case 'a':
    return 1;
  case 'b':
  case 'c':
    return 2;
  case 200:
    return 3;
  default:
    return 0;
  }
}
int rust_helper_switch_in_loop(int n) {
  int s = 0;
  for (int i = 0; i < (n & 31); i++) {
    switch (i % 4) {
    case 0:
      continue;
    case 1:
      s += 1;
      break;
    case 2:
      s += 2;
    default:
      s *= 2;
    }
    s++;
  }
  return s;
}
int rust_helper_goto_forward(int a) {
  int r = 0;
  if (a < 0)
    goto negative;
  if (a == 0)
    goto out;
  r = a * 2;
  goto out;
negative:
  r = -a;
out:
  return r + 1;
}
int rust_helper_goto_backward(int a) {
  int tries = 0;
again:
  tries++;
  a = a / 2 + 1;
  if (a > 3 && tries < 50)
    goto again;
  return tries * 100 + a;
}
int rust_helper_goto_cleanup(int *p, int n) {
  int err = 0;
  p[0] = 1;
  if (n & 1) {
    err = -1;
    goto undo_first;
  }
  p[1] = 2;
  if (n & 2) {
    err = -2;
    goto undo_second;
  }
  return 0;
undo_second:
  p[1] = 0;
undo_first:
  p[0] = 0;
  return err;
}
