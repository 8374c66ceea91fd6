#ifndef LIFTOFF_SYSTEM_H
#define LIFTOFF_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int liftoff_exchange_paths(const char *first, const char *second);

/// Keeps freed memory in the heap for reuse (glibc: allocations below 64 MB are not mapped and
/// unmapped one by one, and the heap is not trimmed below 256 MB); nothing elsewhere.
void liftoff_keep_freed_memory(void);

#endif
