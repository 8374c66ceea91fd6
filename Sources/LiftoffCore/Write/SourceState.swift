import Foundation
import LiftoffModel
import LiftoffSource

/// What the last build knew of each article file, kept beside the output (`.output.liftoff-sources`):
/// its stamp, the digest of its bytes and its front matter. A file whose stamp is unchanged is
/// neither read nor parsed again; its body is read when its page is made.
///
/// A stamp is the file's size, modification time (ns) and inode. A file modified within two seconds
/// before its entry was written could have changed again without its time moving (a file system
/// with coarse times): it is read and its digest compared.
///
/// The file is a log: a batch of every entry, then a batch for each build that changed some (an
/// entry set, or a path removed), each batch ending with its own length, so that one cut short
/// by a killed build is left unread (and the next build writes the file whole again). An edit
/// appends its entry instead of writing 100,000 again; the file is written whole once the
/// batches appended reach a quarter of the first.
struct SourceState: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var digest: Digest
        /// What the state keeps of the article, as one digest (`front(of:)`), and what the resolver reads of it (`order(of:)`).
        var front: Digest
        var order: Digest
        var article: Article
        /// When the batch holding the entry was written (ns since 1970).
        var writtenAt: Int64 = 0
    }

    var entries: [String: Entry] = [:]
    /// The file the state was read from: its size, and the size of its first batch (nil: it
    /// cannot be appended to).
    var stored: (size: Int, first: Int)?

    static let header = Array("liftoff-sources-6\n".utf8)
    static let racyWindow: Int64 = 2_000_000_000

    static func location(for output: URL) -> URL { OutputWriter.beside(output, "sources") }

    /// The entry of `path` when its stamp is `stamp` and not in doubt.
    func known(_ path: String, stamp: FileStamp) -> Entry? {
        guard let entry = entries[path], entry.stamp == stamp, stamp.modified < entry.writtenAt - Self.racyWindow else { return nil }
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

    /// The digest of what `Resolver` reads of an article: its path, slug, date, draft, tags,
    /// related reads and authors (not its title, description or dates of update).
    static func order(of article: Article) -> Digest {
        var hasher = StableHasher()
        hasher.combine(article.path)
        hasher.combine(article.slug)
        hasher.combine(article.date.seconds)
        hasher.combine(article.draft)
        for list in [article.tags, article.tagSlugs, article.related ?? ["\u{0}none"], article.authors] {
            hasher.combine(list.count)
            for item in list { hasher.combine(item) }
        }
        return hasher.finalize()
    }

    /// The state written by this binary at `url`, batch after batch; empty when there is none or
    /// it is not ours.
    static func read(from url: URL) -> SourceState {
        guard let bytes = KeptFiles.contents(url.path) else { return SourceState() }
        return bytes.withUnsafeBytes { raw -> SourceState? in
            var reader = BinaryReader(raw: raw)
            guard reader.take(header.count).map(Array.init) == header, reader.string() == OutputWriter.toolIdentity else { return nil }
            var state = SourceState()
            var first = 0
            while reader.offset < raw.count {
                let start = reader.offset
                // Cut short: what the earlier batches said holds; the next write starts afresh.
                guard let batch = Self.batch(&reader) else { return state }
                let length = reader.offset - start
                guard reader.wide() == length else { return state }
                if first == 0 {
                    first = reader.offset
                    state.entries.reserveCapacity(batch.count)
                }
                for (path, entry) in batch { state.entries[path] = entry }
            }
            state.stored = first == 0 ? nil : (raw.count, first)
            return state
        } ?? SourceState()
    }

    /// One batch: its time, its count, then each path with its entry (nil: removed).
    private static func batch(_ reader: inout BinaryReader) -> [(String, Entry?)]? {
        guard let writtenAt = reader.wide(), let count = reader.number(), Int(count) <= reader.raw.count else { return nil }
        var batch: [(String, Entry?)] = []
        batch.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.string(), let present = reader.bool() else { return nil }
            guard present else {
                batch.append((path, nil))
                continue
            }
            guard let size = reader.wide(), let modified = reader.wide(), let inode = reader.wide(),
                  let digest = reader.digest(), let front = reader.digest(), let order = reader.digest(), let article = ArticleCoding.decode(&reader)
            else { return nil }
            let stamp = FileStamp(size: Int64(size), modified: Int64(modified), inode: UInt64(truncatingIfNeeded: inode))
            batch.append((path, Entry(stamp: stamp, digest: digest, front: front, order: order, article: article, writtenAt: Int64(writtenAt))))
        }
        return batch
    }

    /// Writes the entries of `changed` (set or removed) as a batch at the end of the file the state
    /// was read from, when that file is still the one read and not grown past a quarter of its
    /// first batch; else writes every entry to a new file renamed over the old one. A failure leaves none.
    func write(to url: URL, changed: [String]? = nil) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let writtenAt = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        if let changed, let stored, stored.size - stored.first < stored.first / 4 {
            var writer = BinaryWriter(bytes: [])
            batch(changed.map { ($0, entries[$0]) }, writtenAt: writtenAt, into: &writer)
            if Self.append(writer, to: url, size: stored.size) { return }
        }
        var writer = BinaryWriter(bytes: Self.header)
        writer.bytes.reserveCapacity(entries.count * 512)
        writer.string(OutputWriter.toolIdentity)
        batch(entries.map { ($0.key, $0.value) }, writtenAt: writtenAt, into: &writer)
        if !writer.write(atomicallyTo: url) { try? FileManager.default.removeItem(at: url) }
    }

    private func batch(_ entries: [(String, Entry?)], writtenAt: Int, into writer: inout BinaryWriter) {
        let start = writer.bytes.count
        writer.wide(writtenAt)
        writer.number(UInt32(entries.count))
        for (path, entry) in entries {
            writer.string(path)
            writer.bool(entry != nil)
            guard let entry else { continue }
            writer.wide(Int(entry.stamp.size))
            writer.wide(Int(entry.stamp.modified))
            writer.wide(Int(truncatingIfNeeded: entry.stamp.inode))
            writer.digest(entry.digest)
            writer.digest(entry.front)
            writer.digest(entry.order)
            ArticleCoding.encode(entry.article, into: &writer)
        }
        writer.wide(writer.bytes.count - start)
    }

    /// Appends `batch` to the file at `url` when it is a plain file of `size` bytes (the one read).
    private static func append(_ batch: BinaryWriter, to url: URL, size: Int) -> Bool {
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return false }
        let written = batch.write(to: descriptor)
        if !written { _ = ftruncate(descriptor, off_t(size)) }
        return written
    }
}
