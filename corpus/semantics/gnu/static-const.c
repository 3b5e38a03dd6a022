#include "common.h"

/* A file-scope `static const` integer (delay.h's max_slack_shift) is its
 * value. */
static const unsigned int h2r_slack_shift = 2;
#define H2R_UPPER_BOUND ((4000000L << h2r_slack_shift) / 1000)
unsigned long rust_helper_static_const(unsigned long us) {
  return us < H2R_UPPER_BOUND ? us + (us >> h2r_slack_shift) : us;
}
