/* switch: fallthrough, plain arms, inside a loop. */
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
