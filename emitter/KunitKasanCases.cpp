//===- emitter/KunitKasanCases.cpp - The suite's KASAN cases --------------===//

#include "emitter/KunitKasanCases.h"

#include <sstream>

namespace h2r::emit {

using namespace ir;

const char *const KasanCaseRuntime = R"(
    /// KASAN's reports since a KASAN case last looked.
    static KASAN_REPORTS: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(0);

    extern "C" {
        static mut __tracepoint_console: bindings::tracepoint;
        // KASAN's interface for KUnit (mm/kasan/kasan.h).
        fn kasan_kunit_test_suite_start();
        fn kasan_kunit_test_suite_end();
        fn kasan_save_enable_multi_shot() -> bool;
        fn kasan_restore_multi_shot(enabled: bool);
    }

    /// The console tracepoint's probe: counts the lines that start a
    /// KASAN report.
    unsafe extern "C" fn count_kasan_report(
        _data: *mut core::ffi::c_void,
        text: *const u8,
        len: usize,
    ) {
        // SAFETY: the console passes the text it prints and its length.
        let text = unsafe { core::slice::from_raw_parts(text, len) };
        if text.windows(12).any(|w| w == b"BUG: KASAN: ") {
            KASAN_REPORTS.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Where in a 96-byte kmalloc() object of 65 bytes a bad address
    /// lies: past the 65 bytes, 24 bytes before the object's end.
    const BAD_AT: usize = 72;

    /// Runs `call` (C, then Rust) on an address out of bounds, then on one
    /// in a freed object, and says whether KASAN reported each side's
    /// accesses as often, and at least once; says where not.
    fn kasan_same(name: &str, call: impl Fn(*mut u8, bool)) -> bool {
        let probe = count_kasan_report as *mut core::ffi::c_void;
        // SAFETY: as KASAN's own KUnit suite runs its cases: its reports
        // do not fail the case and each is printed (multi-shot); the probe
        // is a function of this object, which stays.
        let multishot = unsafe {
            kasan_kunit_test_suite_start();
            let multishot = kasan_save_enable_multi_shot();
            bindings::tracepoint_probe_register(
                &raw mut __tracepoint_console,
                probe,
                core::ptr::null_mut(),
            );
            multishot
        };
        let mut counts = [0u32; 4];
        for (bad, freed) in [false, true].into_iter().enumerate() {
            // SAFETY: a kmalloc() object, freed with kfree() (here, for
            // the freed address, or below).
            let object = unsafe { bindings::__kmalloc_noprof(65, bindings::GFP_KERNEL) }.cast::<u8>();
            if object.is_null() {
                return false;
            }
            if freed {
                // SAFETY: allocated above; KASAN holds it in quarantine.
                unsafe { bindings::kfree(object.cast()) };
            }
            for (side, c) in [true, false].into_iter().enumerate() {
                KASAN_REPORTS.store(0, core::sync::atomic::Ordering::Relaxed);
                // The helper's accesses stay inside the object's 96 bytes.
                call(object.wrapping_add(BAD_AT), c);
                counts[bad * 2 + side] = KASAN_REPORTS.load(core::sync::atomic::Ordering::Relaxed);
            }
            if !freed {
                // SAFETY: allocated above.
                unsafe { bindings::kfree(object.cast()) };
            }
        }
        // SAFETY: undoes the set-up above.
        unsafe {
            bindings::tracepoint_probe_unregister(&raw mut __tracepoint_console, probe, core::ptr::null_mut());
            kasan_restore_multi_shot(multishot);
            kasan_kunit_test_suite_end();
        }
        let [c_oob, rust_oob, c_freed, rust_freed] = counts;
        if c_oob != rust_oob || c_freed != rust_freed || c_oob == 0 || c_freed == 0 {
            kernel::kunit::err(format_args!(
                "    # {}: KASAN reported C {} and Rust {} times out of bounds, \
                 C {} and Rust {} times after free\n",
                name, c_oob, rust_oob, c_freed, rust_freed
            ));
            return false;
        }
        true
    }
)";

std::string kasanCase(const Function &F, const std::string &CName,
                      const std::string &Translation, const EmitOptions &Opts) {
  std::ostringstream Args, Setup;
  for (size_t I = 0; I != F.Params.size(); ++I) {
    const Type &T = *F.Locals[F.Params[I]].Ty;
    std::string Name = "a" + std::to_string(I);
    Args << (I ? ", " : "") << Name;
    // The plan admits one pointer and scalars (ir/KernelCheck.h).
    Setup << "            let " << Name << ": " << emitType(T, Opts) << " = "
          << (T.kind() != Type::Kind::Pointer ? "Default::default()"
              : T.isPointeeConst()           ? "bad.cast_const().cast()"
                                             : "bad.cast()")
          << ";\n";
  }
  std::ostringstream OS;
  OS << "kasan_same(\"" << F.RustName << "\", |bad, c| {\n"
     << Setup.str()
     << "            // SAFETY: the address is bad, as the case means it to "
        "be: KASAN\n"
     << "            // reports the access, which stays inside a kmalloc() "
        "object.\n"
     << "            unsafe {\n"
     << "                if c {\n                    " << CName << "("
     << Args.str() << ");\n                } else {\n                    "
     << Translation << "(" << Args.str() << ");\n                }\n"
     << "            }\n        })";
  return OS.str();
}

} // namespace h2r::emit
