import Foundation

/// Open folders by path, for `linkat`: a file's name is looked up from a held folder instead of
/// its whole path being walked again (a site of 1,000 images links 8,000 files a build, a warm
/// build of 10,000 articles carries 20,000 files over).
final class FolderHandles: @unchecked Sendable {
    private let lock = Lock()
    private var handles: [String: Int32] = [:]

    deinit { closeAll() }

    /// Hard-links `source` (absolute) to `target`, a path below the folder `base` (its handle is
    /// kept; the target's own folder is walked from it); false when the system refused.
    func link(_ source: String, into base: String, at target: String) -> Bool {
        guard let (sourceFolder, sourceName) = Self.split(source) else { return Glibc.link(source, base + "/" + target) == 0 }
        let from = handle(sourceFolder), to = handle(base)
        guard from >= 0, to >= 0 else { return Glibc.link(source, base + "/" + target) == 0 }
        return linkat(from, sourceName, to, target, 0) == 0
    }

    /// Hard-links `path` below the folder `source` to the same path below `target` (both handles
    /// kept: only the path below them is walked); false when the system refused.
    func link(_ path: String, below source: String, into target: String) -> Bool {
        let from = handle(source), to = handle(target)
        guard from >= 0, to >= 0 else { return Glibc.link(source + "/" + path, target + "/" + path) == 0 }
        return linkat(from, path, to, path, 0) == 0
    }

    func closeAll() {
        lock.withLock {
            for handle in handles.values { close(handle) }
            handles = [:]
        }
    }

    private func handle(_ folder: String) -> Int32 {
        lock.withLock {
            if let handle = handles[folder] { return handle }
            let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if handle >= 0 { handles[folder] = handle }
            return handle
        }
    }

    /// (folder, name) of an absolute path.
    private static func split(_ path: String) -> (String, String)? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return nil }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }
}
