#include "common.h"

/* The same at depth (x86_msi_data: packed, an anonymous union, a struct of
 * bitfields inside it). */
struct __attribute__((packed)) msi_like {
  union {
    struct { unsigned vector : 8, mode : 3; };
    unsigned subhandle;
  };
};
unsigned rust_helper_msi_subhandle(struct msi_like *m) { return m->subhandle; } /* expect-fallback: record-layout */
