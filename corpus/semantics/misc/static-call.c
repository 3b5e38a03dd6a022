#include "common.h"

/* __static_call(name): the callee behind a statement expression that only
 * declares statics (the key kept with __ADDRESSABLE(), in a section the
 * linker discards: left out). */
static inline int twice(int x) { return 2 * x; }
static int kept_call_key;
#define kept_call(f)                                                           \
  ({                                                                           \
    static void *addressable                                                  \
        __attribute__((__used__, __section__(".discard.addressable"))) =       \
            (void *)(unsigned long)&kept_call_key;                             \
    &f;                                                                        \
  })
int rust_helper_kept_call(int x) { return kept_call(twice)(x); }
