/* GCC inline assembly (x86-64, AT&T): every form here must translate to
 * Rust's asm! and behave identically. */
#define LOCK_PREFIX \
  ".pushsection .smp_locks,\"a\"\n.balign 4\n.long 671f - .\n.popsection\n671:\n\tlock; "

struct counters {
  long a;
  int b[4];
  unsigned char c;
};

static inline int xadd(int *p, int i) {
  asm volatile(LOCK_PREFIX "xaddl %0, %1" : "+r"(i), "+m"(*p) : : "memory");
  return i;
}
int rust_helper_lock_xadd(int *p, int i) { return xadd(p, i) + *p; }

_Bool rust_helper_cmpxchg(int *p, int old, int new) {
  _Bool ok;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(ok), [ptr] "+m"(*p), "+a"(old)
               : [new] "r"(new)
               : "memory");
  return ok;
}
/* The zero flag of a lone cmpxchg is `after == before` of the accumulator
 * in Rust: negated, at byte width; an accumulator wider than the
 * instruction keeps setz (a 32-bit exchange leaves or clears the upper
 * half, so the comparison would not say ZF). */
int rust_helper_cmpxchg_failed(unsigned char *p, unsigned char old,
                               unsigned char new) {
  _Bool failed;
  asm volatile(LOCK_PREFIX "cmpxchgb %[new], %[ptr]"
               : "=@ccnz"(failed), [ptr] "+m"(*p), "+a"(old)
               : [new] "q"(new)
               : "memory");
  return failed * 1000 + old;
}
int rust_helper_cmpxchg_wide(int *p, long old, int new) {
  _Bool ok;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(ok), [ptr] "+m"(*p), "+a"(old)
               : [new] "r"(new)
               : "memory");
  return ok * 2 + (old >> 32 != 0);
}
/* A locked cmpxchg whose zero flag is an output is core's compare_exchange;
 * the kernel's try_cmpxchg shape: signed values, the memory through an
 * unsigned volatile pointer, *old written only on failure, in a loop. */
static inline _Bool try_cmpxchg(int *v, int *oldp, int new) {
  _Bool success;
  volatile unsigned int *ptr = (volatile unsigned int *)v;
  int old = *oldp;
  asm volatile(LOCK_PREFIX "cmpxchgl %[new], %[ptr]"
               : "=@ccz"(success), [ptr] "+m"(*ptr), [old] "+a"(old)
               : [new] "r"(new)
               : "memory");
  if (!success)
    *oldp = old;
  return success;
}
int rust_helper_dec_if_positive(int *v) {
  int c = *v, dec;
  do {
    dec = c - 1;
    if (dec < 0)
      break;
  } while (!try_cmpxchg(v, &c, dec));
  return dec * 10 + c;
}
int rust_helper_try_cmpxchg_once(int *v, int old, int new) {
  int seen = old;
  return try_cmpxchg(v, &seen, new) * 1000 + seen;
}
/* One locked read-modify-write is core's atomic of the same operation; the
 * zero and sign flags of inc/dec/add/sub of a constant come from the new
 * value (GEN_UNARY_RMWcc / GEN_BINARY_RMWcc's shapes). */
int rust_helper_dec_and_test(int *v) {
  _Bool c;
  asm volatile(LOCK_PREFIX "decl %[var]"
               : [var] "+m"(*v), "=@cce"(c)
               :
               : "memory");
  return c * 1000 + *v;
}
int rust_helper_inc_and_sign(long *v) {
  _Bool neg, nonzero;
  asm volatile(LOCK_PREFIX "incq %[var]"
               : [var] "+m"(*v), "=@ccs"(neg), "=@ccnz"(nonzero)
               :
               : "memory");
  return neg * 10 + nonzero;
}
int rust_helper_sub_const_and_test(unsigned short *v) {
  int c;
  asm volatile(LOCK_PREFIX "subw %[val], %[var]"
               : [var] "+m"(*v), "=@ccns"(c)
               : [val] "er"((unsigned short)300)
               : "memory");
  return c * 100000 + *v;
}
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
/* A variable operand with a flag output stays asm. */
int rust_helper_sub_var_and_test(int *v, int i) {
  _Bool c;
  asm volatile(LOCK_PREFIX "subl %[val], %[var]"
               : [var] "+m"(*v), "=@cce"(c)
               : [val] "er"(i)
               : "memory");
  return c * 1000 + *v;
}
long rust_helper_lock_logic(unsigned long *p, unsigned long m) {
  asm volatile(LOCK_PREFIX "orq %1, %0" : "+m"(p[0]) : "er"(m) : "memory");
  asm volatile(LOCK_PREFIX "andq %1, %0" : "+m"(p[1]) : "er"(~m) : "memory");
  asm volatile(LOCK_PREFIX "xorb %1, %0" : "+m"(*(unsigned char *)&p[2]) : "iq"((unsigned char)0x5a) : "memory");
  asm volatile(LOCK_PREFIX "addl %1, %0" : "+m"(*(int *)&p[3]) : "ir"((int)m) : "memory");
  return p[0] ^ p[1] ^ p[2] ^ p[3];
}
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

