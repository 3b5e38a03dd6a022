/* Constructs the lowering rejects today. Each helper names, in an
 * `expect-fallback:` comment, the construct the report must give for it;
 * tests/difftest/reportcheck.cpp checks that, and that the translatable
 * helper beside them is unaffected. */

#include <stdarg.h>
