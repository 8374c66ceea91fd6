import Foundation
import LiftoffModel

/// Processed images kept between builds, beside the output (never inside it): each variant is a
/// file named by its key, and `index` remembers what each source was (by its file stamp) and
/// which keys are complete, so an unchanged image is neither read nor decoded again.
package final class ImageCache: @unchecked Sendable {
    /// What a source file was when it was last read.
    struct Known: Sendable {
        var stamp: FileStamp
        var digest: Digest
        var header: Vips.Header
    }

    let folder: URL
    package let folderPath: String
    /// From the previous build: sources by content path, and the keys whose files are all written.
    private(set) var known: [String: Known] = [:]
    private(set) var complete: Set<Digest> = []
    /// The libvips that made them: its version and its file's stamp (an unchanged file is an
    /// unchanged version, known without loading the library).
    var library: (version: String, path: String, stamp: FileStamp)?

    private static let formatLine = "liftoff-images 2"

    /// Opens the cache in `folder` (made when something is first written); an unreadable index is an empty cache.
    /// One problem at the cache's folder for the first of `failures` that is the cache's own: a
    /// full disk fails every image alike, and is said once, not at every page.
    package func problem(among failures: some Sequence<ImageError>) -> Diagnostic? {
        failures.first(where: \.aboutCache).map { .error(folderPath, 0, $0.message) }
    }

    init(folder: URL) {
        self.folder = folder
        folderPath = folder.path
        // Byte-wise: the index has a line for every image of the site, read on every build.
        guard let data = FileManager.default.contents(atPath: folderPath + "/index") else { return }
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, first.elementsEqual(Self.formatLine.utf8) else { return }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        func number<T: FixedWidthInteger>(_ slice: ArraySlice<UInt8>) -> T? { T(text(slice)) }
        for line in lines.dropFirst() {
            let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
            switch (parts.first, parts.count) {
            case ([UInt8(ascii: "S")], 11):
                guard let size: Int64 = number(parts[2]), let modified: Int64 = number(parts[3]), let inode: UInt64 = number(parts[4]),
                      let digest = Digest(text(parts[5])[...]), let width: Int = number(parts[6]), let height: Int = number(parts[7]),
                      let frames: Int = number(parts[9])
                else { continue }
                let header = Vips.Header(width: width, height: height, hasAlpha: parts[8] == [UInt8(ascii: "1")], frames: frames, loader: text(parts[10]))
                known[text(parts[1])] = Known(stamp: FileStamp(size: size, modified: modified, inode: inode), digest: digest, header: header)
            case ([UInt8(ascii: "V")], 6):
                guard let size: Int64 = number(parts[3]), let modified: Int64 = number(parts[4]), let inode: UInt64 = number(parts[5]) else { continue }
                library = (text(parts[1]), text(parts[2]), FileStamp(size: size, modified: modified, inode: inode))
            case ([UInt8(ascii: "K")], 2):
                if let key = Digest(text(parts[1])[...]) { complete.insert(key) }
            default: continue
            }
        }
    }

    /// Whether `name` is one `path` gives (`<key>-<width>.<ext>`), or the index's or a variant's
    /// temporary file.
    static func isCacheName(_ name: String) -> Bool {
        if name.hasPrefix("index.tmp-") { return true }
        guard Digest(name.prefix(32)) != nil, name.dropFirst(32).first == "-" else { return false }
        let rest = name.dropFirst(33)  // `<width>.<ext>`, or a temporary file's name
        guard let dot = rest.firstIndex(of: "."), Int(rest[..<dot]) != nil else { return false }
        let ext = rest[rest.index(after: dot)...]
        return Vips.Format.allCases.contains { ext == $0.fileExtension || ext.hasPrefix($0.fileExtension + ".tmp-") }
    }

    /// `<folder>/<key>-<width>.<ext>`, for the key's 32 digits.
    func path(_ key: String, width: Int, format: Vips.Format) -> String {
        folderPath + "/" + key + "-" + String(width) + "." + format.fileExtension
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

    /// Removes every file of the cache no key in `keys` names (and temporary files left by a killed
    /// build); a file the cache does not name (`path`) is not its to remove.
    func removeAll(except keys: Set<Digest>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let kept = Set(keys.map(\.description))
        for name in names where name != "index" && Self.isCacheName(name) {
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
