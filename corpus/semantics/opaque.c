/* helpers2rs-options: --opaque-type=spinlock */
/* Members of a record the bindings make opaque, as bindgen_parameters makes
 * the kernel's spinlock_t: the Rust reaches them by byte offset from the
 * record's address, and the record itself is only bytes of its size. */

typedef struct raw_spinlock {
  unsigned int val;
  unsigned int owner_cpu;
} raw_spinlock_t;

typedef struct spinlock {
  union {
    struct raw_spinlock rlock;
    struct {
      unsigned char __padding[4];
      unsigned int dep;
    };
  };
  unsigned int tail; /* no padding: C leaves padding bytes unspecified */
} spinlock_t;

struct holder {
  long x;
  spinlock_t lock;
  int after;
};

static inline raw_spinlock_t *spinlock_check(spinlock_t *lock) {
  return &lock->rlock;
}

unsigned int rust_helper_lock_val(spinlock_t *lock) { return lock->rlock.val; }

void rust_helper_lock_set_owner(spinlock_t *lock, unsigned int cpu) {
  lock->rlock.owner_cpu = cpu;
}

/* A member of an anonymous struct inside the opaque record's anonymous union. */
unsigned int rust_helper_lock_dep(const spinlock_t *lock) { return lock->dep; }

/* The opaque record as a member of a visible one. */
unsigned int rust_helper_holder_tail(struct holder *h) { return h->lock.tail; }

int rust_helper_lock_inc(spinlock_t *lock) {
  raw_spinlock_t *r = spinlock_check(lock);
  r->val += 1;
  return (int)r->val;
}

void rust_helper_lock_copy(spinlock_t *dst, const spinlock_t *src) { *dst = *src; }

int rust_helper_holder_after(struct holder *h) {
  h->lock.rlock.owner_cpu ^= 3;
  return h->after + (int)h->lock.rlock.owner_cpu;
}

/* spin_lock_init's shape: a compound literal of the opaque type. */
void rust_helper_lock_init(spinlock_t *lock) {
  *lock = (spinlock_t){ { .rlock = { .val = 0, .owner_cpu = 0xffffffff } } };
}

void rust_helper_lock_init_var(spinlock_t *lock, unsigned int cpu) {
  spinlock_t l = { .rlock = { .owner_cpu = cpu }, .tail = 7 };
  *lock = l;
}
