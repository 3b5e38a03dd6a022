// The /init of load-modules.py's initramfs: loads the modules /modules.list
// names, in order, unloads them in reverse, and powers the machine off. Each
// step is one "h2r-modules:" record of the kernel's log, so that it reaches
// the console whole, among the kernel's own lines (what the modules print,
// any warning), even where printk prints from a thread of its own
// (PREEMPT_RT).
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MaxModules = 32, MaxName = 64 };

static int Log = -1; // /dev/kmsg, or the console where it cannot open

// One line, in one write.
static void say(const char *Format, ...) {
  char Line[512];
  va_list Args;
  va_start(Args, Format);
  int Len = vsnprintf(Line, sizeof Line, Format, Args);
  va_end(Args);
  if (Len > 0)
    write(Log, Line, (size_t)Len < sizeof Line ? (size_t)Len : sizeof Line - 1);
}

// "/modules/rust_minimal.ko" -> "rust_minimal" (the kernel's name for it:
// '-' becomes '_').
static void moduleName(const char *Path, char *Name) {
  const char *Base = strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  size_t Len = strcspn(Base, ".");
  if (Len >= MaxName)
    Len = MaxName - 1;
  for (size_t I = 0; I != Len; ++I)
    Name[I] = Base[I] == '-' ? '_' : Base[I];
  Name[Len] = '\0';
}

int main(void) {
  Log = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
  if (Log < 0)
    Log = STDOUT_FILENO;
  char Loaded[MaxModules][MaxName];
  int Count = 0;
  char Path[256];
  FILE *List = fopen("/modules.list", "r");
  if (!List)
    say("h2r-modules: no /modules.list: %s\n", strerror(errno));
  while (List && Count != MaxModules && fgets(Path, sizeof Path, List)) {
    Path[strcspn(Path, "\n")] = '\0';
    int Fd = open(Path, O_RDONLY | O_CLOEXEC);
    long Rc = Fd < 0 ? -1 : syscall(SYS_finit_module, Fd, "", 0);
    say("h2r-modules: load %s: %s\n", Path, Rc == 0 ? "ok" : strerror(errno));
    if (Rc == 0)
      moduleName(Path, Loaded[Count++]);
    if (Fd >= 0)
      close(Fd);
  }
  while (Count--) {
    long Rc = syscall(SYS_delete_module, Loaded[Count], O_NONBLOCK);
    say("h2r-modules: unload %s: %s\n", Loaded[Count],
        Rc == 0 ? "ok" : strerror(errno));
  }
  say("h2r-modules: done\n");
  sync();
  reboot(RB_POWER_OFF);
  return 0;
}
