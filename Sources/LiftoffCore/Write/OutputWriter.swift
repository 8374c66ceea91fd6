import CLiftoffSystem
import Foundation
import LiftoffModel

/// Writes a new output tree beside the old one and swaps it in only when the build succeeded.
///
/// Files whose bytes did not change are hard-linked from the previous tree, so they keep
/// their inode and modification time; files of deleted articles are not carried over.
/// A build that fails or is killed leaves the previous `output/` exactly as it was.
///
/// The tree swapped out is kept as the spare (`TreeRecord`): the next build starts from it and
/// touches only the files that differ, so a carried-over page costs no system call at all.
public final class OutputWriter: PageSink, @unchecked Sendable {
    /// The file that marks a folder as Liftoff's output (it is never replaced otherwise).
    public static let marker = SiteLayout.outputMarker

    public let output: URL
    let staging: URL
    /// `staging.path`, made once (every file written goes below it).
    private let stagingPath: String
    let lock = Lock()
    private var directories: Set<String> = [""]
    /// The cache's folder, the previous output's and the staging tree's, held open while files are linked.
    private let folders = FolderHandles()
    private var counts = (written: 0, unchanged: 0)
    /// Held from before the staging folder is made until this writer is gone.
    private let outputLock: OutputLock
    /// The staging folder, held open from its creation: every file is written relative to it
    /// (`O_NOFOLLOW`), so renaming it away or planting links in its place changes nothing written.
    let stagingHandle: Int32
    /// The staging folder's identity, checked before it is swapped in.
    let stagingIdentity: (device: UInt64, inode: UInt64)
    /// The output's files as the last build recorded them (none: not known), each true when the
    /// spare's copy may differ, and each one's position by path.
    let recorded: (paths: [String], differs: [Bool], index: [String: Int])
    /// By position in `recorded`: 1 when the file is carried over from the spare, where it is
    /// already (set without the lock: each position by the one page that owns the path).
    let reusedFromSpare: UnsafeMutableBufferPointer<UInt8>
    /// Whether the last build's record was read (its files are known).
    let hasRecord: Bool
    /// Whether the staging tree began as the spare (the output before last): a file recorded
    /// `false` is then in it already, as it is in the output.
    let startedFromSpare: Bool
    /// The spare's files the output does not have (to remove when the staging tree began as the spare).
    let spareOnly: [String]
    /// Every file of the new tree not carried over from the spare (`reusedFromSpare`), true when
    /// its bytes may differ from the output's.
    var published: [String: Bool] = [:]
    /// Whether the staging tree was changed (a spare left untouched goes back in place on `discard`).
    var touched = false
    /// Changes made to a staging tree that began as the spare (for `reach`).
    var changes = 0

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
        var outputInfo = stat()
        let outputExists = lstat(output.path, &outputInfo) == 0
        if outputExists {
            guard outputInfo.st_mode & S_IFMT == S_IFDIR else {
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
        let record = outputExists ? TreeRecord.read(from: TreeRecord.location(for: output)).flatMap {
            $0.outputInode == UInt64(outputInfo.st_ino) ? $0 : nil
        } : nil
        var handle = Self.adoptSpare(of: output, inode: record?.spareInode ?? 0, as: staging.path)
        startedFromSpare = handle >= 0
        if startedFromSpare { Self.reach("adopted") }
        if handle < 0 {
            // Made here and opened at once; a folder someone else owns in its place is not ours to fill.
            handle = mkdir(staging.path, 0o755) == 0 ? open(staging.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
        }
        var info = stat()
        guard handle >= 0, fstat(handle, &info) == 0, info.st_uid == geteuid() else {
            let reason = String(cString: strerror(handle >= 0 ? EPERM : errno))
            if handle >= 0 { close(handle) }
            throw BuildFailure(.error(output.path, 0, "cannot create the output folder: \(reason)"))
        }
        stagingHandle = handle
        stagingIdentity = (UInt64(info.st_dev), UInt64(info.st_ino))
        let paths = record?.paths ?? []
        var index: [String: Int] = [:]
        index.reserveCapacity(paths.count)
        for (position, path) in paths.enumerated() { index[path] = position }
        recorded = (paths, record?.differs ?? [], index)
        hasRecord = record != nil
        reusedFromSpare = .allocate(capacity: paths.count)
        reusedFromSpare.initialize(repeating: 0)
        spareOnly = startedFromSpare ? record?.spareOnly ?? [] : []
        folders.adopt(stagingPath, handle: handle)
    }

    deinit {
        close(stagingHandle)
        reusedFromSpare.deallocate()
    }

    /// Files written anew, and files carried over unchanged.
    public var statistics: (written: Int, unchanged: Int) {
        let counts = lock.withLock { self.counts }
        return (counts.written, counts.unchanged + reusedFromSpare.reduce(0) { $0 + Int($1) })
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        do {
            let path = try Self.inside(path)
            try prepare(path)
            let old = output.path + "/" + path
            if Self.sameContents(atPath: old, as: bytes) {
                if let position = inSpare(path) {
                    reusedFromSpare[position] = 1
                    return
                }
                if (try? link(old, to: path)) != nil {
                    note(path, differs: false)
                    return
                }
            }
            try clear(path)
            try Self.create(path, in: stagingHandle, bytes)
            note(path, differs: true)
        } catch let error as POSIXError {
            throw WriteError(path: output.path + "/" + path, reason: String(cString: strerror(error.code.rawValue)))
        }
    }

    /// A hard link to the cached file (no bytes copied); a copy when the cache is on another file system.
    public func hardLink(from source: String, to path: String) throws {
        let target: String
        do {
            target = try Self.inside(path)
            try prepare(target)
            try clear(target)
        } catch let error as POSIXError {
            throw WriteError(path: output.path + "/" + path, reason: String(cString: strerror(error.code.rawValue)))
        }
        guard folders.link(source, into: stagingPath, at: target) else { return try copy(from: URL(fileURLWithPath: source), to: target) }
        // No bytes written: the file is the cache's (it may not be the one the output has).
        lock.withLock {
            published[target] = true
            counts.unchanged += 1
        }
    }

    public func previous(_ path: String) -> [UInt8]? {
        guard let path = try? Self.inside(path) else { return nil }
        return FileManager.default.contents(atPath: output.path + "/" + path).map { [UInt8]($0) }
    }

    public func reuse(_ path: String) -> Bool {
        guard let path = try? Self.inside(path) else { return false }
        if let position = inSpare(path) {
            reusedFromSpare[position] = 1
            return true
        }
        guard (try? prepare(path)) != nil, (try? clear(path)) != nil, folders.link(path, below: output.path, into: stagingPath) else { return false }
        note(path, differs: false)
        return true
    }

    /// Swaps the new tree in, and keeps the old one as the spare (removes it when its files are not known).
    public func commit() throws(BuildFailure) {
        folders.closeAll()
        if startedFromSpare { removeStale() }
        do {
            try clear(Self.marker)
            try Self.create(Self.marker, in: stagingHandle, Array("Built by Liftoff. This folder is replaced on every build.\n".utf8))
        } catch {
            throw BuildFailure(.error(output.path, 0, "cannot write the output: \(String(cString: strerror((error as? POSIXError)?.code.rawValue ?? EIO)))"))
        }
        Self.reach("marked")
        // The folder at the staging path must still be the one this build filled.
        guard isStaging(staging.path) else { throw replacedStaging }
        // From here until the new record is written, no record describes the output.
        let recordURL = TreeRecord.location(for: output)
        TreeRecord.remove(at: recordURL)
        let old: URL
        if access(output.path, F_OK) != 0 {
            guard rename(staging.path, output.path) == 0 else { throw failure("cannot move the new output into place") }
            keep(nil, recordURL)
            return
        } else if liftoff_exchange_paths(staging.path, output.path) == 0 {
            guard isStaging(output.path) else {
                // Replaced between the check and the exchange: put things back as they were.
                _ = liftoff_exchange_paths(staging.path, output.path)
                throw replacedStaging
            }
            old = staging  // now holds the old tree
            Self.reach("exchanged")
        } else {
            // A file system without RENAME_EXCHANGE: two renames, a moment apart.
            old = Self.beside(output, "old-\(getpid())")
            guard rename(output.path, old.path) == 0 else { throw failure("cannot move the old output aside") }
            guard rename(staging.path, output.path) == 0 else {
                _ = rename(old.path, output.path)
                throw failure("cannot move the new output into place")
            }
        }
        keep(old, recordURL)
    }

    /// Removes the staging folder; the previous output stays as it was. A spare the build did
    /// not change goes back in place.
    public func discard() {
        folders.closeAll()
        if startedFromSpare, !lock.withLock({ touched }), rename(staging.path, TreeRecord.spareLocation(for: output).path) == 0 { return }
        Self.removeTree(staging.path)
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

    private func failure(_ message: String) -> BuildFailure {
        BuildFailure(.error(output.path, 0, "\(message): \(String(cString: strerror(errno)))"))
    }

    /// Records `path` as a file of the new tree.
    private func note(_ path: String, differs: Bool) {
        lock.withLock {
            published[path] = differs
            if differs { counts.written += 1 } else { counts.unchanged += 1 }
        }
    }

    /// Whether the staging tree holds `path` as the output does (it began as the spare, and the
    /// output's copy was carried over into it unchanged).
    private func inSpare(_ path: String) -> Int? {
        guard startedFromSpare, let position = recorded.index[path], !recorded.differs[position] else { return nil }
        return position
    }

    /// Hard-links the output's file `old` (absolute) into the staging tree at `path`.
    private func link(_ old: String, to path: String) throws {
        try clear(path)
        guard linkat(AT_FDCWD, old, stagingHandle, path, 0) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    private func prepare(_ path: String) throws {
        let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        guard !lock.withLock({ directories.contains(directory) }) else { return }
        let components = path.split(separator: "/").dropLast()
        // mkdir(2) each missing level; another worker may make the same one at the same time.
        var current = ""
        for component in components {
            current += current.isEmpty ? String(component) : "/" + component
            if lock.withLock({ directories.contains(current) }) { continue }
            try makeFolder(current)
            lock.withLock { _ = directories.insert(current) }
        }
    }
}
