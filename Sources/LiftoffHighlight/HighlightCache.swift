import Foundation
import LiftoffModel

/// Highlighted blocks kept between builds: a folder beside the output (never inside it) holding
/// one file a block, `<key>.html`, the key a digest of the language and the code, and `version`:
/// the Pygments that highlighted them and the stamp of its installed file. A build reads only the
/// blocks it renders (a warm build, a few), and blocks of another Pygments are dropped.
final class HighlightCache: @unchecked Sendable {
    private static let format = "liftoff-code 1"
    /// Debian's Pygments; its stamp says whether the cached version still is the installed one.
    private static let pygmentsFile = "/usr/lib/python3/dist-packages/pygments/__init__.py"

    private let folder: URL?
    private let lock = Lock()
    /// The version the folder's blocks were highlighted by; nil when the folder is empty or stale.
    private var version: String?
    /// Blocks of this build that are not in a folder (no folder, or written this build).
    private var memory: [String: String] = [:]

    init(folder: URL?) {
        self.folder = folder
        guard let folder, let text = try? String(contentsOf: folder.appendingPathComponent("version"), encoding: .utf8) else { return }
        let fields = text.split(separator: "\t").map(String.init)
        if fields.count == 3, fields[0] == Self.format, fields[2] == Self.installedStamp { version = fields[1] }
    }

    private static var installedStamp: String {
        FileStamp.of(pygmentsFile).map { "\($0.size).\($0.modified)" } ?? "none"
    }

    private static func key(language: String, code: String) -> String {
        var hasher = StableHasher()
        hasher.combine(language)
        hasher.combine(code)
        return hasher.finalize().description
    }

    func lookup(language: String, code: String) -> String? {
        let key = Self.key(language: language, code: code)
        let (known, version) = lock.withLock { (memory[key], self.version) }
        if let known { return known }
        guard version != nil, let folder, let data = KeptFiles.contents(folder.path + "/" + key + ".html"), Self.isHighlighted(data) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `html` is what the highlighter writes: escaped text and `<span class="…">` /
    /// `</span>` only. A cached block is published as HTML: any other markup found there (a file
    /// put in the folder by hand) is highlighted again instead.
    static func isHighlighted(_ html: [UInt8]) -> Bool {
        let open = Array(#"<span class=""#.utf8), close = Array("</span>".utf8)
        var index = 0
        while let tag = html[index...].firstIndex(of: UInt8(ascii: "<")) {
            if html[tag...].starts(with: close) {
                index = tag + close.count
                continue
            }
            guard html[tag...].starts(with: open) else { return false }
            var end = tag + open.count
            while end < html.count, html[end] == UInt8(ascii: " ") || html[end] == UInt8(ascii: "-") || html[end] == UInt8(ascii: "_")
                || (0x30...0x39).contains(html[end]) || (0x41...0x5A).contains(html[end]) || (0x61...0x7A).contains(html[end]) {
                end += 1
            }
            guard html[end...].starts(with: Array(#"">"#.utf8)) else { return false }
            index = end + 2
        }
        return true
    }

    func store(_ html: String, language: String, code: String) {
        let key = Self.key(language: language, code: code)
        lock.withLock { memory[key] = html }
        guard let folder, lock.withLock({ version != nil }) else { return }
        let path = folder.path + "/" + key + ".html"
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard (try? Data(html.utf8).write(to: URL(fileURLWithPath: temporary))) != nil else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// A helper started with `version`: the folder's blocks of another version are removed.
    func adopt(version: String) {
        lock.withLock {
            guard self.version != version, let folder else { return }
            // Only what this cache writes is removed (the folder is Liftoff's, but never emptied blindly).
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasSuffix(".html") || name.contains(".html.tmp-") || name == "version" {
                unlink(folder.path + "/" + name)
            }
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let line = "\(Self.format)\t\(version)\t\(Self.installedStamp)"
            if (try? line.write(to: folder.appendingPathComponent("version"), atomically: true, encoding: .utf8)) != nil {
                self.version = version
            }
        }
    }
}
