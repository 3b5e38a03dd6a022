#include "common.h"

/* x86's static branch with a global key: unpatched, it takes the default. */
typedef struct { int counter; } atomic_t;
struct static_key { atomic_t enabled; void *entries; };
struct static_key_false { struct static_key key; };
struct static_key_false h2r_key;
static inline __attribute__((always_inline)) bool
arch_static_branch(struct static_key *const key, const bool branch) {
  asm goto("1:"
           ".byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
           ".pushsection __jump_table, \"aw\"\n\t"
           ".balign 8\n\t"
           ".long 1b - .\n\t"
           ".long %l[l_yes] - .\n\t"
           ".quad %c0 + %c1 - .\n\t"
           ".popsection\n\t"
           : : "i"(key), "i"(branch) : : l_yes);
  return false;
l_yes:
  return true;
}
static inline bool static_key_false(struct static_key *key) {
  return arch_static_branch(key, false);
}
int rust_helper_static_branch(int v) {
  if (static_key_false(&h2r_key.key))
    return v + 1;
  return v;
}
