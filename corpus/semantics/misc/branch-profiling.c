#include "common.h"

/* Branch profiling's counters (CONFIG_PROFILE_ALL_BRANCHES): a static
 * record initialised with strings and integers, in a section of its own,
 * kept although nothing names it. */
struct branch_data {
  const char *func;
  const char *file;
  unsigned line;
  union {
    struct {
      unsigned long miss;
      unsigned long hit;
    };
    unsigned long miss_hit[2];
  };
};
int rust_helper_profiled_branch(int x) {
  static struct branch_data __if_trace
      __attribute__((__used__, __aligned__(4), __section__("_h2r_branch"))) = {
          .func = __func__, .file = "misc.c", .line = 7};
  int r = x > 3;
  __if_trace.miss_hit[r]++;
  return (int)__if_trace.hit * 1000 + (int)__if_trace.miss * 10 +
         __if_trace.func[5] + __if_trace.file[1] + (int)__if_trace.line;
}
