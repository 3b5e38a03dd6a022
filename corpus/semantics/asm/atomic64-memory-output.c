#include "common.h"

/* atomic64_64.h's form: "=m" with the same place as an "m" input. */
struct counter64 { long pad; long counter; };
long rust_helper_atomic64_inc_add(struct counter64 *v, long i) {
  asm volatile(LOCK_PREFIX "incq %0" : "=m"(v->counter) : "m"(v->counter) : "memory");
  asm volatile(LOCK_PREFIX "addq %1,%0"
               : "=m"(v->counter)
               : "er"(i), "m"(v->counter)
               : "memory");
  return v->counter;
}
