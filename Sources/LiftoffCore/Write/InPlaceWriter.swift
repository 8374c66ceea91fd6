import Foundation
import LiftoffModel

/// Updates a served tree in place, for the preview: a build's changed pages are written beside
/// their places as hidden temporary files (not held in memory: a first build of 100,000 articles
/// made 4 GB of pages) and renamed into place only when it succeeds (a reader sees the old page
/// or the new one); files the build no longer makes are removed, and pages carried over are not
/// touched at all. A writer dropped without `commit` removes its temporary files.
/// (`OutputWriter`'s staging tree would cost a preview rebuild a link per file.)
public final class InPlaceWriter: PageSink, @unchecked Sendable {
    public let output: URL
    /// The files in the tree now (relative paths).
    private let existing: Set<String>
    private let lock = Lock()
    /// Changed files by path, each written to its temporary file (absolute path).
    private var pending: [String: String] = [:]
    private var produced: Set<String> = []
    private var written = 0
    /// In every temporary name: two writers of one tree never share one.
    private let tag = UUID().uuidString.prefix(8)

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
        let target = output.path + "/" + path
        let number = lock.withLock {
            written += 1
            return written
        }
        let temporary = output.path + "/" + (path.split(separator: "/").dropLast() + [".liftoff-\(tag)-\(number).tmp"]).joined(separator: "/")
        try OutputWriter.makeFolders(for: target)
        do { try OutputWriter.create(temporary, bytes) } catch {
            unlink(temporary)
            throw error
        }
        let replaced = lock.withLock {
            produced.insert(path)
            return pending.updateValue(temporary, forKey: path)
        }
        if let replaced { unlink(replaced) }
    }

    deinit {
        for temporary in pending.values { unlink(temporary) }
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
        let failures = parallelMap(paths.count) { index -> (path: String, reason: String)? in
            let path = paths[index]
            guard rename(pending[path]!, output.path + "/" + path) == 0 else { return (path, String(cString: strerror(errno))) }
            return nil
        }.compactMap { $0 }
        // Renamed into place, or (those that failed) removed here: `deinit` has nothing left to do.
        lock.withLock { self.pending = [:] }
        for failure in failures { unlink(pending[failure.path]!) }
        if let failure = failures.first.map({ "\($0.path): \($0.reason)" }) { throw BuildFailure(.error(output.path, 0, "cannot update the preview: \(failure)")) }
        for path in existing.subtracting(produced) {
            unlink(output.path + "/" + path)
            // Folders left empty (a deleted article's): rmdir fails on any that is not.
            var folder = path.split(separator: "/").dropLast()
            while !folder.isEmpty, rmdir(output.path + "/" + folder.joined(separator: "/")) == 0 { folder = folder.dropLast() }
        }
        return produced
    }
}
