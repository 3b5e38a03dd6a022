/// Runs `call` with KUnit's warning suppression on, counting the
/// warnings it raises.
fn counting_warnings(call: impl FnOnce() -> Outcome) -> Outcome {
    // SAFETY: a test case's own task asks for its test.
    let test = unsafe { bindings::kunit_get_current_test() };
    // SAFETY: `test` is the running test; the handle lives until it is
    // ended below.
    let handle = unsafe { bindings::kunit_start_suppress_warning(test) };
    let mut outcome = call();
    // SAFETY: `handle` is the one started above, ended once.
    unsafe {
        outcome.warnings = bindings::kunit_suppressed_warning_count(handle);
        bindings::kunit_end_suppress_warning(test, handle);
    }
    outcome
}
