import Foundation
import LiftoffModel

/// What the last successful build read and until when its output stays right, so that a build
/// with nothing to do can stop at once.
///
/// It is kept beside the output folder (`.output.liftoff-manifest`), not in it: nothing about the
/// sources is deployed. Files are compared by size, modification time and inode, as make does.
public struct BuildManifest: Sendable, Equatable {
    /// Options and tool identity: a different value means a different output.
    public var key: String
    /// The build's "now".
    public var builtAt: Int64
    /// The first moment the output changes by itself: a countdown's text, a future article's
    /// date, a new year in the footer.
    public var validUntil: Int64
    /// The output folder's inode: a replaced or deleted output is rebuilt.
    public var outputInode: UInt64
    /// Every file read, relative to the site root.
    public var files: [String: FileStamp]
    /// The build's warnings, as printed: a build that finds nothing changed prints them again.
    public var warnings: [String]

    public init(key: String, builtAt: Int64, validUntil: Int64, outputInode: UInt64, files: [String: FileStamp], warnings: [String] = []) {
        self.warnings = warnings
        self.key = key
        self.builtAt = builtAt
        self.validUntil = validUntil
        self.outputInode = outputInode
        self.files = files
    }

    /// `<parent>/.<output name>.liftoff-manifest`
    public static func location(for output: URL) -> URL {
        OutputWriter.beside(output, "manifest")
    }

    /// The key for a build with these options by this very binary.
    public static func key(for options: BuildOptions) -> String {
        "drafts=\(options.drafts) future=\(options.future) strict=\(options.strict) base=\(options.baseURL ?? "") tool=\(OutputWriter.toolIdentity)"
    }

    /// The stamps of `site.yml` and every file under `content/` and `theme/`, as they are now.
    public static func currentFiles(root: URL) -> [String: FileStamp] {
        var files: [String: FileStamp] = [:]
        files["site.yml"] = FileStamp.of(root.appendingPathComponent("site.yml").path)
        for folder in ["content", "theme"] {
            for entry in FileTree.files(under: root.appendingPathComponent(folder).path) {
                files[folder + "/" + entry.path] = entry.stamp
            }
        }
        return files
    }

    /// Whether building again with `key` at `now` would give the output that is already there.
    public func isCurrent(root: URL, output: URL, key: String, now: Timestamp) -> Bool {
        guard key == self.key, now.seconds >= builtAt, now.seconds < validUntil,
              FileStamp.of(output.path)?.inode == outputInode,
              FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.marker).path)
        else { return false }
        return Self.currentFiles(root: root) == files
    }

    public static func read(from url: URL) -> BuildManifest? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        func field(_ name: String) -> Substring? {
            guard let line = lines.popFirst(), line.hasPrefix(name + " ") else { return nil }
            return line.dropFirst(name.count + 1)
        }
        guard lines.popFirst() == "liftoff-manifest 1", let key = field("key"),
              let builtAt = field("now").flatMap({ Int64($0) }), let validUntil = field("valid-until").flatMap({ Int64($0) }),
              let inode = field("output").flatMap({ UInt64($0) })
        else { return nil }
        var files: [String: FileStamp] = [:], warnings: [String] = []
        for line in lines where !line.isEmpty {
            if line.hasPrefix("warning ") {
                warnings.append(unescape(line.dropFirst(8)))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 3)
            guard parts.count == 4, let size = Int64(parts[0]), let modified = Int64(parts[1]), let fileInode = UInt64(parts[2]) else { return nil }
            files[String(parts[3])] = FileStamp(size: size, modified: modified, inode: fileInode)
        }
        return BuildManifest(key: String(key), builtAt: builtAt, validUntil: validUntil, outputInode: inode, files: files, warnings: warnings)
    }

    /// `\\` → `\`, `\n` → a line break (a warning is one line of the manifest).
    private static func unescape(_ text: Substring) -> String {
        var result = "", escaped = false
        for character in text {
            if escaped { result.append(character == "n" ? "\n" : character); escaped = false }
            else if character == "\\" { escaped = true }
            else { result.append(character) }
        }
        return result
    }

    public func write(to url: URL) {
        var text = "liftoff-manifest 1\nkey \(key)\nnow \(builtAt)\nvalid-until \(validUntil)\noutput \(outputInode)\n"
        for warning in warnings {
            text += "warning " + warning.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + "\n"
        }
        for (path, stamp) in files.sorted(by: { $0.key < $1.key }) {
            text += "\(stamp.size) \(stamp.modified) \(stamp.inode) \(path)\n"
        }
        try? text.write(to: url, atomically: true, encoding: .utf8)
    }

    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
