import Foundation

/// Highlighted blocks kept between builds: a JSON file beside the output (never inside it),
/// `{"format", "version", "pygments", "blocks": {key: html}}`, the key a digest of the language
/// and the code. Entries of another Pygments (its version, or its installed file's stamp when no
/// helper ran) are dropped.
final class HighlightCache: @unchecked Sendable {
    private static let format = "liftoff-code 1"
    /// Debian's Pygments; its stamp says whether the cached version still is the installed one.
    private static let pygmentsFile = "/usr/lib/python3/dist-packages/pygments/__init__.py"

    private let file: URL?
    private let lock = Lock()
    private var blocks: [String: String] = [:]
    private var version: String?
    private var changed = false

    init(file: URL?) {
        self.file = file
        guard let file, let data = try? Data(contentsOf: file),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              object["format"] as? String == Self.format, object["pygments"] as? String == Self.installedStamp,
              let blocks = object["blocks"] as? [String: String]
        else { return }
        self.blocks = blocks
        version = object["version"] as? String
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
        return lock.withLock { blocks[key] }
    }

    func store(_ html: String, language: String, code: String, version: String) {
        let key = Self.key(language: language, code: code)
        lock.withLock {
            blocks[key] = html
            changed = true
        }
    }

    /// A helper started with `version`: blocks another version highlighted are dropped.
    func adopt(version: String) {
        lock.withLock {
            if self.version != version {
                blocks = [:]
                self.version = version
                changed = true
            }
        }
    }

    /// Writes the file when this build added to it (a temporary file, then renamed).
    func save() {
        guard let file else { return }
        let (object, changed) = lock.withLock { () -> ([String: Any], Bool) in
            (["format": Self.format, "version": version ?? "", "pygments": Self.installedStamp, "blocks": blocks], self.changed)
        }
        guard changed, let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp-\(getpid())")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }
}
