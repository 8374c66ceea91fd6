#define _GNU_SOURCE
#include "liftoff_system.h"

#include <errno.h>
#include <fcntl.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int liftoff_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

void liftoff_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

struct liftoff_open_how {
    unsigned long long flags, mode, resolve;
};

enum { RESOLVE_NO_MAGICLINKS_ = 0x02, RESOLVE_NO_SYMLINKS_ = 0x04, RESOLVE_BENEATH_ = 0x08 };

// The same guarantee one component at a time, for kernels before 5.6.
static int open_by_components(int root, const char *path, int flags) {
    char *copy = strdup(path);
    if (!copy) { errno = ENOMEM; return -1; }
    int folder = root, result = -1;
    char *rest = copy;
    for (;;) {
        char *slash = strchr(rest, '/');
        if (slash) *slash = 0;
        if (strcmp(rest, "..") == 0) { errno = EXDEV; break; }
        if (!slash) {
            result = openat(folder, rest, flags | O_NOFOLLOW | O_CLOEXEC);
            break;
        }
        if (*rest && strcmp(rest, ".") != 0) {
            int next = openat(folder, rest, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (folder != root) close(folder);
            folder = next;
            if (folder < 0) break;
        }
        rest = slash + 1;
    }
    int saved = errno;
    if (folder >= 0 && folder != root) close(folder);
    free(copy);
    errno = saved;
    return result;
}

int liftoff_open_beneath(int root, const char *path, int flags) {
    if (path[0] == '/') { errno = EXDEV; return -1; }
#if defined(__linux__)
    struct liftoff_open_how how = {
        .flags = (unsigned long long)(flags | O_NOFOLLOW | O_CLOEXEC), .mode = 0,
        .resolve = RESOLVE_BENEATH_ | RESOLVE_NO_SYMLINKS_ | RESOLVE_NO_MAGICLINKS_,
    };
    int descriptor = (int)syscall(SYS_openat2, root, path, &how, sizeof(how));
    if (descriptor >= 0 || (errno != ENOSYS && errno != EPERM)) return descriptor;
#endif
    return open_by_components(root, path, flags);
}
