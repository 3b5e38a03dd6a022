/* Integer promotions, the usual arithmetic conversions, casts between
 * widths, pointers and bool, and compound assignment that narrows. */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

int rust_helper_promote_u8(u8 a, u8 b) { return a + b; }
int rust_helper_promote_char(signed char a, unsigned short b) { return a * b; }
int rust_helper_lt_mixed(int a, unsigned int b) { return a < b; }
int rust_helper_lt_long(int a, unsigned long b) { return a < b; }
int rust_helper_eq_u8_int(u8 a, int b) { return a == b; }
long rust_helper_mixed_sum(int a, unsigned int b, long c) { return a + b + c; }
unsigned long rust_helper_mixed_mul(int a, unsigned long b) { return a * b; }

signed char rust_helper_trunc_s8(long long v) { return (signed char)v; }
u16 rust_helper_trunc_u16(int v) { return (u16)v; }
long long rust_helper_sext(int v) { return v; }
u64 rust_helper_zext_or_sext(int v) { return (u64)v; }
u64 rust_helper_zext(u32 v) { return v; }
_Bool rust_helper_to_bool(long v) { return v; }
int rust_helper_bool_arith(_Bool a, _Bool b) { return a + b * 2; }
_Bool rust_helper_bool_of_ptr(void *p) { return p; }
unsigned long rust_helper_ptr_to_int(int *p) { return (unsigned long)(p + 1) - (unsigned long)p; }
int rust_helper_int_to_ptr_roundtrip(long v) { return (long)(void *)v == v; }

u8 rust_helper_narrow_add(u8 c, int d) { c += 300; c += d; return c; }
signed char rust_helper_narrow_sub(signed char c, int d) { c -= d; return c; }
u16 rust_helper_narrow_shift(u16 c, int n) { c <<= (n & 7); c >>= 1; return c; }
int rust_helper_compound_mixed(int x, u64 y) { x += y; x *= 3; x /= 2; return x; }

int rust_helper_pre_post(int a) {
  int b = a++;
  int c = ++a;
  int d = a--;
  int e = --a;
  return b * 1000 + c * 100 + d * 10 + e;
}
u8 rust_helper_inc_u8(u8 v) { v++; return ++v; }
signed char rust_helper_dec_s8(signed char v) { signed char old = v--; return old ^ v; }
