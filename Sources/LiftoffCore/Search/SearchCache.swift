import Foundation

/// Search terms by page path and page key: those this build made, in memory, and the earlier builds'
/// in the cache file beside the build cache (`.output.liftoff-cache-search`), mapped and decoded only
/// when asked for — a warm build needs the old terms of the pages it re-rendered, and no others. The
/// last index's state says where each of its documents' terms are in the file.
struct SearchTerms: @unchecked Sendable {
    /// The cache file's entries (immutable once opened).
    final class Stored: @unchecked Sendable {
        let data: Data
        /// Path → page key and where the terms of the page, as the last build indexed it, are.
        let entries: [String: (key: Digest, range: Range<Int>)]

        init(data: Data, entries: [String: (key: Digest, range: Range<Int>)]) {
            self.data = data
            self.entries = entries
        }

        /// Where the entry of `path` made for `key` is (nil: none).
        func range(_ path: String, key: Digest) -> Range<Int>? {
            guard let entry = entries[path], entry.key == key else { return nil }
            return entry.range
        }
    }

    var stored: Stored?
    /// Terms made (or kept in memory) by this build, with the key they were made for.
    var made: [String: (key: Digest, document: SearchDocument)] = [:]

    func contains(_ path: String, key: Digest) -> Bool {
        made[path]?.key == key || stored?.entries[path]?.key == key
    }

    func document(_ path: String, key: Digest) -> SearchDocument? {
        if let made = made[path], made.key == key { return made.document }
        guard let stored, let range = stored.range(path, key: key) else { return nil }
        return stored.data.withUnsafeBytes { raw -> SearchDocument? in
            guard let entry = SearchCache.decode(UnsafeRawBufferPointer(rebasing: raw[range])), entry.path == path, entry.key == key,
                  entry.size == range.count
            else { return nil }
            return entry.document
        }
    }
}

/// The search cache's files: the terms (binary, little-endian, appended to by each build) and the
/// last index's state (`…-search-index`, rewritten by each build).
enum SearchCache {
    private static let header = Array("liftoff-search 3\n".utf8)

    static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search")
    }

    /// Maps the terms file; `state` (the last index's) says where each of its documents' terms are.
    static func open(_ url: URL, state: SearchIndex.State?) -> SearchTerms.Stored? {
        guard let state, let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: header) else { return nil }
        var entries: [String: (key: Digest, range: Range<Int>)] = [:]
        entries.reserveCapacity(state.documents.count)
        for document in state.documents where document.stored.lowerBound >= header.count && document.stored.upperBound <= data.count {
            entries[document.path] = (document.key, document.stored)
        }
        return SearchTerms.Stored(data: data, entries: entries)
    }

    /// Writes the terms of the documents `live` names (path, key) and returns where each one's are
    /// (byte ranges): appended to the file when it holds the earlier ones and has not grown past twice
    /// what it would hold written anew; else written anew (through a new file and a rename: the old
    /// one may be mapped). Nil when it could not be written.
    static func write(_ terms: SearchTerms, live: [(path: String, key: Digest)], to url: URL) -> [Range<Int>]? {
        guard !live.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return []
        }
        let stored = terms.stored.flatMap { FileStamp.of(url.path)?.size == Int64($0.data.count) ? $0 : nil }
        // This build's entries follow the file's end (or the header of a new file); each entry is
        // encoded once, whichever way the file is written.
        let end = stored?.data.count ?? header.count
        var offsets: [Range<Int>] = [], appended = BinaryWriter(bytes: []), liveSize = header.count
        offsets.reserveCapacity(live.count)
        for (path, key) in live {
            if let stored, let range = stored.range(path, key: key) {
                offsets.append(range)
                liveSize += range.count
            } else if let made = terms.made[path], made.key == key {
                let start = end + appended.bytes.count
                append(path, key, made.document, to: &appended)
                offsets.append(start..<(end + appended.bytes.count))
            } else {
                return nil
            }
        }
        liveSize += appended.bytes.count
        guard let stored else { return create(url, header + appended.bytes) ? offsets : nil }
        if stored.data.count <= 2 * liveSize {
            if appended.bytes.isEmpty { return offsets }
            let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                let written = appended.bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                if written == appended.bytes.count { return offsets }
            }
        }
        var file = header
        file.reserveCapacity(liveSize)
        for (position, range) in offsets.enumerated() {
            let start = file.count
            if range.lowerBound >= end {
                file.append(contentsOf: appended.bytes[(range.lowerBound - end)..<(range.upperBound - end)])
            } else {
                file.append(contentsOf: stored.data[range])
            }
            offsets[position] = start..<file.count
        }
        return create(url, file) ? offsets : nil
    }

    /// Writes a new file through a temporary one and a rename (the old one may be mapped).
    private static func create(_ url: URL, _ bytes: [UInt8]) -> Bool {
        let temporary = url.path + ".new"
        do {
            try OutputWriter.create(temporary, bytes)
        } catch {
            unlink(temporary)
            return false
        }
        return rename(temporary, url.path) == 0
    }

    /// One entry: path, page key, length, term bytes, ends, weights.
    private static func append(_ path: String, _ key: Digest, _ document: SearchDocument, to writer: inout BinaryWriter) {
        writer.run(path.utf8)
        writer.digest(key)
        writer.number(document.length)
        writer.run(document.termBytes)
        writer.numbers(document.ends)
        writer.numbers(document.weights)
    }

    /// The entry at the start of `raw`: its path, key, terms and size in bytes.
    static func decode(_ raw: UnsafeRawBufferPointer) -> (path: String, key: Digest, document: SearchDocument, size: Int)? {
        var reader = BinaryReader(raw: raw)
        guard let name = reader.run(), let key = reader.digest(), let length = reader.number(), let termBytes = reader.run(),
              let ends = reader.numbers(), let weights = reader.numbers(), ends.count == weights.count
        else { return nil }
        let document = SearchDocument(termBytes: Array(termBytes), ends: ends, weights: weights, length: length)
        return (String(decoding: name, as: UTF8.self), key, document, reader.offset)
    }
}
