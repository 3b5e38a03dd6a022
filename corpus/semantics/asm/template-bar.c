#include "common.h"

/* `|` in a template with operands, as in the kernel's ALTERNATIVE flags
 * (`ALT_DIRECT_CALL(f)` is `(1 << 1) << 16 | f`): Clang hands it over
 * escaped for LLVM (`$|`), Rust's template wants it as it is. */
int rust_helper_asm_bit_or(int x) {
  asm("addl $((1 << 4) | 3), %0" : "+r"(x));
  return x;
}
