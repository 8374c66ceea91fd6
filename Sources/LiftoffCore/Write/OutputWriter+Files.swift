import CLiftoffSystem
import Foundation
import LiftoffModel

/// The file operations of the output: paths checked to stay inside it, files created without
/// following links, trees removed without following them.
extension OutputWriter {
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

    /// Removes the folder `path` below the folder open at `folder`, and everything below it, without following links.
    static func removeTree(_ path: String, in folder: Int32) {
        let descriptor = openat(folder, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            unlinkat(folder, path, 0)
            return
        }
        removeContents(descriptor)
        unlinkat(folder, path, AT_REMOVEDIR)
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
        _ = try inside(path)
    }

    /// `path` in its one spelling (`a//b/./c` is `a/b/c`), so that the files a build records are
    /// the files it wrote; throws unless it is relative and stays inside the output folder.
    static func inside(_ path: String) throws -> String {
        guard !path.isEmpty, path.utf8.first != UInt8(ascii: "/") else { throw outside(path) }
        // Byte-wise, every file written passes here: dots since the segment began (-1 once it
        // holds anything else), and whether a segment is empty or `.`.
        var run = 0, odd = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if run == 2 { throw outside(path) }
                if run == 0 || run == 1 { odd = true }
                run = 0
            } else if byte == UInt8(ascii: "."), run >= 0 {
                run += 1
            } else {
                run = -1
            }
        }
        if run == 2 { throw outside(path) }
        guard odd || run == 0 || run == 1 else { return path }
        let segments = path.split(separator: "/").filter { $0 != "." }
        guard !segments.isEmpty else { throw outside(path) }
        return segments.joined(separator: "/")
    }

    private static func outside(_ path: String) -> BuildFailure {
        BuildFailure(.error(path, 0, "refusing to write outside the output folder"))
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
