import Foundation

/// What identifies a version of a file without reading it: size, modification time, inode.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var modified: Int64  // nanoseconds since 1970
    public var inode: UInt64

    public init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of the file at `path` (following symbolic links), or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// Lists the files below a folder with `readdir` and `lstat` (one system call a file).
enum FileTree {
    struct Entry {
        /// Relative to the listed folder.
        var path: String
        var stamp: FileStamp
        /// Where a symbolic link points, resolved; nil for plain files.
        var linkTarget: String?
    }

    /// Regular files (and links to them) below `folder`, sorted; names starting with `.` and
    /// editor backups (`~`, `.swp`) are skipped.
    static func files(under folder: String) -> [Entry] {
        var entries: [Entry] = []
        walk(folder, prefix: "", into: &entries)
        return entries.sorted { $0.path < $1.path }
    }

    private static func walk(_ folder: String, prefix: String, into entries: inout [Entry]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix("."), !name.hasSuffix("~"), !name.hasSuffix(".swp") else { continue }
            let path = folder + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var linkTarget: String?
            if info.st_mode & S_IFMT == S_IFLNK {
                linkTarget = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard stat(path, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, prefix: relative, into: &entries)
            case S_IFREG: entries.append(Entry(path: relative, stamp: FileStamp(info), linkTarget: linkTarget))
            default: continue
            }
        }
    }
}
