/* GCC inline assembly (x86-64, AT&T): every form here must translate to
 * Rust's asm! and behave identically. */

#define LOCK_PREFIX \
  ".pushsection .smp_locks,\"a\"\n.balign 4\n.long 671f - .\n.popsection\n671:\n\tlock; "

struct counters {
  long a;
  int b[4];
  unsigned char c;
};
