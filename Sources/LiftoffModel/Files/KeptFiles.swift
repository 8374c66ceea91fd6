import Foundation

/// What Liftoff keeps beside an output (its caches) is used only as Liftoff made it: each cache a
/// plain folder and each cached file a plain file. A symbolic link planted there would have the
/// build write into, prune or publish whatever it points to.
package enum KeptFiles {
    /// An error for each of `folders` that exists and is not a plain folder.
    package static func folderProblems(_ folders: [URL?]) -> [Diagnostic] {
        folders.compactMap { folder -> Diagnostic? in
            guard let folder else { return nil }
            var info = stat()
            guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
            let what = info.st_mode & S_IFMT == S_IFLNK ? "is a symbolic link" : "is not a folder"
            return .error(folder.path, 0, "\(what); Liftoff keeps a cache here and uses only a folder it made: remove it, and build again")
        }
    }

    /// Throws unless the cached file at `path` is a plain file (not a link to one).
    package static func checkCached(_ path: String) throws(BuildFailure) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG else { return }
        throw BuildFailure(.error(path, 0, "a cached file that is not a plain file (a symbolic link?); remove the cache folder it is in, and build again"))
    }

    /// The bytes of the cached file at `path`; nil when it cannot be read or is not a plain file.
    package static func contents(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // Read straight into the array's storage (not zeroed first: a state file is tens of MB).
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let count = read(descriptor, buffer.baseAddress! + done, size - done)
                guard count > 0 else { break }
                done += count
            }
            complete = done == size
            initialized = done
        }
        return complete ? bytes : nil
    }
}
