import Foundation
import Glibc

/// Watches the folders of a site with inotify and reports changed paths.
///
/// Editors save by writing a temporary file and renaming it over the original, which shows up
/// as `MOVED_TO` only, and a watch on a file dies when the file is replaced: so folders are
/// watched, `CLOSE_WRITE`, `MOVED_TO`, `MOVED_FROM`, `DELETE` and `CREATE` count as changes,
/// and editor temp files are ignored: those named as editors name them, and any file that
/// appears and goes again within one read of events (`sed -i`'s, for one).
final class SiteWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()
    private let root: String
    private var stopped = false

    /// Ends `watchLoop` within a quarter of a second.
    func stop() { lock.withLock { stopped = true } }

    var isStopped: Bool { lock.withLock { stopped } }

    /// The watched folders, relative to the root ("" is the root itself).
    var watchedFolders: Set<String> {
        lock.withLock { Set(folders.values.map { $0 == root ? "" : String($0.dropFirst(root.count + 1)) }) }
    }

    static let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF)

    /// Watches `root` itself (for `site.yml`) and every folder below `content/` and `theme/`.
    init(root: URL) throws {
        self.root = root.path
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        add(root.path, recursive: false)
        add(root.appendingPathComponent("content").path, recursive: true)
        add(root.appendingPathComponent("theme").path, recursive: true)
    }

    deinit { close(descriptor) }

    private func add(_ path: String, recursive: Bool) {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return }
        lock.withLock { folders[watch] = path }
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                add(child, recursive: true)
            }
        }
    }

    /// The names at the root that are inputs: the settings and the two folders read recursively.
    static let rootInputs: Set<String> = ["site.yml", "content", "theme"]

    /// Whether a changed file or folder matters: not hidden, not an editor's temporary or backup
    /// file (Vim's swap files and `4913` probe, Emacs' `#…#`, `~` backups, JetBrains' and Kate's
    /// temp files, GNU sed's `sedXXXXXX`).
    static func isRelevant(_ name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("#") || name.hasSuffix("___jb_tmp___")
            || name.hasSuffix("___jb_old___") || name.hasSuffix(".kate-swp") || isSedTemporary(name))
    }

    /// `sed -i` writes the new text to `sed` and six letters or digits, then renames it.
    static func isSedTemporary(_ name: String) -> Bool {
        name.utf8.count == 9 && name.hasPrefix("sed")
            && name.utf8.dropFirst(3).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// Blocks until at least one relevant change; returns the changed paths, relative to the root.
    /// Waits up to `timeout` seconds (nil: forever); returns [] on timeout.
    func waitForChanges(timeout: Double?) -> [String] {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = timeout.map { Int32($0 * 1000) } ?? -1
        guard poll(&poller, 1, milliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var changes: [String] = []
        var appeared: Set<String> = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += headerSize + length
            guard let folder = lock.withLock({ folders[watch] }), !name.isEmpty, Self.isRelevant(name) else { continue }
            // At the root only the inputs matter: not output/, the staging folders and files a build
            // keeps beside it, or anything else kept there. Nothing below them is watched either.
            if folder == root, !Self.rootInputs.contains(name) { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                add(path, recursive: true)
            }
            let relative = String(path.dropFirst(root.count + 1))
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { appeared.insert(relative) }
            if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0, appeared.contains(relative) {
                // Made and gone again: an editor's scratch file, not a change to the site.
                changes.removeAll { $0 == relative }
                continue
            }
            changes.append(relative)
        }
        return changes
    }
}
