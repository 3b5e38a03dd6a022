//! The in-kernel suite's pieces (runtime-shims/kunit-suite/) compiled
//! together, inside a module as the suite holds them, against stand-ins for
//! what the kernel gives them: `kernel::kunit::err` and the bindings they
//! name, declared as Linux 7.3's bindings declare them.
#![no_std]

mod kernel {
    pub mod kunit {
        pub fn err(_args: core::fmt::Arguments<'_>) {}
    }
}

#[allow(non_camel_case_types)]
mod bindings {
    pub type gfp_t = core::ffi::c_uint;
    pub const GFP_KERNEL: gfp_t = 0xcc0;
    pub const __GFP_NOWARN: gfp_t = 0x2000;
    pub const __GFP_ZERO: gfp_t = 0x100;

    #[repr(C)]
    pub struct kunit {
        _private: [u8; 0],
    }

    #[repr(C)]
    pub struct kunit_suppressed_warning {
        _private: [u8; 0],
    }

    extern "C" {
        pub fn kunit_get_current_test() -> *mut kunit;
        pub fn kunit_start_suppress_warning(test: *mut kunit) -> *mut kunit_suppressed_warning;
        pub fn kunit_suppressed_warning_count(w: *mut kunit_suppressed_warning)
            -> core::ffi::c_int;
        pub fn kunit_end_suppress_warning(test: *mut kunit, w: *mut kunit_suppressed_warning);
    }
}

// A suite uses the pieces its test cases need; here none calls them.
#[allow(dead_code)]
mod tests {
    use crate::{bindings, kernel};

    include!("../../runtime-shims/kunit-suite/runner.rs");
    include!("../../runtime-shims/kunit-suite/edges.rs");
    include!("../../runtime-shims/kunit-suite/small.rs");
    include!("../../runtime-shims/kunit-suite/below.rs");
    include!("../../runtime-shims/kunit-suite/counting_warnings.rs");
    include!("../../runtime-shims/kunit-suite/measuring_preempt_count.rs");
    include!("../../runtime-shims/kunit-suite/gfp.rs");
    include!("../../runtime-shims/kunit-suite/alignments.rs");
    include!("../../runtime-shims/kunit-suite/allocated.rs");
    include!("../../runtime-shims/kunit-suite/bits.rs");
}
