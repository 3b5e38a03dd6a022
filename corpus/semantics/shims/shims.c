/* difftest-cflags: -DJUMP_LABELS_OFF */
/* Shims: what Rust cannot express at the requested --rust-version, stood in
 * for by the form C itself uses for the same meaning. The C side of the
 * differential test is that form (-DJUMP_LABELS_OFF: jump_label.h without
 * CONFIG_JUMP_LABEL); the translation is made from the asm goto. */

#include <stdbool.h>

typedef struct { int counter; } atomic_t;
struct static_key { atomic_t enabled; void *entries; };
struct static_key_true { struct static_key key; };
struct static_key_false { struct static_key key; };

static inline int static_key_count(struct static_key *key) {
  return *(volatile int *)&key->enabled.counter;
}

#ifdef JUMP_LABELS_OFF
static inline bool static_key_false(struct static_key *key) {
  return static_key_count(key) > 0;
}
static inline bool static_key_true(struct static_key *key) {
  return static_key_count(key) > 0;
}
#define static_branch_likely(x) (static_key_count(&(x)->key) > 0)
#define static_branch_unlikely(x) (static_key_count(&(x)->key) > 0)
#else
/* x86's static branches: the key is an "i" operand, constant only once C
 * has inlined the call site. */
#define JUMP_TABLE_ENTRY                                                      \
  ".pushsection __jump_table,  \"aw\" \n\t"                                   \
  ".balign 8\n\t"                                                             \
  ".long 1b - . \n\t"                                                         \
  ".long %l[l_yes] - . \n\t"                                                  \
  ".quad %c0 + %c1 - .\n\t"                                                   \
  ".popsection \n\t"
static inline __attribute__((always_inline)) bool
arch_static_branch(struct static_key *const key, const bool branch) {
  asm goto("1:"
           ".byte 0x0f,0x1f,0x44,0x00,0x00\n\t" JUMP_TABLE_ENTRY
           : : "i"(key), "i"(branch) : : l_yes);
  return false;
l_yes:
  return true;
}
static inline __attribute__((always_inline)) bool
arch_static_branch_jump(struct static_key *const key, const bool branch) {
  asm goto("1:"
           "jmp %l[l_yes]\n\t" JUMP_TABLE_ENTRY
           : : "i"(key), "i"(branch) : : l_yes);
  return false;
l_yes:
  return true;
}
static inline bool static_key_false(struct static_key *key) {
  return arch_static_branch(key, false);
}
static inline bool static_key_true(struct static_key *key) {
  return !arch_static_branch(key, true);
}
/* jump_label.h's polarity table. */
#define static_branch_likely(x)                                               \
  ({                                                                          \
    bool branch;                                                              \
    if (__builtin_types_compatible_p(typeof(*x), struct static_key_true))     \
      branch = !arch_static_branch(&(x)->key, true);                          \
    else                                                                      \
      branch = !arch_static_branch_jump(&(x)->key, true);                     \
    __builtin_expect(branch, 1);                                              \
  })
#define static_branch_unlikely(x)                                             \
  ({                                                                          \
    bool branch;                                                              \
    if (__builtin_types_compatible_p(typeof(*x), struct static_key_true))     \
      branch = arch_static_branch_jump(&(x)->key, false);                     \
    else                                                                      \
      branch = arch_static_branch(&(x)->key, false);                          \
    __builtin_expect(branch, 0);                                              \
  })
#endif

bool rust_helper_static_key_false(struct static_key *key) { return static_key_false(key); }
bool rust_helper_static_key_true(struct static_key *key) { return static_key_true(key); }
bool rust_helper_likely_true_key(struct static_key_true *k) { return static_branch_likely(k); }
bool rust_helper_likely_false_key(struct static_key_false *k) { return static_branch_likely(k); }
bool rust_helper_unlikely_true_key(struct static_key_true *k) { return static_branch_unlikely(k); }
int rust_helper_unlikely_false_key(struct static_key_false *k, int v) {
  if (static_branch_unlikely(k))
    return v + 1;
  return v;
}
