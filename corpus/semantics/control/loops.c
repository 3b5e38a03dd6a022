/* Loops, with break and continue. */
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
