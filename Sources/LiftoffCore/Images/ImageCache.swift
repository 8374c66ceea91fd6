import Foundation

/// Processed images kept between builds, beside the output (never inside it): each variant is a
/// file named by its key, and `index` remembers what each source was (by its file stamp) and
/// which keys are complete, so an unchanged image is neither read nor decoded again.
final class ImageCache: @unchecked Sendable {
    /// What a source file was when it was last read.
    struct Known: Sendable {
        var stamp: FileStamp
        var digest: Digest
        var header: Vips.Header
    }

    let folder: URL
    private let folderPath: String
    /// From the previous build: sources by content path, and the keys whose files are all written.
    private(set) var known: [String: Known] = [:]
    private(set) var complete: Set<Digest> = []
    /// The libvips that made them: its version and its file's stamp (an unchanged file is an
    /// unchanged version, known without loading the library).
    var library: (version: String, path: String, stamp: FileStamp)?

    private static let formatLine = "liftoff-images 2"

    /// Opens the cache in `folder` (made when something is first written); an unreadable index is an empty cache.
    init(folder: URL) {
        self.folder = folder
        folderPath = folder.path
        guard let text = try? String(contentsOf: folder.appendingPathComponent("index"), encoding: .utf8) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.formatLine) else { return }
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (parts.first, parts.count) {
            case ("S", 11):
                guard let size = Int64(parts[2]), let modified = Int64(parts[3]), let inode = UInt64(parts[4]),
                      let digest = Digest(parts[5]), let width = Int(parts[6]), let height = Int(parts[7]),
                      let frames = Int(parts[9])
                else { continue }
                let header = Vips.Header(width: width, height: height, hasAlpha: parts[8] == "1", frames: frames, loader: String(parts[10]))
                known[String(parts[1])] = Known(stamp: FileStamp(size: size, modified: modified, inode: inode), digest: digest, header: header)
            case ("V", 6):
                guard let size = Int64(parts[3]), let modified = Int64(parts[4]), let inode = UInt64(parts[5]) else { continue }
                library = (String(parts[1]), String(parts[2]), FileStamp(size: size, modified: modified, inode: inode))
            case ("K", 2):
                if let key = Digest(parts[1]) { complete.insert(key) }
            default: continue
            }
        }
    }

    /// `<folder>/<key>-<width>.<ext>`.
    func path(_ key: Digest, width: Int, format: Vips.Format) -> String {
        "\(folderPath)/\(key)-\(width).\(format.fileExtension)"
    }

    /// Makes the folder, before files are written into it.
    func makeFolder() {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Replaces the index with what this build knew (written to a temporary file, then renamed).
    func save(known: [String: Known], complete: Set<Digest>) {
        var text = Self.formatLine + "\n"
        if let library, !library.path.contains("\t") {
            text += "V\t\(library.version)\t\(library.path)\t\(library.stamp.size)\t\(library.stamp.modified)\t\(library.stamp.inode)\n"
        }
        for (path, entry) in known.sorted(by: { $0.key < $1.key }) where !path.contains("\t") && !path.contains("\n") {
            let h = entry.header
            text += "S\t\(path)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.inode)\t\(entry.digest)\t"
            text += "\(h.width)\t\(h.height)\t\(h.hasAlpha ? 1 : 0)\t\(h.frames)\t\(h.loader)\n"
        }
        for key in complete.map(\.description).sorted() { text += "K\t\(key)\n" }
        makeFolder()
        let temporary = folder.appendingPathComponent("index.tmp-\(getpid())")
        guard (try? text.write(to: temporary, atomically: false, encoding: .utf8)) != nil else { return }
        if rename(temporary.path, folder.appendingPathComponent("index").path) != 0 { unlink(temporary.path) }
    }

    /// Removes every file no key in `keys` names (and temporary files left by a killed build).
    func removeAll(except keys: Set<Digest>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let kept = Set(keys.map(\.description))
        for name in names where name != "index" {
            let path = folderPath + "/" + name
            if name.contains(".tmp-") {
                // Another build may be writing it: only leftovers older than ten minutes go.
                var info = stat()
                if stat(path, &info) == 0, time(nil) - info.st_mtim.tv_sec > 600 { unlink(path) }
            } else if !kept.contains(String(name.prefix(32))) {
                unlink(path)
            }
        }
    }
}
