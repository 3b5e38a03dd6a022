#ifndef DIR_H
#define DIR_H
enum dir { TO_DEVICE = 1, FROM_DEVICE = 2 };
#endif
