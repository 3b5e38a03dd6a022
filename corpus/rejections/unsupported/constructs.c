#include "common.h"

#define cpu_relax() __asm__ __volatile__("1%=: rep; nop" ::: "memory")
#define spin_wait() cpu_relax()

static inline void relax(void) { spin_wait(); }
static inline int sse(int x) { asm("movd %1, %0" : "=x"(x) : "r"(x)); return x; }
static inline void shift_by(unsigned long *p, int n) { asm("shlq %1, %0" : "+m"(*p) : "i"(n)); }
static inline int goto_out(int x) {
  asm goto("testl %0, %0\n\tjz %l1" : "+r"(x) : : : zero);
  return x;
zero:
  return -1;
}
static inline int goto_old_rust(int x) {
  asm goto("testl %0, %0\n\tjz %l1" : : "r"(x) : : zero);
  return x;
zero:
  return -1;
}
static inline void rbx_clobber(void) { asm volatile("cpuid" : : : "rbx"); }
static inline int first_arg(va_list ap) { return va_arg(ap, int); }
static inline int sum_all(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int first = va_arg(ap, int);
  va_end(ap);
  return n + first;
}
static inline int via_table(int i) {
  void *target = (i & 1) ? &&one : &&zero;
  goto *target;
zero:
  return 0;
one:
  return 1;
}
static inline int duff(int n) {
  int s = 0;
  switch (n & 3) {
  case 0:
    do {
      s++;
  case 1:
      s++;
    } while (--n > 0);
  }
  return s;
}
static inline int jump_in(int n) {
  if (n)
    goto inside;
  {
  inside:
    n++;
  }
  return n;
}
static inline int atomic_load(_Atomic int *p) { return *p; }
struct pair { int a, b; };
static inline int *literal(int x) { return &((struct pair){ .a = x, .b = 2 }).a; }
static inline void *frame(void) { return __builtin_frame_address(0); }
static void unlock(int *p) { *p = 0; }
static inline int scoped(int x) {
  int guard __attribute__((cleanup(unlock))) = x;
  if (x)
    goto out;
  x++;
out:
  return guard + x;
}
static const int table[4] = { 1, 2, 3, 4 };
static inline int lookup(int i) { return table[i & 3]; }

void rust_helper_relax(void) { relax(); }                    /* expect-fallback: asm-constraint-unsupported */
int rust_helper_sse(int x) { return sse(x); }                /* expect-fallback: asm-constraint-unsupported */
void rust_helper_shift_by(unsigned long *p, int n) { shift_by(p, n); } /* expect-fallback: asm-immediate-not-constant */
int rust_helper_goto_out(int x) { return goto_out(x); }      /* expect-fallback: asm-goto-outputs */
int rust_helper_goto_old_rust(int x) { return goto_old_rust(x); } /* expect-fallback: asm-goto-needs-rust-1.87 */
void rust_helper_rbx_clobber(void) { rbx_clobber(); }        /* expect-fallback: asm-constraint-unsupported */
int rust_helper_first_arg(va_list ap) { return first_arg(ap); } /* expect-fallback: va-arg */
int rust_helper_sum_all(int n) { return sum_all(n, 1, 2); }  /* expect-fallback: variadic-function */
int rust_helper_via_table(int i) { return via_table(i); }    /* expect-fallback: computed-goto */
int rust_helper_duff(int n) { return duff(n); }              /* expect-fallback: switch-case-nested */
int rust_helper_jump_in(int n) { return jump_in(n); }        /* expect-fallback: goto-into-block */
int rust_helper_atomic_load(_Atomic int *p) { return atomic_load(p); } /* expect-fallback: atomic-type */
int *rust_helper_literal(int x) { return literal(x); }       /* expect-fallback: compound-literal */
void *rust_helper_frame(void) { return frame(); }            /* expect-fallback: builtin */
int rust_helper_scoped(int x) { return scoped(x); }          /* expect-fallback: cleanup-attribute */
int rust_helper_lookup(int i) { return lookup(i); }          /* expect-fallback: static-global */
