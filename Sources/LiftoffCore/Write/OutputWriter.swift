import CLiftoffSystem
import Foundation
import LiftoffModel

/// Where rendered pages go: a folder on disk, or memory in tests and `liftoff check`.
public protocol PageSink: Sendable {
    /// Stores `bytes` at `path` (relative to the output root, `articles/x/index.html`).
    func write(_ bytes: [UInt8], to path: String) throws
    /// Stores a copy of the file at `source`.
    func copy(from source: URL, to path: String) throws
    /// Carries `path` over unchanged from the previous output; false when it cannot.
    func reuse(_ path: String) -> Bool
    /// Publishes the file at `source` (a file-system path), which never changes once written (a cached image), at `path`.
    func hardLink(from source: String, to path: String) throws
    /// The bytes of `path` in the previous output (nil: none).
    func previous(_ path: String) -> [UInt8]?
}

extension PageSink {
    /// Reads the file and writes its bytes.
    public func copy(from source: URL, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw BuildFailure(.error(source.path, 0, "cannot read file"))
        }
        try write([UInt8](data), to: path)
    }

    public func reuse(_ path: String) -> Bool { false }

    public func previous(_ path: String) -> [UInt8]? { nil }

    public func hardLink(from source: String, to path: String) throws { try copy(from: URL(fileURLWithPath: source), to: path) }
}

/// Writes a new output tree beside the old one and swaps it in only when the build succeeded.
///
/// Files whose bytes did not change are hard-linked from the previous tree, so they keep
/// their inode and modification time; files of deleted articles are simply not carried over.
/// A build that fails or is killed leaves the previous `output/` exactly as it was.
public final class OutputWriter: PageSink, @unchecked Sendable {
    /// The file that marks a folder as Liftoff's output (it is never replaced otherwise).
    public static let marker = SiteLayout.outputMarker

    public let output: URL
    let staging: URL
    /// `staging.path`, made once (every file written goes below it).
    private let stagingPath: String
    private let lock = Lock()
    private var directories: Set<String> = [""]
    /// The cache's folder, the previous output's and the staging tree's, held open while files are linked.
    private let folders = FolderHandles()
    private var counts = (written: 0, unchanged: 0)
    /// Held from before the staging folder is made until this writer is gone.
    private let outputLock: OutputLock
    /// The staging folder, held open from its creation: every file is written relative to it
    /// (`O_NOFOLLOW`), so renaming it away or planting links in its place changes nothing written.
    private let stagingHandle: Int32
    /// The staging folder's identity, checked before it is swapped in.
    private let stagingIdentity: (device: UInt64, inode: UInt64)

