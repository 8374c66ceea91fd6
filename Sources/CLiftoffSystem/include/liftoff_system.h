#ifndef LIFTOFF_SYSTEM_H
#define LIFTOFF_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int liftoff_exchange_paths(const char *first, const char *second);

/// Keeps freed memory in the heap for reuse (glibc: allocations below 64 MB are not mapped and
/// unmapped one by one, and the heap is not trimmed below 256 MB); nothing elsewhere.
void liftoff_keep_freed_memory(void);

/// Opens `path`, relative to the folder `root`, with `flags` (O_NOFOLLOW is added): only beneath
/// `root` and through no symbolic link at all (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
/// where the kernel lacks it, one openat per component with O_NOFOLLOW). A `..` component is refused.
/// Returns the descriptor, or -1 with errno set (ELOOP: a component is a symbolic link).
int liftoff_open_beneath(int root, const char *path, int flags);

#endif
