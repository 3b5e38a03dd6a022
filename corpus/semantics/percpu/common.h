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
