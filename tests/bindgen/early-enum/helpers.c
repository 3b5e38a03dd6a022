/* The helper file sees the definition first: in C the enum is unsigned
 * int here, yet the bindings' map_dir takes c_int. */
#include "dir.h"
#include "bindings.h"
static inline void map_twice(enum dir d) { map_dir(d); map_dir(d); }
void rust_helper_map_twice(enum dir d) { map_twice(d); }
