import Foundation
import LiftoffModel

/// Updates a served tree in place, for the preview: a build's pages are held back until it
/// succeeds, then each changed file is replaced in one `rename` (a reader sees the old page or
/// the new one), files the build no longer makes are removed, and pages carried over are not
/// touched at all. `OutputWriter`'s staging tree and swap cost a link per file, which at
/// 10,000 articles is most of a one-edit rebuild.
public final class InPlaceWriter: PageSink, @unchecked Sendable {
    public let output: URL
    /// The files in the tree now (relative paths).
    private let existing: Set<String>
    private let lock = Lock()
    private var pending: [String: [UInt8]] = [:]
    private var produced: Set<String> = []

    /// - Parameter existing: the files in `output` as the last commit left them; nil lists the folder.
    public init(output: URL, existing: Set<String>? = nil) {
        self.output = output.standardizedFileURL
        self.existing = existing ?? Set(FileTree.files(under: output.path).map(\.path))
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try OutputWriter.checkInside(path)
        if existing.contains(path), OutputWriter.sameContents(atPath: output.path + "/" + path, as: bytes) {
            lock.withLock { _ = produced.insert(path) }
            return
        }
        lock.withLock {
            pending[path] = bytes
            produced.insert(path)
        }
    }

    /// A cached file's name carries its content's hash: one already in the tree is that file.
    public func hardLink(from source: String, to path: String) throws {
        if existing.contains(path) {
            lock.withLock { _ = produced.insert(path) }
        } else {
            try copy(from: URL(fileURLWithPath: source), to: path)
        }
    }

    public func previous(_ path: String) -> [UInt8]? {
        guard existing.contains(path) else { return nil }
        return FileManager.default.contents(atPath: output.path + "/" + path).map { [UInt8]($0) }
    }

    public func reuse(_ path: String) -> Bool {
        guard existing.contains(path) else { return false }
        lock.withLock { _ = produced.insert(path) }
        return true
    }

    /// Writes the changed files and removes those the build did not make.
    /// - Returns: the files now in the tree.
    public func commit() throws -> Set<String> {
        let (pending, produced) = lock.withLock { (self.pending, self.produced) }
        let paths = pending.keys.sorted()
        let failures = parallelMap(paths.count) { index -> String? in
            let path = paths[index]
            let target = output.path + "/" + path
            let temporary = output.path + "/" + (path.split(separator: "/").dropLast() + [".liftoff-\(index).tmp"]).joined(separator: "/")
            do {
                try OutputWriter.makeFolders(for: target)
                try OutputWriter.create(temporary, pending[path]!)
                guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                return nil
            } catch {
                unlink(temporary)
                return "\(path): \(error)"
            }
        }.compactMap { $0 }
        if let failure = failures.first { throw BuildFailure(.error(output.path, 0, "cannot update the preview: \(failure)")) }
        for path in existing.subtracting(produced) {
            unlink(output.path + "/" + path)
            // Folders left empty (a deleted article's): rmdir fails on any that is not.
            var folder = path.split(separator: "/").dropLast()
            while !folder.isEmpty, rmdir(output.path + "/" + folder.joined(separator: "/")) == 0 { folder = folder.dropLast() }
        }
        return produced
    }
}
