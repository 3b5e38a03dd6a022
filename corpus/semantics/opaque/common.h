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
