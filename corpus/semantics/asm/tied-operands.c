#include "common.h"

/* Tied operands of different sizes (get_user's `"=a"(int) : "0"(ptr)`):
 * the register holds the input, the output takes its low bits. */
int rust_helper_tied_pointer_low_bits(const int *ptr) {
  int ret;
  asm volatile("incl %%eax" : "=a"(ret) : "0"(ptr));
  return ret - (int)(unsigned long)ptr; /* 1: buffers differ in address */
}
int rust_helper_tied_narrow(unsigned long v) {
  int r;
  asm("shrq $8, %%rax" : "=a"(r) : "0"(v));
  return r;
}
long rust_helper_tied_wide(int v) {
  long r;
  asm("addl $1, %k0" : "=r"(r) : "0"(v));
  return (int)r;
}
