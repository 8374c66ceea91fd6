import CLiftoffSystem
import Foundation

/// The site's folder, held open: every file of the site is opened relative to it, beneath it and
/// through no symbolic link, so a file swapped for a link while a build runs is never read.
///
/// Listing (`FileTree`) accepts links that stay inside the site; such a path is opened at the
/// place the link leads to, resolved then, and still opened beneath the folder without a link.
public final class SiteFolder: Sendable {
    /// The folder's path with every link resolved.
    public let path: String
    private let descriptor: Int32

    /// Opens the folder at `root`; nil when it cannot be opened.
    public init?(root: String) {
        guard let resolved = FileTree.realPath(root) else { return nil }
        let descriptor = Glibc.open(resolved, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        path = resolved
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Why a file of the site was not opened.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// It is (now) a symbolic link that leads out of the site, to `target`.
        case outside(target: String)
        /// The system refused (`errno`).
        case system(Int32)

        public var description: String {
            switch self {
            case .outside(let target): "symbolic link points outside the site (\(target)); copy the file into the site instead"
            case .system(let code): "cannot be read: \(String(cString: strerror(code)))"
            }
        }
    }

    /// A read-only descriptor for `relative` (a path below the site root, such as `content/a.md`).
    public func open(_ relative: String) -> Result<Int32, Refusal> {
        let first = liftoff_open_beneath(descriptor, relative, O_RDONLY)
        if first >= 0 { return .success(first) }
        guard errno == ELOOP || errno == EXDEV else { return .failure(.system(errno)) }
        // A link on the way: open where it leads now, if that is inside the site.
        guard let target = FileTree.realPath(path + "/" + relative) else { return .failure(.system(ENOENT)) }
        guard FileTree.isInside(target, path), target != path else { return .failure(.outside(target: target)) }
        let resolved = String(target.dropFirst(path == "/" ? 1 : path.count + 1))
        let second = liftoff_open_beneath(descriptor, resolved, O_RDONLY)
        if second >= 0 { return .success(second) }
        return .failure(errno == ELOOP || errno == EXDEV ? .outside(target: target) : .system(errno))
    }

    /// The bytes of `relative`.
    public func read(_ relative: String) throws(Refusal) -> [UInt8] {
        let descriptor = try open(relative).get()
        defer { close(descriptor) }
        return try Self.contents(of: descriptor)
    }

    /// Everything left to read from the plain file open at `descriptor`.
    package static func contents(of descriptor: Int32) throws(Refusal) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .system(EISDIR) }
        // One read into a buffer of the file's size (+1 to see the end); more only if it grew.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
