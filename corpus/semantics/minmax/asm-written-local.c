#include "common.h"

/* A local an asm output writes is not its initialiser's constant: the
 * condition on it is decided at run time (arch_local_save_flags()'s
 * `flags` after `pushf; pop`). */
int rust_helper_asm_written_local(int v) {
  unsigned long word = 0;
  asm("movq %1, %0" : "=r"(word) : "r"((unsigned long)v));
  if (word & 1)
    return 1;
  return statically_true(word == 0) * 10 + (word == 0);
}
