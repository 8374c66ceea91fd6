import Foundation
import LiftoffModel
import LiftoffSource

/// What the last build knew of each article file, kept beside the output (`.output.liftoff-sources`):
/// its stamp, the digest of its bytes and its front matter. A file whose stamp is unchanged is
/// neither read nor parsed again; its body is read when its page is made.
///
/// A stamp is the file's size, modification time (ns) and inode. A file modified within two seconds
/// before the state was written could have changed again without its time moving (a file system
/// with coarse times): it is read and its digest compared.
struct SourceState: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var digest: Digest
        /// What the state keeps of the article, as one digest (`front(of:)`).
        var front: Digest
        var article: Article
    }

    var entries: [String: Entry] = [:]
    /// When the state was written (ns since 1970).
    var writtenAt: Int64 = 0

    static let header = Array("liftoff-sources-4\n".utf8)
    static let racyWindow: Int64 = 2_000_000_000

    static func location(for output: URL) -> URL { OutputWriter.beside(output, "sources") }

    /// The entry of `path` when its stamp is `stamp` and not in doubt.
    func known(_ path: String, stamp: FileStamp) -> Entry? {
        guard let entry = entries[path], entry.stamp == stamp, stamp.modified < writtenAt - Self.racyWindow else { return nil }
        return entry
    }

    /// The digest of what the state keeps of an article (all but its body, its path included): two
    /// articles with the same are the same to everything but their page's text.
    static func front(of article: Article) -> Digest {
        var writer = BinaryWriter(bytes: [])
        writer.bytes.reserveCapacity(1024)
        ArticleCoding.encode(article, into: &writer)
        var hasher = StableHasher()
        hasher.combine(writer.bytes)
        return hasher.finalize()
    }

    /// The state written by this binary at `url`; empty when there is none or it is not ours.
    static func read(from url: URL) -> SourceState {
        guard let bytes = KeptFiles.contents(url.path) else { return SourceState() }
        return bytes.withUnsafeBytes { raw -> SourceState? in
            var reader = BinaryReader(raw: raw)
            guard reader.take(header.count).map(Array.init) == header, reader.string() == OutputWriter.toolIdentity,
                  let writtenAt = reader.wide(), let count = reader.number()
            else { return nil }
            var state = SourceState(writtenAt: Int64(writtenAt))
            state.entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let path = reader.string(), let size = reader.wide(), let modified = reader.wide(), let inode = reader.wide(),
                      let digest = reader.digest(), let front = reader.digest(), let article = ArticleCoding.decode(&reader)
                else { return nil }
                let stamp = FileStamp(size: Int64(size), modified: Int64(modified), inode: UInt64(truncatingIfNeeded: inode))
                state.entries[path] = Entry(stamp: stamp, digest: digest, front: front, article: article)
            }
            return state
        } ?? SourceState()
    }

    /// Writes the state (to a temporary file, renamed over the old one); a failure leaves none.
    func write(to url: URL) {
        var bytes = Self.header
        bytes.reserveCapacity(entries.count * 512)
        var writer = BinaryWriter(bytes: bytes)
        writer.string(OutputWriter.toolIdentity)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        writer.wide(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))
        writer.number(UInt32(entries.count))
        for (path, entry) in entries {
            writer.string(path)
            writer.wide(Int(entry.stamp.size))
            writer.wide(Int(entry.stamp.modified))
            writer.wide(Int(truncatingIfNeeded: entry.stamp.inode))
            writer.digest(entry.digest)
            writer.digest(entry.front)
            ArticleCoding.encode(entry.article, into: &writer)
        }
        if !writer.write(atomicallyTo: url) { try? FileManager.default.removeItem(at: url) }
    }
}
