import Foundation
import LiftoffModel

/// Open folders by path, for `linkat`: a file's name is looked up from a held folder instead of
/// its whole path being walked again (a site of 1,000 images links 8,000 files a build, a warm
/// build of 10,000 articles carries 20,000 files over).
final class FolderHandles: @unchecked Sendable {
    private let lock = Lock()
    private var handles: [String: Int32] = [:]
    /// Handles held by their owner (never closed here).
    private var borrowed: [String: Int32] = [:]

    deinit { closeAll() }

    /// Hard-links `source` (absolute) to `target`, a path below the folder `base`; false when the
    /// system refused.
    func link(_ source: String, into base: String, at target: String) -> Bool {
        guard let (sourceFolder, sourceName) = Self.split(source) else { return Glibc.link(source, base + "/" + target) == 0 }
        return link(sourceName, below: sourceFolder, into: base, at: target)
    }

    /// Hard-links `path` below the folder `source` to `target` (the same path unless given) below
    /// the folder `base`: both folders' handles are kept, only the paths below them are walked.
    func link(_ path: String, below source: String, into base: String, at target: String? = nil) -> Bool {
        let target = target ?? path
        let from = handle(source), to = handle(base)
        guard from >= 0, to >= 0 else { return Glibc.link(source + "/" + path, base + "/" + target) == 0 }
        return linkat(from, path, to, target, 0) == 0
    }

    func closeAll() {
        lock.withLock {
            for handle in handles.values { close(handle) }
            handles = [:]
            borrowed = [:]
        }
    }

    /// Uses `handle`, which its owner keeps open (and closes), for `folder`: the folder is never opened by path.
    func adopt(_ folder: String, handle: Int32) {
        lock.withLock { borrowed[folder] = handle }
    }

    private func handle(_ folder: String) -> Int32 {
        lock.withLock {
            if let handle = borrowed[folder] ?? handles[folder] { return handle }
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
