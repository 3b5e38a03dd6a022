#include "common.h"

/* Enums: values, and a switch over them. */
int rust_helper_enum_value(int i) {
  enum color c = (i & 1) ? BLUE : NEGATIVE;
  return c * 10 + GREEN;
}
int rust_helper_enum_switch(enum color c) {
  switch (c) {
  case RED:
    return 1;
  case BLUE:
    return 2;
  default:
    return c;
  }
}
