// The /init of load-modules.py's initramfs: loads the modules /modules.list
// names, in order, unloads them in reverse, and powers the machine off. Each
// step is one "h2r-modules:" line on the console; the kernel's own lines
// (what the modules print, any warning) come between them.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MaxModules = 32, MaxName = 64 };

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
  setvbuf(stdout, NULL, _IONBF, 0);
  char Loaded[MaxModules][MaxName];
  int Count = 0;
  char Path[256];
  FILE *List = fopen("/modules.list", "r");
  if (!List)
    printf("h2r-modules: no /modules.list: %s\n", strerror(errno));
  while (List && Count != MaxModules && fgets(Path, sizeof Path, List)) {
    Path[strcspn(Path, "\n")] = '\0';
    int Fd = open(Path, O_RDONLY | O_CLOEXEC);
    long Rc = Fd < 0 ? -1 : syscall(SYS_finit_module, Fd, "", 0);
    printf("h2r-modules: load %s: %s\n", Path, Rc == 0 ? "ok" : strerror(errno));
    if (Rc == 0)
      moduleName(Path, Loaded[Count++]);
    if (Fd >= 0)
      close(Fd);
  }
  while (Count--) {
    long Rc = syscall(SYS_delete_module, Loaded[Count], O_NONBLOCK);
    printf("h2r-modules: unload %s: %s\n", Loaded[Count],
           Rc == 0 ? "ok" : strerror(errno));
  }
  printf("h2r-modules: done\n");
  sync();
  reboot(RB_POWER_OFF);
  return 0;
}
