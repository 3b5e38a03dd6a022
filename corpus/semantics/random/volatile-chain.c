/* Seeds 8, 29, 30: volatile pointers to volatile pointers, read through. */
int volatile_target = 41;
int *volatile volatile_ptr = &volatile_target;
int *volatile *volatile volatile_ptr_ptr = &volatile_ptr;
int *volatile *volatile *volatile volatile_ptr_ptr_ptr = &volatile_ptr_ptr;

int rust_helper_volatile_chain(int v) {
  volatile_target = v;
  return **volatile_ptr_ptr + ***volatile_ptr_ptr_ptr;
}
