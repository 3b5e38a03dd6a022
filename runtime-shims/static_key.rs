/// `static_key_count(key) > 0`: whether a static key is enabled, read the
/// way `jump_label.h` reads it without jump labels (`atomic_read` of
/// `key->enabled`, a volatile load of its counter).
///
/// helpers2rs calls this where x86's `arch_static_branch` would patch a
/// jump at boot: Rust's `asm goto` needs the key as a constant, which C has
/// only once it has inlined the call site (the `static-key-test` shim,
/// docs/constructs.md). The answer is the same; the cost is a load and a
/// compare instead of a patched `nop`.
///
/// # Safety
///
/// `enabled_counter` points to the `enabled.counter` of a live
/// `struct static_key`.
#[inline(always)]
unsafe fn h2r_static_key_enabled(enabled_counter: *const i32) -> bool {
    // SAFETY: the caller passes the counter of a live key; the load is
    // volatile as atomic_read's READ_ONCE is.
    unsafe { core::ptr::read_volatile(enabled_counter) > 0 }
}
