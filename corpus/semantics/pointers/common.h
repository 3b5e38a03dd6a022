/* Pointer arithmetic and differences, member access through nested,
 * anonymous and array members, unions, struct copies. */

#include <stddef.h>
