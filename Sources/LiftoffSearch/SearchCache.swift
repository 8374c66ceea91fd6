import Foundation
import LiftoffModel

/// Search terms by page path and page key: those this build made, in memory, and the earlier builds'
/// in the cache file beside the build cache (`.output.liftoff-cache-search`), mapped and decoded only
/// when asked for — a warm build needs the old terms of the pages it re-rendered, and no others. The
/// last index's state says where each of its documents' terms are in the file.
package struct SearchTerms: @unchecked Sendable {
    /// The cache file's entries (immutable once opened).
    package final class Stored: @unchecked Sendable {
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

    package var stored: Stored?
    /// Terms made (or kept in memory) by this build, with the key they were made for.
    package var made: [String: (key: Digest, document: SearchDocument)] = [:]

    package init(stored: Stored? = nil, made: [String: (key: Digest, document: SearchDocument)] = [:]) {
        self.stored = stored
        self.made = made
    }

    package func contains(_ path: String, key: Digest) -> Bool {
        made[path]?.key == key || stored?.entries[path]?.key == key
    }

    package func document(_ path: String, key: Digest) -> SearchDocument? {
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
package enum SearchCache {
    private static let header = Array("liftoff-search 3\n".utf8)

    package static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search")
    }

    /// Maps the terms file; `states` (the last indexes', one a language) say where each of their
    /// documents' terms are.
    package static func open(_ url: URL, states: [SearchIndex.State]?) -> SearchTerms.Stored? {
        guard let states, let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: header) else { return nil }
        var entries: [String: (key: Digest, range: Range<Int>)] = [:]
        entries.reserveCapacity(states.reduce(0) { $0 + $1.documents.count })
        for document in states.lazy.flatMap(\.documents) where document.stored.lowerBound >= header.count && document.stored.upperBound <= data.count {
            entries[document.path] = (document.key, document.stored)
        }
        return SearchTerms.Stored(data: data, entries: entries)
    }

    /// Writes the terms of the documents `live` names (path, key) and returns where each one's are
    /// (byte ranges): appended to the file that holds the earlier ones, unless that file had grown
    /// past twice what it would hold written anew; else written anew (through a new file and a
    /// rename: the old one may be mapped). Entries go to the file through one small buffer. Nil when
    /// it could not be written.
    package static func write(_ terms: SearchTerms, live: [(path: String, key: Digest)], to url: URL) -> [Range<Int>]? {
        guard !live.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return []
        }
        let stored = terms.stored.flatMap { FileStamp.of(url.path)?.size == Int64($0.data.count) ? $0 : nil }
        // Each live document's terms, looked up once: where the stored file holds them, or this build's.
        var sources: [Source] = []
        sources.reserveCapacity(live.count)
        for (path, key) in live {
            if let range = stored?.range(path, key: key) {
                sources.append(.stored(range))
            } else if let made = terms.made[path], made.key == key {
                sources.append(.made(made.document))
            } else {
                return nil
            }
        }
        if let stored {
            let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                var file = BufferedFile(descriptor: descriptor, start: stored.data.count)
                var kept = 0
                let offsets = zip(live, sources).map { live, source -> Range<Int> in
                    switch source {
                    case .stored(let range): kept += range.count; return range
                    case .made(let document): return file.entry(live.path, live.key, document)
                    }
                }
                let appended = file.offset - stored.data.count
                if file.close(), stored.data.count <= 2 * (header.count + kept + appended) { return offsets }
            }
        }
        let temporary = url.path + ".new"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var file = BufferedFile(descriptor: descriptor, start: 0)
        _ = file.copy(header)
        let offsets = zip(live, sources).map { live, source -> Range<Int> in
            switch source {
            case .stored(let range): return file.copy(stored!.data[range])
            case .made(let document): return file.entry(live.path, live.key, document)
            }
        }
        guard file.close(), rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return nil
        }
        return offsets
    }

    /// Where a live document's terms come from when the cache is written.
    private enum Source {
        case stored(Range<Int>)
        case made(SearchDocument)
    }

    /// A file written through one buffer of a few hundred kilobytes (a cache of megabytes is never
    /// held whole in memory).
    private struct BufferedFile {
        let descriptor: Int32
        private var buffer = BinaryWriter(bytes: [])
        /// Where the buffer's first byte goes in the file.
        private var flushed: Int
        private var failed = false

        init(descriptor: Int32, start: Int) {
            self.descriptor = descriptor
            flushed = start
            buffer.bytes.reserveCapacity(Self.size + 65_536)
        }

        static let size = 1 << 18

        var offset: Int { flushed + buffer.bytes.count }

        /// Writes an entry; returns where it is.
        mutating func entry(_ path: String, _ key: Digest, _ document: SearchDocument) -> Range<Int> {
            written { SearchCache.append(path, key, document, to: &$0) }
        }

        /// Writes bytes as they are; returns where they are.
        mutating func copy(_ bytes: some Sequence<UInt8>) -> Range<Int> {
            written { $0.bytes.append(contentsOf: bytes) }
        }

        private mutating func written(_ write: (inout BinaryWriter) -> Void) -> Range<Int> {
            let start = offset
            write(&buffer)
            let range = start..<offset
            if buffer.bytes.count >= Self.size { flush() }
            return range
        }

        private mutating func flush() {
            var done = 0
            while done < buffer.bytes.count, !failed {
                let written = buffer.bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + done, $0.count - done) }
                if written > 0 { done += written } else { failed = true }
            }
            flushed += buffer.bytes.count
            buffer.bytes.removeAll(keepingCapacity: true)
        }

        /// Writes what is left and closes the file; whether every byte was written.
        mutating func close() -> Bool {
            flush()
            return Glibc.close(descriptor) == 0 && !failed
        }
    }

    /// One entry: path, page key, length, term bytes, ends, weights.
    fileprivate static func append(_ path: String, _ key: Digest, _ document: SearchDocument, to writer: inout BinaryWriter) {
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
