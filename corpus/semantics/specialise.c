/* Call-site specialisation: an inline whose parameter reaches an asm
 * immediate ("i"), translated once per constant its callers pass, as C
 * sees it after inlining. Run at --rust-version=1.87, where the static
 * branches translate exactly (asm goto), __jump_table entry included. */
#include <stdbool.h>

/* An "i" operand computed from a parameter. */
static inline long add_immediate(long v, int n) {
  long r;
  asm("leaq %c2(%1), %0" : "=r"(r) : "r"(v), "i"(n * 2 + 1));
  return r;
}
long rust_helper_add_11(long v) { return add_immediate(v, 5); }
long rust_helper_add_both(long v) { return add_immediate(v, 5) + add_immediate(v, -3); }

/* The address of a global plus a member's offset, through two calls. */
struct h2r_pair { long a, b; } h2r_pair;
static inline bool is_address(long *p) {
  long *r;
  asm("leaq %c1(%%rip), %0" : "=r"(r) : "i"(p));
  return r == p;
}
static inline bool second_is_address(struct h2r_pair *p) { return is_address(&p->b); }
bool rust_helper_member_address(void) { return second_is_address(&h2r_pair); }

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

/* __builtin_constant_p of a parameter: C, after inlining, sees the
 * caller's constant; so does the copy specialised for it. */
static inline int scaled_if_constant(int n) {
  return __builtin_constant_p(n) ? n * 3 : -1;
}
int rust_helper_constant_p_known(void) { return scaled_if_constant(4); }
int rust_helper_constant_p_unknown(int v) { return scaled_if_constant(v); }
