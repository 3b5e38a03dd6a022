/// The bytes of a value of at most eight bytes, as a u64.
fn bits<T>(value: T) -> u64 {
    let mut bytes = [0u8; 8];
    let len = core::mem::size_of::<T>().min(8);
    // SAFETY: `len` bytes of `value` are readable, and `bytes` holds 8.
    unsafe {
        core::ptr::copy_nonoverlapping(
            core::ptr::from_ref(&value).cast::<u8>(),
            bytes.as_mut_ptr(),
            len,
        );
    }
    u64::from_ne_bytes(bytes)
}
