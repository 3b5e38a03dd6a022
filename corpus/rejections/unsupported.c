/* Constructs the lowering rejects today. Each helper names, in an
 * `expect-fallback:` comment, the construct the report must give for it;
 * tests/difftest/reportcheck.cpp checks that, and that the translatable
 * helper beside them is unaffected. */
#include <stdarg.h>

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
/* A packed record holding an aligned, bitfield-only one (E0588 and E0793 in
 * Rust): a named fallback in self mode. */
struct bits_only { unsigned a : 3; unsigned b : 7; };
struct __attribute__((packed)) packed_holder { char c; struct bits_only inner; };
int rust_helper_packed_bits(struct packed_holder *p) { return p->inner.b; } /* expect-fallback: record-layout */
/* The same at depth (x86_msi_data: packed, an anonymous union, a struct of
 * bitfields inside it). */
struct __attribute__((packed)) msi_like {
  union {
    struct { unsigned vector : 8, mode : 3; };
    unsigned subhandle;
  };
};
unsigned rust_helper_msi_subhandle(struct msi_like *m) { return m->subhandle; } /* expect-fallback: record-layout */
/* A variadic inline that never reads its arguments translates without
 * them; its address, a variadic pointer, has no such form. */
static inline void check_format(const char *fmt, ...) { (void)fmt; }
typedef void (*format_checker)(const char *, ...);
format_checker rust_helper_checker_address(void) { return check_format; } /* expect-fallback: variadic-function */
/* GNU global register variables are registers: the stack pointer only as
 * ASM_CALL_CONSTRAINT's in-out operand; read as a value, or any other
 * register, has no Rust form. */
register unsigned long stack_reg asm("rsp");
register unsigned long bp_reg asm("rbp");
unsigned long rust_helper_read_sp(void) { return stack_reg; } /* expect-fallback: global-register-variable */
void rust_helper_bp_operand(void) { asm volatile("" : "+r"(bp_reg)); } /* expect-fallback: global-register-variable */
/* A file-scope static const is its value when read; its address is not. */
static const int shift_amount = 3;
const int *rust_helper_static_const_address(void) { return &shift_amount; } /* expect-fallback: static-global */
int rust_helper_fine(int x) { return x + 1; }                /* expect-translated */
/* An immediate through a local: one never written after its initialiser is
 * the caller's constant; one written later is not followed. */
static inline void shift_by_local(unsigned long *p, int n) { int k = n; asm("shlq %1, %0" : "+m"(*p) : "i"(k)); }
static inline void shift_by_written_local(unsigned long *p, int n) { int k = n; k++; asm("shlq %1, %0" : "+m"(*p) : "i"(k)); }
void rust_helper_shift_by_local(unsigned long *p) { shift_by_local(p, 2); } /* expect-translated */
void rust_helper_shift_by_written_local(unsigned long *p) { shift_by_written_local(p, 2); } /* expect-fallback: asm-immediate-not-constant */
/* lockdep's _RET_IP_: the helper's own return address, a point in its Rust
 * caller, into which the translation is inlined; an outer frame's is not
 * readable. */
void *rust_helper_return_address(void) { return __builtin_return_address(0); } /* expect-translated */
void *rust_helper_outer_return_address(void) { return __builtin_return_address(1); } /* expect-fallback: builtin */
/* A function whose address is taken is called through the pointer, not
 * inlined: a _RET_IP_ inlined into it would name it, not its caller. */
static inline unsigned long ret_ip(void) { return (unsigned long)__builtin_return_address(0); }
static inline unsigned long via_pointer(void) { return ret_ip(); }
typedef unsigned long (*ip_fn)(void);
ip_fn rust_helper_ip_function(void) { return via_pointer; } /* expect-fallback: return-address-not-inlined */
