/* AArch64 atomics as arch/arm64's atomic_ll_sc.h and atomic_lse.h write
 * them: an exclusive-monitor loop ending in a full barrier (stronger than
 * Rust's SeqCst: kept as the asm), and an LSE instruction. */

int rust_helper_ll_sc_add_return(int i, int *counter)
{
	unsigned long tmp;
	int result;

	asm volatile("	prfm	pstl1strm, %2\n"
		     "1:	ldxr	%w0, %2\n"
		     "	add	%w0, %w0, %w3\n"
		     "	stlxr	%w1, %w0, %2\n"
		     "	cbnz	%w1, 1b\n"
		     "	dmb	ish"
		     : "=&r"(result), "=&r"(tmp), "+Q"(*counter)
		     : "Ir"(i)
		     : "memory");
	return result;
}

/* The same with the constant the kernel's inc passes: an immediate. */
int rust_helper_ll_sc_inc_return(int *counter)
{
	unsigned long tmp;
	int result;

	asm volatile("1:	ldxr	%w0, %2\n"
		     "	add	%w0, %w0, %w3\n"
		     "	stlxr	%w1, %w0, %2\n"
		     "	cbnz	%w1, 1b\n"
		     "	dmb	ish"
		     : "=&r"(result), "=&r"(tmp), "+Q"(*counter)
		     : "Ir"(1)
		     : "memory");
	return result;
}

void rust_helper_lse_add(int i, int *v)
{
	asm volatile(".arch_extension lse\n"
		     "	stadd	%w[i], %[v]\n"
		     : [i] "+r"(i), [v] "+Q"(*v)
		     : "r"(v));
}

unsigned long rust_helper_cmpxchg_casal(unsigned long *ptr, unsigned long old,
					unsigned long new)
{
	register unsigned long x0 = old;

	asm volatile(".arch_extension lse\n"
		     "	casal	%x[old], %x[new], %[v]\n"
		     : [v] "+Q"(*ptr), [old] "+r"(x0)
		     : [new] "r"(new)
		     : "memory");
	return x0;
}
