// SPDX-License-Identifier: GPL-2.0
#include <linux/processor.h>
#include <linux/smp.h>

__rust_helper void rust_helper_cpu_relax(void) { cpu_relax(); }
__rust_helper unsigned int rust_helper_raw_smp_processor_id(void) { return raw_smp_processor_id(); }
