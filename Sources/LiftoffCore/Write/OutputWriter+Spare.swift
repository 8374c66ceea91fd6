import Foundation
import LiftoffModel

/// The spare tree: the output before the last swap, kept beside it and turned into the next
/// build's staging tree, so that a build touches only the files that changed.
extension OutputWriter {
    /// Moves the spare of `output` to `staging` and opens it when it is the folder the record
    /// names (`inode`, owned by this user); otherwise removes what is at the spare's place when
    /// it is a link, a file, or a tree Liftoff made (it holds the output marker): a folder of
    /// someone else's there is left alone, and the old tree is then removed instead of kept.
    /// - Returns: the open staging folder, or -1 when there is no spare to start from.
    static func adoptSpare(of output: URL, inode: UInt64, as staging: String) -> Int32 {
        let spare = TreeRecord.spareLocation(for: output).path
        var info = stat()
        guard lstat(spare, &info) == 0 else { return -1 }
        guard inode != 0, info.st_mode & S_IFMT == S_IFDIR, UInt64(info.st_ino) == inode, info.st_uid == geteuid(),
              rename(spare, staging) == 0
        else {
            if info.st_mode & S_IFMT != S_IFDIR || access(spare + "/" + marker, F_OK) == 0 { removeTree(spare) }
            return -1
        }
        // Opened without following a link, and checked again: renamed, it could have been swapped.
        let handle = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if handle >= 0, fstat(handle, &info) == 0, UInt64(info.st_ino) == inode { return handle }
        if handle >= 0 { close(handle) }
        removeTree(staging)
        return -1
    }

    /// Test hook: with `LIFTOFF_PAUSE_AT=<point>` in its environment the process stops itself
    /// (SIGSTOP) when the swap reaches that point, so that a test can kill it exactly there:
    /// `adopted`, `change-<n>` (before the n-th change to a staging tree that began as the spare),
    /// `cleared`, `marked`, `exchanged`, `kept`, `recorded`.
    static let pausePoint = ProcessInfo.processInfo.environment["LIFTOFF_PAUSE_AT"]

    static func reach(_ point: @autoclosure () -> String) {
        if let pausePoint, pausePoint == point() { raise(SIGSTOP) }
    }

    /// Makes way for a file at `path` in a staging tree that began as the spare: what is there
    /// (the spare's copy, a link shared with the output, or an old folder) is removed, never
    /// written through.
    func clear(_ path: String) throws {
        guard startedFromSpare else { return }
        let change = lock.withLock {
            touched = true
            changes += 1
            return changes
        }
        Self.reach("change-\(change)")
        if unlinkat(stagingHandle, path, 0) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        Self.removeTree(path, in: stagingHandle)
    }

    /// mkdir(2) `path` below the staging folder; in a tree that began as the spare, a file in the
    /// folder's place is removed first.
    func makeFolder(_ path: String) throws {
        if mkdirat(stagingHandle, path, 0o755) == 0 {
            if startedFromSpare { lock.withLock { touched = true } }
            return
        }
        guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var info = stat()
        guard startedFromSpare, fstatat(stagingHandle, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT != S_IFDIR else { return }
        lock.withLock { touched = true }
        unlinkat(stagingHandle, path, 0)
        if mkdirat(stagingHandle, path, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Removes from a staging tree that began as the spare the files the new tree does not have,
    /// then the folders that leaves empty (deepest first).
    func removeStale() {
        let published = lock.withLock { self.published }
        let stale = spareOnly.filter { published[$0] == nil } + dropped(published)
        guard !stale.isEmpty else { return }
        lock.withLock { touched = true }
        var folders = Set<Substring>()
        for path in stale {
            if unlinkat(stagingHandle, path, 0) != 0, errno == EISDIR || errno == EPERM { folders.insert(path[...]) }
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
            }
        }
        let depth = { (path: Substring) in path.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for folder in folders.sorted(by: { depth($0) > depth($1) }) { unlinkat(stagingHandle, String(folder), AT_REMOVEDIR) }
        Self.reach("cleared")
    }

    /// After the swap: keeps the old tree (at `old`) as the spare when its files are known (else
    /// removes it), and records the new output and its spare.
    func keep(_ old: URL?, _ recordURL: URL) {
        let published = lock.withLock { self.published }
        var record = TreeRecord(outputInode: stagingIdentity.inode, spareInode: 0, paths: [], differs: [], spareOnly: [])
        record.paths.reserveCapacity(published.count + recorded.paths.count)
        record.differs.reserveCapacity(published.count + recorded.paths.count)
        for (path, differs) in published {
            record.paths.append(path)
            record.differs.append(differs)
        }
        for position in recorded.paths.indices where reusedFromSpare[position] != 0 && published[recorded.paths[position]] == nil {
            record.paths.append(recorded.paths[position])
            record.differs.append(false)
        }
        if let old {
            var info = stat()
            if hasRecord, lstat(old.path, &info) == 0,
               rename(old.path, TreeRecord.spareLocation(for: output).path) == 0 {
                record.spareInode = UInt64(info.st_ino)
                record.spareOnly = dropped(published)
                Self.reach("kept")
            } else {
                Self.removeTree(old.path)
            }
        }
        record.write(to: recordURL)
        Self.reach("recorded")
    }

    /// The output's files (as recorded) that the new tree does not have.
    private func dropped(_ published: [String: Bool]) -> [String] {
        recorded.paths.indices.compactMap { position in
            let path = recorded.paths[position]
            return reusedFromSpare[position] == 0 && published[path] == nil ? path : nil
        }
    }
}
