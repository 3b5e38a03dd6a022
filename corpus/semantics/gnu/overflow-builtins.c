#include "common.h"

/* Checked arithmetic: __builtin_*_overflow of mixed and of same types. */
int rust_helper_add_overflow(int a, int b, int *out) { return __builtin_add_overflow(a, b, out); }
int rust_helper_mul_overflow_mixed(long a, unsigned int b, short *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_sub_overflow_unsigned(unsigned long a, long b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
int rust_helper_umull(unsigned long a, unsigned long b, unsigned long *out) { return __builtin_umull_overflow(a, b, out); }
long rust_helper_smul_same(long a, long b, long *out) { return __builtin_mul_overflow(a, b, out); }
int rust_helper_usub_same(unsigned int a, unsigned int b, unsigned int *out) { return __builtin_sub_overflow(a, b, out); }
