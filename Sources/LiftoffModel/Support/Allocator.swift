import CLiftoffSystem

/// How the process's memory allocator is tuned.
public enum Allocator {
    /// A build allocates and frees arrays of megabytes (pages, search terms, caches): they are kept
    /// in the heap for reuse instead of being mapped and unmapped each time (a fresh mapping costs a
    /// page fault for each 4 KB touched). Called once, before any work.
    public static func keepFreedMemory() {
        liftoff_keep_freed_memory()
    }
}
