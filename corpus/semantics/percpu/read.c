/* difftest-cc: gcc */
#include "common.h"

long rust_helper_read_a(void) { return pc.a; }
unsigned int rust_helper_read_n(void) { return pc.n; }
_Bool rust_helper_read_f(void) { return pc.f; }
int rust_helper_read_slot(int i) { return pc.slots[i & 3]; }
