import Foundation
import LiftoffModel
import LiftoffSource

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

    /// Whether building again with `key` at `now` would give the output that is already there.
    /// - Parameter listed: set to `content/`'s listing when the check made one (a build that follows lists nothing again).
    package func isCurrent(root: URL, output: URL, key: String, now: Timestamp, listed: inout FileTree.Listing?) -> Bool {
        guard key == self.key, now.seconds >= builtAt, now.seconds < validUntil,
              FileStamp.of(output.path)?.inode == outputInode,
              FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.marker).path),
              FileStamp.of(root.appendingPathComponent("site.yml").path) == files["site.yml"]
        else { return false }
        // Each file as it is listed (no second table of 100,000 stamps), then the count.
        var seen = files["site.yml"] == nil ? 0 : 1
        let content = SiteSources.contentListing(root: root, sorted: false)
        listed = content
        // A link out of the site is not followed: the build that follows says so.
        guard content.problems.isEmpty else { return false }
        for entry in content.entries {
            guard files["content/" + entry.path] == entry.stamp else { return false }
            seen += 1
        }
        for entry in FileTree.files(under: root.appendingPathComponent("theme").path, sorted: false) {
            guard files["theme/" + entry.path] == entry.stamp else { return false }
            seen += 1
        }
        return seen == files.count
    }

    /// Reads a manifest written by `write(to:)` (binary); nil when there is none or it is not one.
    public static func read(from url: URL) -> BuildManifest? {
        guard let bytes = KeptFiles.contents(url.path) else { return nil }
        return bytes.withUnsafeBytes { raw -> BuildManifest? in
            var reader = BinaryReader(raw: raw)
            guard reader.take(header.count).map(Array.init) == header, let key = reader.string(), let builtAt = reader.wide(),
                  let validUntil = reader.wide(), let inode = reader.wide(), let warnings = reader.strings(), let count = reader.number(),
                  Int(count) <= raw.count
            else { return nil }
            var files: [String: FileStamp] = [:]
            files.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let path = reader.string(), let size = reader.wide(), let modified = reader.wide(), let fileInode = reader.wide() else { return nil }
                files[path] = FileStamp(size: Int64(size), modified: Int64(modified), inode: UInt64(truncatingIfNeeded: fileInode))
            }
            guard reader.offset == raw.count else { return nil }
            return BuildManifest(
                key: key, builtAt: Int64(builtAt), validUntil: Int64(validUntil), outputInode: UInt64(truncatingIfNeeded: inode), files: files,
                warnings: warnings)
        }
    }

    private static let header = Array("liftoff-manifest 2\n".utf8)

    /// Writes the manifest atomically.
    public func write(to url: URL) {
        var bytes = Self.header
        bytes.reserveCapacity(256 + files.count * 80)
        var writer = BinaryWriter(bytes: bytes)
        writer.string(key)
        writer.wide(Int(builtAt))
        writer.wide(Int(validUntil))
        writer.wide(Int(truncatingIfNeeded: outputInode))
        writer.strings(warnings)
        writer.number(UInt32(files.count))
        for (path, stamp) in files {
            writer.string(path)
            writer.wide(Int(stamp.size))
            writer.wide(Int(stamp.modified))
            writer.wide(Int(truncatingIfNeeded: stamp.inode))
        }
        _ = writer.write(atomicallyTo: url)
    }

    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
