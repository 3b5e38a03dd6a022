#include "common.h"

/* A function whose address is taken is called through the pointer, not
 * inlined: a _RET_IP_ inlined into it would name it, not its caller. */
static inline unsigned long ret_ip(void) { return (unsigned long)__builtin_return_address(0); }
static inline unsigned long via_pointer(void) { return ret_ip(); }
typedef unsigned long (*ip_fn)(void);
ip_fn rust_helper_ip_function(void) { return via_pointer; } /* expect-fallback: return-address-not-inlined */
