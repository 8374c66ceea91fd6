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
///
/// Symbolic links are followed only where they stay inside the site; a folder reached through a
/// link is read once, and a link back to a folder being read (a loop) is reported, not followed.
package enum FileTree {
    package struct Entry {
        /// Relative to the listed folder.
        package var path: String
        package var stamp: FileStamp
        /// Where a symbolic link points, resolved; nil for plain files.
        var linkTarget: String?
    }

    /// The files found, and the links that were not followed (paths relative to the listed folder).
    package struct Listing {
        package var entries: [Entry] = []
        package var problems: [(path: String, message: String)] = []

        /// Sorted as `listing(…, sorted: true)` sorts.
        package mutating func sort() {
            entries.sort { bytesPrecede($0.path, $1.path) }
        }
    }

    /// Regular files (and links to them) below `folder`, sorted unless `sorted` is false; names
    /// starting with `.` and editor backups (`~`, `.swp`) are skipped.
    package static func files(under folder: String, sorted: Bool = true) -> [Entry] {
        listing(under: folder, inside: nil, sorted: sorted).entries
    }

    /// The files below `folder`, sorted (unless `sorted` is false). With `root`, a link whose
    /// target lies outside that folder (resolved) is reported instead of followed.
    package static func listing(under folder: String, inside root: String?, sorted: Bool = true) -> Listing {
        var walker = Walker(root: root.flatMap(realPath), top: realPath(folder) ?? folder)
        if let id = FolderID(path: folder) { walker.reading.insert(id) }
        walker.walk(folder, prefix: "")
        // By bytes: names that read the same but are encoded differently (NFC, NFD) keep one order.
        if sorted { walker.listing.sort() }
        return walker.listing
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s (memcmp on the strings' own storage: the generic
    /// `lexicographicallyPrecedes` over two UTF-8 views took a fifth of a listing of 100,000 files).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (order ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Where `path` leads when it is a symbolic link whose target lies outside the folder `root`
    /// (resolved); nil otherwise.
    package static func linkOutside(_ path: String, root: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        let target = realPath(path) ?? path
        return isInside(target, root) ? nil : target
    }

    /// Whether the resolved path `target` is the folder `root` or below it.
    static func isInside(_ target: String, _ root: String) -> Bool {
        target == root || target.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The path with every link resolved, or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A folder's identity on disk, whatever path reaches it.
    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Walker {
        let root: String?
        /// The listed folder, resolved: a link to it or to a folder above it is a loop.
        let top: String
        var listing = Listing()
        /// Folders on the way down to the one being read: a link to one of them is a loop.
        var reading: Set<FolderID> = []
        /// Folders entered through a link, with the link that led there first.
        var linked: [FolderID: String] = [:]

        mutating func walk(_ folder: String, prefix: String) {
            guard let directory = opendir(folder) else { return }
            // Plain files in any order (the listing is sorted at the end); folders and links in
            // sorted order, so that which link to a folder is read first does not depend on readdir.
            var names: [String] = [], others: [String] = []
            var published = false
            while let entry = readdir(directory) {
                let valid = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(validating: raw.prefix { $0 != 0 }, as: UTF8.self) }
                guard let name = valid else {
                    let shown = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                    listing.problems.append((prefix.isEmpty ? shown : prefix + "/" + shown, "the file name is not valid UTF-8; rename it"))
                    continue
                }
                if name == SiteLayout.outputMarker { published = true }
                guard !name.hasPrefix("."), !name.hasSuffix("~"), !name.hasSuffix(".swp") else { continue }
                if entry.pointee.d_type == UInt8(DT_REG) { names.append(name) } else { others.append(name) }
            }
            defer { closedir(directory) }
            if published, root != nil {
                // Liftoff's own output (or a link to it): publishing it would nest every build in the next.
                listing.problems.append((prefix, "a folder Liftoff published (it holds \(SiteLayout.outputMarker)); an output is not content: remove it or the link to it"))
                return
            }
            // By bytes (a String comparison weighs Unicode); each name looked up in the open folder,
            // not by its whole path again (100,000 files: a third of the listing's time).
            let handle = dirfd(directory)
            var rest = others.sorted(by: FileTree.bytesPrecede)
            if names.count >= 4096 {
                // A big folder's plain files are stamped on every core; one that is no longer a plain
                // file when stamped is visited as the others are.
                let files = names
                let stamps = parallelMap(files.count) { index -> stat? in
                    var info = stat()
                    return fstatat(handle, files[index], &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG ? info : nil
                }
                listing.entries.reserveCapacity(listing.entries.count + files.count)
                for (name, info) in zip(files, stamps) {
                    if let info {
                        listing.entries.append(Entry(path: prefix.isEmpty ? name : prefix + "/" + name, stamp: FileStamp(info), linkTarget: nil))
                    } else {
                        rest.append(name)
                    }
                }
            } else {
                rest = names + rest
            }
            for name in rest {
                visit(folder + "/" + name, name: name, in: handle, relative: prefix.isEmpty ? name : prefix + "/" + name)
            }
        }

        private mutating func visit(_ path: String, name: String, in folder: Int32, relative: String) {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            var linkTarget: String?
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let target = FileTree.realPath(path), stat(path, &info) == 0 else { return }  // dangling
                if let root, !FileTree.isInside(target, root) {
                    listing.problems.append((relative, SiteFolder.Refusal.outside(target: target).description))
                    return
                }
                linkTarget = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FolderID(info)
                if linkTarget != nil {
                    if let target = linkTarget, reading.contains(id) || top == target || top.hasPrefix(target == "/" ? "/" : target + "/") {
                        listing.problems.append((relative, "symbolic link loop: the link leads back to a folder that contains it; remove the link"))
                        return
                    }
                    if let first = linked[id] {
                        listing.problems.append((relative, "symbolic link to a folder already read through '\(first)'; link to it once"))
                        return
                    }
                    linked[id] = relative
                }
                reading.insert(id)
                walk(path, prefix: relative)
                reading.remove(id)
            case S_IFREG:
                listing.entries.append(Entry(path: relative, stamp: FileStamp(info), linkTarget: linkTarget))
            default:
                return
            }
        }
    }
}
