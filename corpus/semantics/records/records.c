/* Record layout: bitfields (signed, unsigned, bool, straddling), packed and
 * aligned records. --types=self must reproduce Clang's layout exactly; the
 * emitted size/align/offset assertions make rustc check it. */

struct flags {
  unsigned int ready : 1;
  unsigned int mode : 3;
  signed int delta : 5;
  unsigned int wide : 20;
  unsigned char tag;
  unsigned long long big : 40;
  long long sbig : 23;
};

struct __attribute__((packed)) wire {
  unsigned char kind;
  unsigned int len;
  unsigned short crc;
};

struct __attribute__((aligned(16))) cacheline {
  int a;
  char b;
};

struct holder {
  char c;
  struct cacheline line;
  struct wire w;
};

int rust_helper_bf_read(struct flags *f) { return f->ready + f->mode * 2 + f->delta * 100; }
int rust_helper_bf_write(struct flags *f, int v) {
  f->delta = v;
  f->mode = v >> 2;
  f->ready = !f->ready;
  return f->delta;
}
unsigned int rust_helper_bf_compound(struct flags *f, unsigned int v) {
  f->wide += v;
  f->mode++;
  return f->wide;
}
int rust_helper_bf_assign_value(struct flags *f, int v) { return (f->delta = v) + (f->mode = v); }
unsigned long long rust_helper_bf_big(struct flags *f, unsigned long long v) {
  f->big ^= v;
  f->sbig = (long long)v;
  return f->big + (unsigned long long)f->sbig + f->tag;
}
unsigned int rust_helper_packed(struct wire *w, unsigned int v) {
  w->len += v;
  w->crc = (unsigned short)(w->len >> 3);
  return w->len + w->kind;
}
int rust_helper_aligned(struct holder *h, int v) {
  h->line.a = v;
  h->line.b = (char)v;
  h->w.len = (unsigned int)v * 3;
  return (int)sizeof(struct holder) + h->line.a + h->c;
}
int rust_helper_local_bitfields(int v) {
  struct flags f = { .mode = 5, .delta = -3 };
  f.wide = v;
  f.big = v;
  return f.mode + f.delta + (int)f.wide + (int)f.big;
}
