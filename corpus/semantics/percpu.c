/* difftest-cc: gcc */
/* Per-CPU data in x86's `__seg_gs` address space (the kernel's
 * CONFIG_USE_X86_SEG_SUPPORT, GCC-built SMP kernels): a place there is an
 * offset from the gs base. Before any helper runs, the constructor below
 * points the gs base at `cpu1`'s memory, so a per-CPU access reaches it,
 * never the variable's own copy: a translation that forgot the segment reads and
 * writes the wrong memory. The C original is GCC's: Clang compiles an
 * asm's "m" operand in the segment without the %gs: override, GCC (the
 * kernel's compiler for these configurations) with it. */
struct pcpu {
  long a;
  unsigned int n;
  _Bool f;
  int slots[4];
};

/* The per-CPU variables, declared in the address space as the kernel does
 * with a compiler that has typeof_unqual (GCC 14, clang 19.1). */
__seg_gs struct pcpu pc;
__seg_gs int counter;
/* What %gs: reaches for them: memory of its own, mapped above the program
 * (a gs base must be a user address, so the base cpu1 - &pc must not wrap). */
struct pcpu *cpu1;
int *cpu1_counter;
/* A plain variable reached through a cast into the address space, as
 * __my_cpu_ptr() does with older compilers (GCC 12). */
int plain_slots[4] = {1, 2, 3, 4};

long syscall(long number, ...);
void *mmap(void *addr, unsigned long length, int prot, int flags, int fd,
           long offset);

__attribute__((constructor)) static void enter_cpu1(void) {
  /* PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS; cpu1 in the middle,
   * where the other variables' copies fall too */
  char *area = (char *)mmap(0, 8192, 3, 0x22, -1, 0) + 4096;
  cpu1 = (struct pcpu *)area;
  *cpu1 = (struct pcpu){-7, 42, 1, {10, 20, 30, 40}};
  cpu1_counter = (int *)(area + ((unsigned long)&counter - (unsigned long)&pc));
  *cpu1_counter = 99;
  /* arch_prctl(ARCH_SET_GS, base) */
  syscall(158, 0x1001, (unsigned long)cpu1 - (unsigned long)&pc);
}

long rust_helper_read_a(void) { return pc.a; }
unsigned int rust_helper_read_n(void) { return pc.n; }
_Bool rust_helper_read_f(void) { return pc.f; }
int rust_helper_read_slot(int i) { return pc.slots[i & 3]; }

/* A write lands in cpu1, read back as plain memory. */
long rust_helper_write_a(long v) {
  pc.a = v;
  return cpu1->a;
}
int rust_helper_write_f(int v) {
  pc.f = v;
  return cpu1->f;
}
/* A read-modify-write of a byte, a word and a pointer-sized value. */
long rust_helper_add_a(long v) {
  pc.a = 5;
  pc.slots[1] = 20;
  pc.a += v;
  pc.slots[1] -= (short)v;
  return cpu1->a * 3 + cpu1->slots[1];
}

/* The shape of __my_cpu_ptr(): the address of a plain variable cast into
 * the segment; the gs base is cpu1 - pc, so this reads cpu1's memory at
 * plain_slots' offset from pc. */
int rust_helper_read_through_cast(int i) {
  unsigned long delta = (unsigned long)&plain_slots[i & 3] -
                        (unsigned long)cpu1;
  return *(int __seg_gs *)((unsigned long)&pc + delta);
}

/* this_cpu_read(): a volatile read, and a volatile write. */
int rust_helper_read_volatile(int v) {
  *(volatile int __seg_gs *)&counter = v;
  return *(volatile int __seg_gs *)&counter + *cpu1_counter;
}

/* A memory operand in the segment takes the %gs: override, what
 * percpu_add_op()'s "+m" does. The plain accesses are volatile: C may
 * assume the segment's memory and plain memory never alias. */
static inline void percpu_add(int v) {
  asm volatile("addl %1, %0" : "+m"(counter) : "ri"(v));
}
int rust_helper_asm_add(int v) {
  *(volatile int *)cpu1_counter = 1000;
  percpu_add(v);
  return *(volatile int *)cpu1_counter;
}

/* per_cpu_ptr(): the variable's offset converted to a plain pointer and
 * moved by another CPU's offset, here cpu1's; no segment involved. */
int rust_helper_per_cpu_ptr(int i) {
  unsigned long offset = (unsigned long)cpu1 - (unsigned long)&pc;
  struct pcpu *p = (struct pcpu *)((unsigned long)(struct pcpu *)&pc + offset);
  return p->slots[i & 3] + (p == cpu1);
}

/* __verify_pcpu_ptr(): a null pointer converted into the address space. */
long rust_helper_verify(void) {
  const void __seg_gs *verify = (typeof(&counter + 0))(void *)0;
  return verify == 0;
}
