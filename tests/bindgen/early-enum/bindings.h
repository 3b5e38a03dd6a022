/* The bindings header names the enum before it defines it (Linux 7.2's
 * bindings_helper.h reaches a prototype taking enum dma_data_direction
 * before the enum): bindgen makes it c_int. */
enum dir;
void map_dir(enum dir d);
#include "dir.h"
