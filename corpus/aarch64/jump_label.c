/* arm64's static branches, as jump_label.h writes them: the "i" operand is
 * a local holding the key's address plus the branch bit, which each caller
 * makes a constant (`&key` and true/false). */

struct static_key {
	int enabled;
	void *entries;
};

struct static_key_false {
	struct static_key key;
};

#define JUMP_TABLE_ENTRY(key, label)			\
	".pushsection	__jump_table, \"aw\"\n\t"	\
	".align		3\n\t"				\
	".long		1b - ., " label " - .\n\t"	\
	".quad		" key " - .\n\t"		\
	".popsection\n\t"

#define ARCH_STATIC_BRANCH_ASM(key, label)		\
	"1:	nop\n\t"				\
	JUMP_TABLE_ENTRY(key, label)

static inline __attribute__((always_inline)) _Bool
arch_static_branch(struct static_key *const key, const _Bool branch)
{
	char *k = &((char *)key)[branch];

	asm goto(ARCH_STATIC_BRANCH_ASM("%c0", "%l[l_yes]")
		 : : "i"(k) : : l_yes);

	return 0;
l_yes:
	return 1;
}

#define static_branch_unlikely(x) arch_static_branch(&(x)->key, 1)

struct static_key_false tracing_key;

int rust_helper_traced(int v)
{
	if (static_branch_unlikely(&tracing_key))
		return v + 1;
	return v;
}
