/* AArch64 system registers, as arch/arm64's current.h and sysreg.h read
 * them: `current` is sp_el0. */

unsigned long rust_helper_get_current(void)
{
	unsigned long sp_el0;

	asm("mrs %0, sp_el0" : "=r"(sp_el0));
	return sp_el0;
}

unsigned long rust_helper_read_cntvct(void)
{
	unsigned long cval;

	asm volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(cval) : : "memory");
	return cval;
}

void rust_helper_cpu_relax(void) { asm volatile("yield" : : : "memory"); }

void rust_helper_trap(void) { __builtin_trap(); }

/* Under user-mode QEMU (tests/difftest/run-difftest.sh) sp_el0 cannot be
 * read at EL0, two reads of the clock differ, and a trap ends the program:
 * these are compiled there, not called; the booted kernel's suite runs
 * get_current. */
/* difftest-not-run: rust_helper_get_current rust_helper_read_cntvct rust_helper_trap */
