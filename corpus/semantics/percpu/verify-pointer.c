/* difftest-cc: gcc */
#include "common.h"

/* __verify_pcpu_ptr(): a null pointer converted into the address space. */
long rust_helper_verify(void) {
  const void __seg_gs *verify = (typeof(&counter + 0))(void *)0;
  return verify == 0;
}
