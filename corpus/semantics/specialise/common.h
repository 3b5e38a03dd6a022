/* Call-site specialisation: an inline whose parameter reaches an asm
 * immediate ("i"), translated once per constant its callers pass, as C
 * sees it after inlining. Run at --rust-version=1.87, where the static
 * branches translate exactly (asm goto), __jump_table entry included. */

#include <stdbool.h>
