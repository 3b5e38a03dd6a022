#include "common.h"

/* lockdep's _RET_IP_: the helper's own return address, a point in its Rust
 * caller, into which the translation is inlined; an outer frame's is not
 * readable. */
void *rust_helper_return_address(void) { return __builtin_return_address(0); } /* expect-translated */
void *rust_helper_outer_return_address(void) { return __builtin_return_address(1); } /* expect-fallback: builtin */
