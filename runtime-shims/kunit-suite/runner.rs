/// The bytes a pointer argument's memory is filled with before a call.
const PATTERNS: [u8; 6] = [0x00, 0xff, 0x01, 0x80, 0x7f, 0x55];
/// The most cases of a grid a test case runs.
const CASES: usize = 4096;
const ZONE: usize = 16384;
/// Where in its zone a pointer argument points: 128 bytes either side
/// show a write past the object.
const AT: usize = 128;

/// The memory of up to three pointer arguments.
#[repr(C, align(64))]
struct Zones([[u8; ZONE]; 3]);

impl Zones {
    fn at<T>(&mut self, i: usize) -> *mut T {
        self.0[i][AT..].as_mut_ptr().cast()
    }

    fn fill(&mut self, len: usize, byte: u8) {
        for zone in &mut self.0 {
            zone[..len].fill(byte);
        }
    }
}

/// The zones both sides run on, and what the C side left in them: both
/// sides see the same addresses, so pointers they store or return into
/// the zones compare equal.
struct Memory(core::cell::UnsafeCell<[Zones; 2]>);

// SAFETY: KUnit runs a suite's test cases one after another.
unsafe impl Sync for Memory {}

static MEMORY: Memory = Memory(core::cell::UnsafeCell::new([
    Zones([[0; ZONE]; 3]),
    Zones([[0; ZONE]; 3]),
]));

/// What one side said to the C functions the suite replaces by
/// doubles: how many calls, and a hash of each one's function and
/// arguments, in order.
#[derive(PartialEq, Clone, Copy)]
struct Calls {
    count: u64,
    hash: u64,
}

impl Calls {
    const NONE: Calls = Calls { count: 0, hash: 0 };
}

/// What one side of a case did that the other must do too.
#[derive(PartialEq)]
struct Outcome {
    /// The result, as raw bits.
    value: u64,
    /// The warnings it raised, where the test counts them.
    warnings: i32,
    /// How much it changed the preempt count, where the test measures it.
    preempt: i64,
    /// Its calls to replaced C functions, where the test replaces them.
    calls: Calls,
}

impl Outcome {
    fn of(value: u64) -> Self {
        Outcome {
            value,
            warnings: 0,
            preempt: 0,
            calls: Calls::NONE,
        }
    }
}

/// Runs `call` (C, then Rust) on every case of a grid with digits of
/// `dims`, the last one a pattern if `pointers`, with the first `len`
/// bytes of each zone filled and compared; says where and returns false
/// at the first difference.
fn same(
    name: &str,
    dims: &[usize],
    pointers: bool,
    len: usize,
    call: impl Fn(&[usize; 8], &mut Zones, bool) -> Outcome,
) -> bool {
    // SAFETY: test cases run one at a time and only `same` uses MEMORY.
    let [zones, c_left] = unsafe { &mut *MEMORY.0.get() };
    let total: usize = dims.iter().product();
    for case in 0..total.min(CASES) {
        // Past CASES, a stride through the grid reaches every digit.
        let mut k = if total <= CASES { case } else { case * 7919 % total };
        let mut d = [0usize; 8];
        for (digit, n) in d.iter_mut().zip(dims) {
            *digit = k % n;
            k /= n;
        }
        let fill = if pointers { PATTERNS[d[dims.len() - 1]] } else { 0 };
        zones.fill(len, fill);
        let c = call(&d, zones, true);
        for (left, zone) in c_left.0.iter_mut().zip(&zones.0) {
            left[..len].copy_from_slice(&zone[..len]);
        }
        zones.fill(len, fill);
        let rust = call(&d, zones, false);
        let same_memory = c_left.0.iter().zip(&zones.0).all(|(l, z)| l[..len] == z[..len]);
        if c != rust || !same_memory {
            kernel::kunit::err(format_args!(
                "    # {}: case {:?}: C returned {:#x} ({} warnings, preempt count {:+}, \
                 {} calls {:#x}), Rust {:#x} ({} warnings, preempt count {:+}, \
                 {} calls {:#x}){}\n",
                name,
                &d[..dims.len()],
                c.value,
                c.warnings,
                c.preempt,
                c.calls.count,
                c.calls.hash,
                rust.value,
                rust.warnings,
                rust.preempt,
                rust.calls.count,
                rust.calls.hash,
                if same_memory { "" } else { "; the memory differs" }
            ));
            return false;
        }
    }
    true
}
