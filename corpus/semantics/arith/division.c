#include "common.h"

/* Division by zero and INT_MIN / -1 trap in C (x86 idiv), so the helpers
 * keep away from them the way kernel code does. */
s32 rust_helper_div_s32(s32 a, s32 b) {
  if (b == 0 || (b == -1 && a == (-2147483647 - 1)))
    return 0;
  return a / b;
}
s32 rust_helper_rem_s32(s32 a, s32 b) {
  if (b == 0 || b == -1)
    return 0;
  return a % b;
}
u64 rust_helper_div_u64(u64 a, u64 b) { return b ? a / b : 0; }
s8 rust_helper_div_s8(s8 a, s8 b) { return b ? a / b : 0; }
