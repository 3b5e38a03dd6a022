/// Runs `call` with interrupts off, measures how much it changes the
/// preempt count at `count`, and sets the count back.
fn measuring_preempt_count<T: Copy>(count: *mut T, call: impl FnOnce() -> Outcome) -> Outcome {
    let flags: usize;
    // SAFETY: local_irq_save(): nothing else changes the count until
    // the flags are restored below.
    unsafe { core::arch::asm!("pushfq", "pop {0}", "cli", out(reg) flags) };
    // SAFETY: `count` is the kernel's preempt count, read and written
    // with interrupts off.
    let before = unsafe { count.read_volatile() };
    let mut outcome = call();
    // SAFETY: as above.
    unsafe {
        // The change, sign-extended from the count's width (an int in
        // Linux 6.12, an unsigned long in 7.3).
        let shift = 64 - 8 * core::mem::size_of::<T>() as u32;
        let change = bits(count.read_volatile()).wrapping_sub(bits(before)) << shift;
        outcome.preempt = (change as i64) >> shift;
        count.write_volatile(before);
    }
    // SAFETY: local_irq_restore() of the flags saved above.
    unsafe { core::arch::asm!("push {0}", "popfq", in(reg) flags) };
    outcome
}
