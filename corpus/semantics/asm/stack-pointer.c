#include "common.h"

/* The stack pointer as a GNU register variable (the kernel's
 * ASM_CALL_CONSTRAINT, `"+r"(current_stack_pointer)`): a register, never a
 * symbol; the asm keeps an aligned stack (no `nostack`) and takes no operand
 * for it. */
register unsigned long h2r_stack_pointer asm("rsp");
static inline long stack_ordered_add(long a, long b) {
  asm volatile("addq %2, %1" : "+r"(h2r_stack_pointer), "+r"(a) : "r"(b));
  return a;
}
long rust_helper_stack_pointer_operand(long a, long b) {
  return stack_ordered_add(a, b) ^ 5;
}
