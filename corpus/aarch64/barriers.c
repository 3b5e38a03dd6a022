/* AArch64 barriers and acquire/release accesses, as arch/arm64's barrier.h
 * and rwonce.h write them: "Q" memory operands (a base register alone),
 * %w/%x register widths, "rZ" (a register, or the zero register for 0). */

void rust_helper_mb(void) { asm volatile("dmb ish" : : : "memory"); }

void rust_helper_dma_rmb(void) { asm volatile("dmb oshld" : : : "memory"); }

unsigned int rust_helper_load_acquire32(const unsigned int *p)
{
	unsigned int v;

	asm volatile("ldar %w0, %1" : "=r"(v) : "Q"(*p) : "memory");
	return v;
}

unsigned long rust_helper_load_acquire64(const unsigned long *p)
{
	unsigned long v;

	asm volatile("ldar %0, %1" : "=r"(v) : "Q"(*p) : "memory");
	return v;
}

void rust_helper_store_release32(unsigned int *p, unsigned int v)
{
	asm volatile("stlr %w1, %0" : "=Q"(*p) : "rZ"(v) : "memory");
}

void rust_helper_store_release_zero(unsigned long *p)
{
	asm volatile("stlr %x1, %0" : "=Q"(*p) : "rZ"(0UL) : "memory");
}
