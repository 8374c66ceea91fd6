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
    private static let header = Array("liftoff-search 2\n".utf8)

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
    /// (byte ranges):
    /// appended to the file when it holds the earlier ones and has not grown past twice what it would
    /// hold written anew; else written anew (through a new file and a rename: the old one may be
    /// mapped). Nil when it could not be written.
    static func write(_ terms: SearchTerms, live: [(path: String, key: Digest)], to url: URL) -> [Range<Int>]? {
        guard !live.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return []
        }
        var offsets: [Range<Int>] = [], appended: [UInt8] = [], liveSize = header.count
        let stored = terms.stored.flatMap { FileStamp.of(url.path)?.size == Int64($0.data.count) ? $0 : nil }
        for (path, key) in live {
            if let stored, let range = stored.range(path, key: key) {
                offsets.append(range)
                liveSize += range.count
            } else if let made = terms.made[path], made.key == key {
                let start = (stored?.data.count ?? 0) + appended.count
                append(path, key, made.document, to: &appended)
                offsets.append(start..<((stored?.data.count ?? 0) + appended.count))
            } else {
                return nil
            }
        }
        liveSize += appended.count
        if let stored, stored.data.count <= 2 * liveSize {
            if appended.isEmpty { return offsets }
            let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                let written = appended.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                if written == appended.count { return offsets }
            }
        }
        var bytes = header
        bytes.reserveCapacity(liveSize)
        offsets = []
        for (path, key) in live {
            let start = bytes.count
            if let stored, let range = stored.range(path, key: key) {
                bytes.append(contentsOf: stored.data[range])
            } else if let made = terms.made[path] {
                append(path, key, made.document, to: &bytes)
            }
            offsets.append(start..<bytes.count)
        }
        return (try? Data(bytes).write(to: url, options: .atomic)) == nil ? nil : offsets
    }

    /// One entry: path, page key, length, term bytes, ends, weights.
    private static func append(_ path: String, _ key: Digest, _ document: SearchDocument, to bytes: inout [UInt8]) {
        func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func numbers(_ values: [UInt32]) {
            number(UInt32(values.count))
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian, as every platform Liftoff runs on
        }
        let name = Array(path.utf8)
        number(UInt32(name.count))
        bytes.append(contentsOf: name)
        bytes.append(contentsOf: key.description.utf8)
        number(document.length)
        number(UInt32(document.termBytes.count))
        bytes.append(contentsOf: document.termBytes)
        numbers(document.ends)
        numbers(document.weights)
    }

    /// The entry at the start of `raw`: its path, key, terms (when asked for) and size in bytes.
    static func decode(_ raw: UnsafeRawBufferPointer, terms: Bool = true) -> (path: String, key: Digest, document: SearchDocument?, size: Int)? {
        var reader = BinaryReader(raw: raw)
        guard let nameLength = reader.number(), let name = reader.take(Int(nameLength)), let keyText = reader.take(32),
              let key = Digest(hex: keyText),
              let length = reader.number(), let termLength = reader.number(), let termBytes = reader.take(Int(termLength)),
              let endCount = reader.number(), let ends = reader.take(Int(endCount) * 4),
              let weightCount = reader.number(), endCount == weightCount, let weights = reader.take(Int(weightCount) * 4)
        else { return nil }
        var document: SearchDocument?
        if terms {
            document = SearchDocument(termBytes: Array(termBytes), ends: BinaryReader.numbers(ends), weights: BinaryReader.numbers(weights), length: length)
        }
        return (String(decoding: name, as: UTF8.self), key, document, reader.offset)
    }
}

/// Little-endian numbers and byte runs read from a buffer, each checked against its end.
struct BinaryReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    mutating func number() -> UInt32? {
        guard offset + 4 <= raw.count else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, offset + count <= raw.count else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
    }

    static func numbers(_ bytes: UnsafeRawBufferPointer) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count / 4) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count / 4 * 4)]))
            initialized = bytes.count / 4
        }
    }
}
