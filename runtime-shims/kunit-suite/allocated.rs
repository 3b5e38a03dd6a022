/// What an allocator returned: null, ZERO_SIZE_PTR (for a size of 0) or
/// memory, whose address differs from side to side.
fn allocated(p: *const core::ffi::c_void) -> u64 {
    match p as usize {
        0 => 0,
        1..=16 => 1,
        _ => 2,
    }
}
