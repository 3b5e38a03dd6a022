/* A dead initialiser, the variable then used only in the else of the final
 * if/else (a csmith reject): its declaration stays. */
int rust_helper_late_in_else(int a) {
  int x = 5;
  if (a > 3) {
    return a;
  } else {
    x = a * 2;
    return x + 1;
  }
}
