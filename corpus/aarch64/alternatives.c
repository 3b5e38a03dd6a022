/* arm64's boot-time alternatives, as alternative-macros.h, lse.h and
 * percpu.h write them: an instruction the kernel patches in place from an
 * .altinstructions entry, kept verbatim; asm goto capability checks
 * (ALTERNATIVE_CB, patched by alt_cb_patch_nops) whose "i" capability each
 * caller passes as a constant; an LSE/LL-SC pair chosen by such a check. */

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#define ARM64_HAS_LSE_ATOMICS 41
#define ARM64_HAS_VIRT_HOST_EXTN 48
#define ARM64_NCAPS 118
#define ARM64_CB_SHIFT 15

#define ALTINSTR_ENTRY(cpucap)					\
	" .word 661b - .\n"					\
	" .word 663f - .\n"					\
	" .hword " __stringify(cpucap) "\n"			\
	" .byte 662b-661b\n"					\
	" .byte 664f-663f\n"

#define ALTINSTR_ENTRY_CB(cpucap, cb)				\
	" .word 661b - .\n"					\
	" .word " __stringify(cb) "- .\n"			\
	" .hword " __stringify(cpucap) "\n"			\
	" .byte 662b-661b\n"					\
	" .byte 664f-663f\n"

#define ALTERNATIVE(oldinstr, newinstr, cpucap)			\
	"661:\n\t" oldinstr "\n"				\
	"662:\n"						\
	".pushsection .altinstructions,\"a\"\n"			\
	ALTINSTR_ENTRY(cpucap)					\
	".popsection\n"						\
	".subsection 1\n"					\
	"663:\n\t" newinstr "\n"				\
	"664:\n\t"						\
	".org	. - (664b-663b) + (662b-661b)\n\t"		\
	".org	. - (662b-661b) + (664b-663b)\n\t"		\
	".previous\n"

#define ALTERNATIVE_CB(oldinstr, cpucap, cb)			\
	"661:\n\t" oldinstr "\n"				\
	"662:\n"						\
	".pushsection .altinstructions,\"a\"\n"			\
	ALTINSTR_ENTRY_CB((1 << ARM64_CB_SHIFT) | (cpucap), cb)	\
	".popsection\n"						\
	"663:\n\t"						\
	"664:\n\t"

/* The kernel's patching callback; here only a symbol the entry names. */
void alt_cb_patch_nops(void) {}

static inline int cpucap_is_possible(const unsigned int cap)
{
	return cap < ARM64_NCAPS;
}

static inline __attribute__((always_inline)) int
alternative_has_cap_likely(const unsigned long cpucap)
{
	if (!cpucap_is_possible(cpucap))
		return 0;

	asm goto(ALTERNATIVE_CB("b	%l[l_no]", %[cpucap], alt_cb_patch_nops)
		 :
		 : [cpucap] "i"(cpucap)
		 :
		 : l_no);

	return 1;
l_no:
	return 0;
}

static inline __attribute__((always_inline)) int
alternative_has_cap_unlikely(const unsigned long cpucap)
{
	if (!cpucap_is_possible(cpucap))
		return 0;

	asm goto(ALTERNATIVE("nop", "b	%l[l_yes]", %[cpucap])
		 :
		 : [cpucap] "i"(cpucap)
		 :
		 : l_yes);

	return 0;
l_yes:
	return 1;
}

static inline void __lse_atomic_add(int i, int *v)
{
	asm volatile(".arch_extension lse\n"
		     "	stadd	%w[i], %[v]\n"
		     : [v] "+Q"(*v)
		     : [i] "r"(i));
}

static inline void __ll_sc_atomic_add(int i, int *v)
{
	unsigned long tmp;
	int result;

	asm volatile("	prfm	pstl1strm, %2\n"
		     "1:	ldxr	%w0, %2\n"
		     "	add	%w0, %w0, %w3\n"
		     "	stxr	%w1, %w0, %2\n"
		     "	cbnz	%w1, 1b\n"
		     : "=&r"(result), "=&r"(tmp), "+Q"(*v)
		     : "Ir"(i));
}

void rust_helper_atomic_add(int i, int *v)
{
	alternative_has_cap_likely(ARM64_HAS_LSE_ATOMICS) ?
		__lse_atomic_add(i, v) : __ll_sc_atomic_add(i, v);
}

int rust_helper_has_vhe(void)
{
	return alternative_has_cap_unlikely(ARM64_HAS_VIRT_HOST_EXTN);
}

register unsigned long current_stack_pointer asm("sp");

unsigned long rust_helper_my_cpu_offset(void)
{
	unsigned long off;

	asm(ALTERNATIVE("mrs %0, tpidr_el1", "mrs %0, tpidr_el2",
			ARM64_HAS_VIRT_HOST_EXTN)
	    : "=r"(off)
	    : "Q"(*(const unsigned long *)current_stack_pointer));

	return off;
}

/* tpidr_el1 cannot be read at EL0 (user-mode QEMU): compiled, not called. */
/* difftest-not-run: rust_helper_my_cpu_offset */
