#include "common.h"

/* Allocation profiling's tags (CONFIG_MEM_ALLOC_PROFILING, built in): a
 * static record with a member pointing to another static; and
 * __ADDRESSABLE()'s address kept through an integer. */
struct tag_counters {
  unsigned long bytes;
  unsigned long calls;
};
struct code_tag {
  const char *function;
  struct tag_counters *counters;
};
int rust_helper_tagged_alloc(int x) {
  static struct tag_counters cntr;
  static struct code_tag tag __attribute__((__used__, __section__("_h2r_tags"))) = {
      .function = __func__, .counters = &cntr};
  static void *kept __attribute__((__used__)) = (void *)(unsigned long)&cntr;
  tag.counters->calls++;
  tag.counters->bytes += (unsigned long)x;
  return (int)tag.counters->calls * 100 + (int)tag.counters->bytes +
         tag.function[12] + (kept == (void *)&cntr);
}
