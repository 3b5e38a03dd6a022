/* A helper that calls itself calls its own translation, in either export
 * form (the C symbol would clash with the c-abi definition). */
int rust_helper_recursive_depth(int n) {
  return n <= 0 ? 0 : (n > 20 ? 20 : 1 + rust_helper_recursive_depth(n - 1));
}