    /// Prepares a staging folder beside `output`, under `lock` (taken here when not given).
    /// - Throws: when `output` exists, is not empty and was not made by Liftoff.
    public init(output: URL, lock: OutputLock? = nil) throws(BuildFailure) {
        let output = output.standardizedFileURL
        self.output = output
        if let lock { outputLock = lock } else { outputLock = try OutputLock(output: output) }
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        staging = Self.beside(output, "new-\(getpid())")
        stagingPath = staging.path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure(.error(output.path, 0, "output exists and is not a folder; choose another --output"))
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty, !entries.contains(Self.marker) {
                throw BuildFailure(.error(output.path, 0,
                    "refusing to replace a folder Liftoff did not create (it has no \(Self.marker)); choose an empty or new --output"))
            }
        }
        // Leftovers of interrupted builds: under the lock, no running build owns one.
        for entry in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] where Self.isLeftover(entry, of: name) {
            Self.removeTree(parent.appendingPathComponent(entry).path)
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure(.error(output.path, 0, "cannot create the output folder: \(error.localizedDescription)"))
        }
        // Made here and opened at once; a folder someone else owns in its place is not ours to fill.
        let handle = mkdir(staging.path, 0o755) == 0 ? open(staging.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
        var info = stat()
        guard handle >= 0, fstat(handle, &info) == 0, info.st_uid == geteuid() else {
            let reason = String(cString: strerror(handle >= 0 ? EPERM : errno))
            if handle >= 0 { close(handle) }
            throw BuildFailure(.error(output.path, 0, "cannot create the output folder: \(reason)"))
        }
        stagingHandle = handle
        stagingIdentity = (UInt64(info.st_dev), UInt64(info.st_ino))
        folders.adopt(stagingPath, handle: handle)
    }

    deinit { close(stagingHandle) }

    /// Files written anew, and files carried over unchanged.
    public var statistics: (written: Int, unchanged: Int) { lock.withLock { counts } }

    public func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try prepare(path)
            let old = output.path + "/" + path
            if Self.sameContents(atPath: old, as: bytes), linkat(AT_FDCWD, old, stagingHandle, path, 0) == 0 {
                lock.withLock { counts.unchanged += 1 }
                return
            }
            try Self.create(path, in: stagingHandle, bytes)
            lock.withLock { counts.written += 1 }
        } catch let error as POSIXError {
            throw WriteError(path: output.path + "/" + path, reason: String(cString: strerror(error.code.rawValue)))
        }
    }

    /// A hard link to the cached file (no bytes copied); a copy when the cache is on another file system.
    public func hardLink(from source: String, to path: String) throws {
        do {
            try prepare(path)
        } catch let error as POSIXError {
            throw WriteError(path: output.path + "/" + path, reason: String(cString: strerror(error.code.rawValue)))
        }
        guard folders.link(source, into: stagingPath, at: path) else { return try copy(from: URL(fileURLWithPath: source), to: path) }
        // No bytes written: the file is the cache's.
        lock.withLock { counts.unchanged += 1 }
    }

    public func previous(_ path: String) -> [UInt8]? {
        guard (try? Self.checkInside(path)) != nil else { return nil }
        return FileManager.default.contents(atPath: output.path + "/" + path).map { [UInt8]($0) }
    }

    public func reuse(_ path: String) -> Bool {
        guard (try? prepare(path)) != nil, folders.link(path, below: output.path, into: stagingPath) else { return false }
        lock.withLock { counts.unchanged += 1 }
        return true
    }

    /// Swaps the new tree in and removes the old one.
    public func commit() throws(BuildFailure) {
        folders.closeAll()
        do {
            try Self.create(Self.marker, in: stagingHandle, Array("Built by Liftoff. This folder is replaced on every build.\n".utf8))
        } catch {
            throw BuildFailure(.error(output.path, 0, "cannot write the output: \(String(cString: strerror((error as? POSIXError)?.code.rawValue ?? EIO)))"))
        }
        // The folder at the staging path must still be the one this build filled.
        guard isStaging(staging.path) else { throw replacedStaging }
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else { throw failure("cannot move the new output into place") }
            return
        }
        if liftoff_exchange_paths(staging.path, output.path) == 0 {
            guard isStaging(output.path) else {
                // Replaced between the check and the exchange: put things back as they were.
                _ = liftoff_exchange_paths(staging.path, output.path)
                throw replacedStaging
            }
            Self.removeTree(staging.path)  // now holds the old tree
            return
        }
        // A file system without RENAME_EXCHANGE: two renames, a moment apart.
        let old = Self.beside(output, "old-\(getpid())")
        guard rename(output.path, old.path) == 0 else { throw failure("cannot move the old output aside") }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(old.path, output.path)
            throw failure("cannot move the new output into place")
        }
        Self.removeTree(old.path)
    }

    private var replacedStaging: BuildFailure {
        BuildFailure(.error(staging.path, 0,
            "the build's staging folder was moved or replaced while the build ran; nothing was published (is another program writing beside the output?)"))
    }

    /// Whether the folder at `path` (not followed if a link) is the staging folder this writer made.
    private func isStaging(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (UInt64(info.st_dev), UInt64(info.st_ino)) == stagingIdentity
    }

    /// Removes the staging folder; the previous output stays as it was.
    public func discard() {
        folders.closeAll()
        Self.removeTree(staging.path)
    }

    /// Removes a folder and everything below it, without following links: a link (even the one
    /// named `path`) is removed itself, never what it points to. One `unlinkat` a file (the entry's
    /// type comes from `readdir`), each folder opened relative to its parent, big folders on all cores.
    static func removeTree(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            unlink(path)
            return
        }
        removeContents(descriptor)
        rmdir(path)
    }

    /// Empties the folder open at `descriptor`, and closes it.
    private static func removeContents(_ descriptor: Int32) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) {
                folders.append(name)
            } else if unlinkat(descriptor, name, 0) != 0, errno == EISDIR || errno == EPERM {
                folders.append(name)  // a file system that does not report types
            }
        }
        @Sendable func remove(_ name: String) {
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { removeContents(child) }
            unlinkat(descriptor, name, AT_REMOVEDIR)
        }
        if folders.count > 64 {
            let names = folders
            DispatchQueue.concurrentPerform(iterations: names.count) { remove(names[$0]) }
        } else {
            for folder in folders { remove(folder) }
        }
        closedir(directory)
    }

    /// Whether `entry`, beside an output folder named `name`, is a staging or old tree a build of
    /// it made (`.<name>.liftoff-new-<pid>`, `-old-<pid>`): other names are not Liftoff's to remove.
    static func isLeftover(_ entry: String, of name: String) -> Bool {
        for kind in ["new-", "old-"] {
            let prefix = ".\(name).liftoff-\(kind)"
            if entry.hasPrefix(prefix), entry.count > prefix.count, entry.dropFirst(prefix.count).allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        }
        return false
    }

    private func failure(_ message: String) -> BuildFailure {
        BuildFailure(.error(output.path, 0, "\(message): \(String(cString: strerror(errno)))"))
    }

    /// `<parent>/.<output name>.liftoff-<suffix>`: what Liftoff keeps beside an output folder
    /// (staging trees, the manifest, the build cache), never inside it, so it is not deployed.
    static func beside(_ output: URL, _ suffix: String) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).liftoff-\(suffix)")
    }

    /// The running binary's size and modification time: another build of Liftoff may render
    /// differently, so the manifest and the build cache both include it.
    static let toolIdentity: String = Bundle.main.executablePath.flatMap(FileStamp.of).map { "\($0.size).\($0.modified)" } ?? "unknown"

    /// Throws unless `path` is relative and stays inside the output folder.
    static func checkInside(_ path: String) throws {
        guard !path.isEmpty, path.utf8.first != UInt8(ascii: "/"), !climbs(path) else {
            throw BuildFailure(.error(path, 0, "refusing to write outside the output folder"))
        }
    }

    /// Whether a segment of `path` is `..` (byte-wise: every file written passes here).
    private static func climbs(_ path: String) -> Bool {
        var run = 0  // dots since the segment began; -1 once it holds anything else
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if run == 2 { return true }
                run = 0
            } else if byte == UInt8(ascii: "."), run >= 0 {
                run += 1
            } else {
                run = -1
            }
        }
        return run == 2
    }

    /// mkdir(2) each missing folder above the file at `path` (absolute).
    static func makeFolders(for path: String) throws {
        var current = ""
        for component in path.split(separator: "/").dropLast() {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
    }

    private func prepare(_ path: String) throws {
        try Self.checkInside(path)
        let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        guard !lock.withLock({ directories.contains(directory) }) else { return }
        let components = path.split(separator: "/").dropLast()
        // mkdir(2) each missing level; another worker may make the same one at the same time.
        var current = ""
        for component in components {
            current += current.isEmpty ? String(component) : "/" + component
            if lock.withLock({ directories.contains(current) }) { continue }
            if mkdirat(stagingHandle, current, 0o755) != 0, errno != EEXIST {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            lock.withLock { _ = directories.insert(current) }
        }
    }

    static func sameContents(atPath path: String, as bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let count = existing.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, bytes.count) }
        return count == bytes.count && existing == bytes
    }

    /// Writes `bytes` at `path` (absolute, or relative to the working folder), never through a link there.
    static func create(_ path: String, _ bytes: [UInt8]) throws {
        try create(path, in: AT_FDCWD, bytes)
    }

    /// Writes `bytes` to `path` below the folder open at `folder`, never through a link at `path`.
    static func create(_ path: String, in folder: Int32, _ bytes: [UInt8]) throws {
        let fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += written
        }
    }
}

/// A file the output could not take, and why: `…/output/articles/x/index.html: cannot write: No space left on device`.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's place in the output folder (absolute).
    public var path: String
    /// The system's words (`strerror`).
    public var reason: String

    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Keeps pages in memory: for `liftoff check` and tests.
public final class MemorySink: PageSink, @unchecked Sendable {
    private let lock = Lock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public var files: [String: [UInt8]] { lock.withLock { storage } }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock { storage[path] = bytes }
    }

    public func copy(from source: URL, to path: String) throws {
        let data = FileManager.default.contents(atPath: source.path) ?? Data()
        lock.withLock { storage[path] = [UInt8](data) }
    }

    /// Cached files (images) published by the build, not read: `check` would hold every image in memory.
    public var linked: [String: String] { lock.withLock { links } }
    private var links: [String: String] = [:]

    public func hardLink(from source: String, to path: String) throws {
        lock.withLock { links[path] = source }
    }
}
