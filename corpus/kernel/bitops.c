// SPDX-License-Identifier: GPL-2.0
#include <linux/bitops.h>
#include <linux/find.h>

__rust_helper void rust_helper___set_bit(unsigned long nr, unsigned long *addr) { __set_bit(nr, addr); }
__rust_helper void rust_helper___clear_bit(unsigned long nr, unsigned long *addr) { __clear_bit(nr, addr); }
__rust_helper void rust_helper_set_bit(unsigned long nr, volatile unsigned long *addr) { set_bit(nr, addr); }
__rust_helper void rust_helper_clear_bit(unsigned long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }
__rust_helper bool rust_helper_test_bit(unsigned long nr, const unsigned long *addr) { return test_bit(nr, addr); }
__rust_helper bool rust_helper_test_and_set_bit(unsigned long nr, volatile unsigned long *addr) { return test_and_set_bit(nr, addr); }
__rust_helper unsigned long rust_helper_find_first_bit(const unsigned long *p, unsigned long size) { return find_first_bit(p, size); }
__rust_helper unsigned long rust_helper_find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset) { return find_next_bit(addr, size, offset); }
__rust_helper unsigned long rust_helper_find_first_zero_bit(const unsigned long *p, unsigned long size) { return find_first_zero_bit(p, size); }
__rust_helper unsigned int rust_helper_hweight32(unsigned int w) { return hweight32(w); }
__rust_helper unsigned long rust_helper_hweight64(__u64 w) { return hweight64(w); }
__rust_helper int rust_helper_fls(unsigned int x) { return fls(x); }
__rust_helper int rust_helper_fls64(__u64 x) { return fls64(x); }
__rust_helper unsigned long rust_helper___ffs(unsigned long word) { return __ffs(word); }
