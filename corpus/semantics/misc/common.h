/* Function pointers, static locals, enums, sizeof/_Alignof/offsetof,
 * volatile loads and stores. */

#include <stddef.h>
