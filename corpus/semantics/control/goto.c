/* goto forwards, backwards, and to a cleanup label. */
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