/* A global reached only as an asm `sym` operand is still declared (it was
 * pruned as unused: E0425). */
int asm_sym_target = 5;
static inline long asm_sym_address(void) {
  long r;
  asm("leaq %c1(%%rip), %0" : "=r"(r) : "i"(&asm_sym_target));
  return r;
}
int rust_helper_asm_sym_only(int x) { return *(int *)asm_sym_address() + x; }

/* Tied operands of different sizes (get_user's `"=a"(int) : "0"(ptr)`):
 * the register holds the input, the output takes its low bits. */
int rust_helper_tied_pointer_low_bits(const int *ptr) {
  int ret;
  asm volatile("incl %%eax" : "=a"(ret) : "0"(ptr));
  return ret - (int)(unsigned long)ptr; /* 1: buffers differ in address */
}
int rust_helper_tied_narrow(unsigned long v) {
  int r;
  asm("shrq $8, %%rax" : "=a"(r) : "0"(v));
  return r;
}
long rust_helper_tied_wide(int v) {
  long r;
  asm("addl $1, %k0" : "=r"(r) : "0"(v));
  return (int)r;
}

/* "i" naming a function: a `sym` operand, from a helper and from an inline. */
void h2r_asm_target(void) {}
static inline int target_address_matches(void) {
  void *p;
  asm("leaq %c1(%%rip), %0" : "=r"(p) : "i"(h2r_asm_target));
  return p == (void *)h2r_asm_target;
}
int rust_helper_sym_function(void) { return target_address_matches(); }
int rust_helper_sym_function_twice(void) { return 2 * target_address_matches(); }

/* The stack pointer as a GNU register variable (the kernel's
 * ASM_CALL_CONSTRAINT, `"+r"(current_stack_pointer)`): a register, never a
 * symbol; the asm keeps an aligned stack (no `nostack`) and takes no operand
 * for it. */
register unsigned long h2r_stack_pointer asm("rsp");
static inline long stack_ordered_add(long a, long b) {
  asm volatile("addq %2, %1" : "+r"(h2r_stack_pointer), "+r"(a) : "r"(b));
  return a;
}
long rust_helper_stack_pointer_operand(long a, long b) {
  return stack_ordered_add(a, b) ^ 5;
}

/* "m" places at a constant offset from a pointer: the pointer in a
 * register, the offset in the template (`12(%rdi)`), as GCC addresses them. */
int rust_helper_memory_displacement(struct counters *s, int add) {
  int v;
  asm volatile(LOCK_PREFIX "addl %1, %0" : "+m"(s->b[1]) : "ir"(add) : "memory");
  asm("movl %1, %0" : "=r"(v) : "m"(s->b[2]));
  return v + s->b[1];
}

/* An "m" place in a global (this_cpu_read's `"m"(pcpu_hot.cpu_number)`):
 * the global as a `sym` operand, `sym+8(%rip)`. */
struct counters global_counters = {5, {6, 7, 8, 9}, 10};
int rust_helper_global_memory(int add) {
  int v;
  global_counters.b[0] = 6;
  asm volatile("addl %1, %0" : "+m"(global_counters.b[0]) : "r"(add) : "memory");
  asm("movl %1, %0" : "=r"(v) : "m"(global_counters.b[0]));
  return v;
}
/* `|` in a template with operands, as in the kernel's ALTERNATIVE flags
 * (`ALT_DIRECT_CALL(f)` is `(1 << 1) << 16 | f`): Clang hands it over
 * escaped for LLVM (`$|`), Rust's template wants it as it is. */
int rust_helper_asm_bit_or(int x) {
  asm("addl $((1 << 4) | 3), %0" : "+r"(x));
  return x;
}
