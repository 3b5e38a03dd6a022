#include "common.h"

/* GNU global register variables are registers: the stack pointer only as
 * ASM_CALL_CONSTRAINT's in-out operand; read as a value, or any other
 * register, has no Rust form. */
register unsigned long stack_reg asm("rsp");
register unsigned long bp_reg asm("rbp");
unsigned long rust_helper_read_sp(void) { return stack_reg; } /* expect-fallback: global-register-variable */
void rust_helper_bp_operand(void) { asm volatile("" : "+r"(bp_reg)); } /* expect-fallback: global-register-variable */
