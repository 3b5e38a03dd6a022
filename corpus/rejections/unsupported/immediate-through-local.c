#include "common.h"

/* An immediate through a local: one never written after its initialiser is
 * the caller's constant; one written later is not followed. */
static inline void shift_by_local(unsigned long *p, int n) { int k = n; asm("shlq %1, %0" : "+m"(*p) : "i"(k)); }
static inline void shift_by_written_local(unsigned long *p, int n) { int k = n; k++; asm("shlq %1, %0" : "+m"(*p) : "i"(k)); }
void rust_helper_shift_by_local(unsigned long *p) { shift_by_local(p, 2); } /* expect-translated */
void rust_helper_shift_by_written_local(unsigned long *p) { shift_by_written_local(p, 2); } /* expect-fallback: asm-immediate-not-constant */
