/* Integer arithmetic with the kernel's -fno-strict-overflow semantics:
 * signed + - * and negation wrap; / and % truncate toward zero; shifts. */

typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;
