#include "common.h"

/* Without `lock` (this_cpu_cmpxchg's form) it is no atomic: it stays asm,
 * and the flag is the comparison. */
int rust_helper_cmpxchg_unlocked(long *p, long old, long new) {
  _Bool ok;
  asm volatile("cmpxchgq %[new], %[ptr]"
               : "=@ccz"(ok), [ptr] "+m"(*p), "+a"(old)
               : [new] "r"(new)
               : "memory");
  return ok * 2 + (old == new);
}
long rust_helper_cmpxchg_old(long *p, long old, long new) {
  long prev;
  asm volatile(LOCK_PREFIX "cmpxchgq %2, %1"
               : "=a"(prev), "+m"(*p)
               : "r"(new), "0"(old)
               : "memory");
  return prev;
}
long rust_helper_xchg(long *p, long v) {
  asm volatile("xchgq %0, %1" : "+r"(v), "+m"(*p) : : "memory");
  return v;
}
int rust_helper_bts(unsigned long *p, long n) {
  _Bool c;
  asm volatile(LOCK_PREFIX "btsq %2, %1" : "=@ccc"(c), "+m"(*p) : "Ir"(n & 63) : "memory");
  return c;
}
int rust_helper_btr_const(unsigned long *p) {
  _Bool c;
  asm volatile("btrq %2, %1" : "=@ccc"(c), "+m"(*p) : "Ir"(7L) : "memory");
  return c;
}
int rust_helper_btc(unsigned int *p, int n) {
  _Bool c;
  asm volatile("btcl %2, %1" : "=@ccc"(c), "+m"(*p) : "Ir"(n & 31) : "memory");
  return c;
}
unsigned long rust_helper_bsf(unsigned long x) {
  unsigned long r;
  if (!x)
    return 64;
  asm("bsfq %1, %0" : "=r"(r) : "rm"(x));
  return r;
}
unsigned int rust_helper_bsr(unsigned int x) {
  unsigned int r = -1;
  asm("bsrl %1, %0" : "+r"(r) : "rm"(x));
  return r;
}
long rust_helper_mem_offset(struct counters *s, int v) {
  asm volatile("addl %1, 8(%0)\n\tincq (%0)" : : "r"(s), "r"(v) : "memory");
  asm volatile("movb %1, %0" : "=m"(s->c) : "q"((unsigned char)v));
  return s->a + s->b[0];
}
int rust_helper_goto_carry(unsigned int a, unsigned int b) {
  asm goto("addl %0, %1\n\tjc %l[carry]" : : "r"(a), "r"(b) : "cc" : carry);
  return 0;
carry:
  return 1;
}
int rust_helper_goto_zero(unsigned long *p, long n) {
  asm goto("decq %0\n\tjz %l1" : : "m"(p[n & 3]) : "memory", "cc" : zero);
  return 2;
zero:
  return 3;
}
int rust_helper_widths(int x) {
  unsigned char b;
  short w;
  long q;
  asm("movb %b1, %0" : "=q"(b) : "q"(x));
  asm("movw %w1, %0" : "=r"(w) : "r"(x));
  asm("movslq %k1, %q0" : "=r"(q) : "r"(x));
  return b + w + (int)(q >> 16);
}
int rust_helper_high_byte(unsigned int x) {
  unsigned char h;
  asm("movb %h1, %0" : "=q"(h) : "Q"(x));
  return h;
}
unsigned long rust_helper_explicit(unsigned long a, unsigned long c) {
  unsigned long d;
  asm("movq %%rcx, %%rdx\n\taddq %%rax, %%rdx" : "=d"(d) : "a"(a), "c"(c));
  return d;
}
unsigned long rust_helper_string_regs(unsigned long s, unsigned long d) {
  asm("xchgq %%rsi, %%rdi" : "+S"(s), "+D"(d));
  return s * 3 + d;
}
int rust_helper_consts(int x) {
  asm("addl %1, %0" : "+r"(x) : "i"(2));
  asm("subl $%c1, %0" : "+r"(x) : "n"(1));
  asm("imull $%c1+%c2, %0, %0" : "+r"(x) : "i"(3), "i"(4));
  return x;
}
unsigned long rust_helper_clobbers(unsigned long x) {
  asm("movq %0, %%r8\n\taddq %%r8, %0\n\tmovq $0, %%rcx" : "+r"(x) : : "r8", "rcx", "cc");
  return x;
}
unsigned int rust_helper_pure_bswap(unsigned int x) {
  asm("bswapl %0" : "+r"(x));
  return x;
}
int rust_helper_address_modifier(int *p, int v) {
  asm volatile("addl %1, %a0" : : "r"(p + 1), "r"(v) : "memory");
  return p[1];
}
int rust_helper_const_local(int v) {
  __auto_type flags = 3 | (1 << 4);
  asm("addl %1, %0" : "+r"(v) : "i"(flags));
  return v;
}
